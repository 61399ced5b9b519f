package dev.orgvend.testkit.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgvend.core.plan.Change;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The saved-plan half of the bad-input corpus ({@code docs/testing.md}), as far as reading goes:
 * a case that exits 3 must be refused by {@link PlanJson#read(Path)} with exactly the message of
 * its expected stderr (which the CLI prefixes with {@code orgvend: FILE: }); a case that exits 1
 * is well formed and is refused only once the organization has been read, which {@code
 * BadInputCorpusIT} checks against a sandbox.
 */
class BadPlanCorpusTest {
  /** Stand-ins for what a real organization gives; the IT uses the real ones. */
  private static final Map<String, String> IDS = Map.of("organizationId", "o-corpustest1",
      "fingerprint", "0123456789abcdef0123456789abcdef");

  @TempDir Path dir;

  static List<String> badPlans() throws IOException {
    return CorpusCase.names(CorpusCase.directory("plans/bad"), ".json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPlans")
  void read_whenPlanIsBroken_refusesItAsExpected(String name) throws Exception {
    CorpusCase c = CorpusCase.read(CorpusCase.directory("plans/bad").resolve(name));
    Path plan = c.copyTo(dir, IDS);

    assertThat(c.stderr()).hasSize(1);
    assertThat(c.headers()).containsKeys("category", "why");
    if (c.exitCode() == 3) {
      assertThat(c.headers()).containsEntry("aws", "none");
      String prefix = "orgvend: " + name + ": ";
      assertThat(c.stderr().get(0)).startsWith(prefix);
      assertThatThrownBy(() -> PlanJson.read(plan))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(c.stderr().get(0).substring(prefix.length()));
    } else {
      assertThat(c.exitCode()).isEqualTo(1);
      assertThat(c.headers()).containsEntry("aws", "reads");
      assertThat(PlanJson.read(plan).organizationId()).matches("o-[a-z0-9]{10,32}");
    }
  }

  @Test
  void corpus_everyPlanHasAnExpectationAndViceVersa() throws Exception {
    Path corpus = CorpusCase.directory("plans/bad");
    List<String> plans = CorpusCase.names(corpus, ".json").stream()
        .map(n -> n.replaceFirst("\\.json$", "")).toList();
    List<String> expectations = CorpusCase.names(corpus, ".expected").stream()
        .map(n -> n.replaceFirst("\\.expected$", "")).toList();
    assertThat(plans).hasSizeGreaterThanOrEqualTo(12).isEqualTo(expectations);
  }

  @Test
  void template_isAGenuinePlanThatReadsBack() throws Exception {
    CorpusCase template = new CorpusCase(CorpusCase.directory("plans").resolve("plan.json"),
        Map.of(), List.of());

    Plan plan = PlanJson.read(template.copyTo(dir, IDS));

    assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);
    assertThat(plan.changes()).extracting(Change::action)
        .containsExactly("create-ou", "create-account", "create-account");
  }
}
