package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.sandbox.RequestCounts;
import dev.orgvend.testkit.corpus.CorpusCase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus through the real CLI ({@code docs/testing.md}). Every broken spec under
 * {@code testkit/corpus/specs/bad} goes through {@code validate}, {@code plan} and
 * {@code apply --yes} against a running sandbox; every broken saved plan under {@code plans/bad}
 * through {@code apply --yes PLAN}. Each must print exactly the stderr of its {@code .expected}
 * file and exit with the code its header names, and the sandbox's request counts prove what
 * reached "AWS": nothing at all ({@code aws: none}), or reads but not one write ({@code aws:
 * reads}, saved plans refused after reading the organization). The journal records no run.
 */
class BadInputCorpusIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path RESOURCES = CorpusCase.root();
  private static final Path SPECS = RESOURCES.resolve("specs/bad");
  private static final Path PLANS = RESOURCES.resolve("plans/bad");

  static MemberSandbox sandbox;
  /** The ids the corpus's plans are made for: those of a genuine plan of the sandbox. */
  static Map<String, String> ids;

  @TempDir Path dir;

  @BeforeAll
  static void start(@TempDir Path setup) throws Exception {
    sandbox = new MemberSandbox();
    Path spec = Files.copy(RESOURCES.resolve("plans/orgvend.yaml"), setup.resolve("orgvend.yaml"));
    Path genuine = setup.resolve("genuine.json");
    CliRunner.Result plan = CliRunner.run(sandbox.args(spec, "plan", "--out", genuine.toString(),
        "--state", setup.resolve("journal.db").toString()));
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.CHANGES);
    JsonNode saved = JSON.readTree(genuine.toFile());
    ids = Map.of("organizationId", saved.get("organizationId").asText(),
        "fingerprint", saved.get("fingerprint").asText());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** The expected stderr of a case, with the ids of this sandbox's genuine plan filled in. */
  private static String expectedStderr(CorpusCase c) {
    StringBuilder out = new StringBuilder();
    c.stderr(ids).forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  private static List<Path> inputs(Path corpus, String extension) throws IOException {
    return CorpusCase.names(corpus, extension).stream().map(corpus::resolve).toList();
  }

  static Stream<Arguments> specCases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Path spec : inputs(SPECS, ".yaml")) {
      for (String command : List.of("validate", "plan", "apply")) {
        out.add(Arguments.of(spec.getFileName().toString(), command));
      }
    }
    return out.stream();
  }

  static Stream<String> planCases() throws IOException {
    return inputs(PLANS, ".json").stream().map(p -> p.getFileName().toString());
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("specCases")
  void command_whenSpecIsBroken_printsItsErrorsExitsThreeAndSendsNothing(String name,
      String command) throws Exception {
    CorpusCase c = CorpusCase.read(SPECS.resolve(name));
    Path spec = c.copyTo(dir, ids);
    Path journal = dir.resolve("journal.db");
    String[] args = command.equals("validate") ? new String[] {"validate", "-f", spec.toString()}
        : command.equals("plan") ? sandbox.args(spec, "plan", "--state", journal.toString())
        : sandbox.args(spec, "apply", "--yes", "--state", journal.toString());
    RequestCounts before = sandbox.sandbox.stats();

    CliRunner.Result r = CliRunner.run(args);

    assertThat(c.headers()).containsEntry("aws", "none");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(c.exitCode());
    assertThat(withoutDir(r.err())).isEqualTo(expectedStderr(c));
    assertThat(r.out()).isEmpty();
    assertThat(sandbox.sandbox.stats().requests()).as("requests sent")
        .isEqualTo(before.requests());
    assertThat(journal).as("a journal is never opened for a broken spec").doesNotExist();
  }

  @ParameterizedTest(name = "apply {0}")
  @MethodSource("planCases")
  void apply_whenSavedPlanIsBroken_printsItsErrorAndWritesNothing(String name) throws Exception {
    CorpusCase c = CorpusCase.read(PLANS.resolve(name));
    Path plan = c.copyTo(dir, ids);
    Path spec = Files.copy(RESOURCES.resolve("plans").resolve(
        c.headers().getOrDefault("spec", "orgvend.yaml")), dir.resolve(
        c.headers().getOrDefault("spec", "orgvend.yaml")));
    Path journal = dir.resolve("journal.db");
    RequestCounts before = sandbox.sandbox.stats();

    CliRunner.Result r = CliRunner.run(sandbox.args(spec, "apply", "--yes", "--state",
        journal.toString(), plan.toString()));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(c.exitCode());
    assertThat(withoutDir(r.err())).isEqualTo(expectedStderr(c));
    assertThat(r.out()).isEmpty();
    RequestCounts after = sandbox.sandbox.stats();
    assertThat(after.writes()).as("write requests").isEqualTo(before.writes());
    assertThat(after.unrecognised()).isEqualTo(before.unrecognised());
    if (c.headers().get("aws").equals("none")) {
      assertThat(after.requests()).as("requests sent").isEqualTo(before.requests());
      assertThat(journal).as("a journal is never opened for an unreadable plan").doesNotExist();
    } else {
      assertThat(c.headers()).containsEntry("aws", "reads");
      assertThat(after.reads()).as("the organization was read").isGreaterThan(before.reads());
      try (Journal j = Journal.open(journal, Clock.systemUTC())) {
        assertThat(j.runs(10)).as("runs journaled").isEmpty();
      }
    }
  }

  /** The positive control: the plan the corpus is made from does apply, with writes counted. */
  @Test
  void apply_whenSavedPlanIsGenuine_appliesItAndTheWritesAreCounted() throws Exception {
    try (MemberSandbox fresh = new MemberSandbox()) {
      Path spec = Files.copy(RESOURCES.resolve("plans/orgvend.yaml"), dir.resolve("orgvend.yaml"));
      Path plan = dir.resolve("plan.json");
      Path journal = dir.resolve("journal.db");
      assertThat(CliRunner.run(fresh.args(spec, "plan", "--out", plan.toString(), "--state",
          journal.toString())).exitCode()).isEqualTo(ExitCodes.CHANGES);

      CliRunner.Result r = CliRunner.run(fresh.args(spec, "apply", "--yes", "--no-verify",
          "--state", journal.toString(), plan.toString()));

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(fresh.sandbox.stats().count("organizations", "CreateAccount")).isEqualTo(2);
      assertThat(fresh.sandbox.stats().count("organizations", "CreateOrganizationalUnit"))
          .isEqualTo(1);
      try (Journal j = Journal.open(journal, Clock.systemUTC())) {
        assertThat(j.runs(10)).hasSize(1);
      }
    }
  }

  @Test
  void corpus_hasAtLeastSixtyCasesAndTwelveSavedPlans() throws Exception {
    int specs = inputs(SPECS, ".yaml").size();
    int plans = inputs(PLANS, ".json").size();

    assertThat(plans).isGreaterThanOrEqualTo(12);
    assertThat(specs + plans).isGreaterThanOrEqualTo(60);
  }

  /** The output with this test's directory left out, so files read as the corpus names them. */
  private String withoutDir(String text) {
    return text.replace(dir + File.separator, "");
  }
}
