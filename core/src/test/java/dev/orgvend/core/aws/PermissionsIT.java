package dev.orgvend.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.apply.Outcome;
import dev.orgvend.core.apply.Progress;
import dev.orgvend.core.engine.ApplyRequest;
import dev.orgvend.core.engine.ApplyResult;
import dev.orgvend.core.engine.ApplyRun;
import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.engine.SandboxEngines;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real applies against the sandbox (create, move, retag, and a creation AWS refuses) and
 * checks that every operation the caller counted is in {@link Permissions}, so the policy that
 * {@code orgvend permissions} prints cannot fall behind the code.
 */
class PermissionsIT {
  private static final String FIRST = """
      version: 1
      organization:
        units:
          - name: Apps
            units:
              - name: Prod
      accounts:
        - name: perm-web
          email: perm-web@example.com
          ou: Apps/Prod
          tags: {team: web, tier: front}
        - name: perm-db
          email: perm-db@example.com
        - name: perm-taken
          email: perm-taken@example.com
      """;
  /** perm-web moves up to Apps, gets a new tag value and loses one; perm-taken is dropped. */
  private static final String SECOND = """
      version: 1
      organization:
        units:
          - name: Apps
            units:
              - name: Prod
      accounts:
        - name: perm-web
          email: perm-web@example.com
          ou: Apps
          tags: {team: platform}
        - name: perm-db
          email: perm-db@example.com
      """;

  @TempDir Path dir;
  private Sandbox sandbox;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().port(0).seed(11)
        .settings(SandboxSettings.defaults().withCreateAccountDelay(Duration.ofMillis(200)))
        .start();
    // An address that belongs to an account outside the organization: CreateAccount fails
    // with EMAIL_ALREADY_EXISTS and apply looks for the account before giving up.
    sandbox.seedTakenEmails(List.of("perm-taken@example.com"));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static Spec spec(String yaml) {
    SpecResult result = SpecLoader.create().parse("orgvend.yaml", yaml);
    assertThat(result).isInstanceOf(SpecResult.Valid.class);
    return ((SpecResult.Valid) result).spec();
  }

  private Engine engine() {
    return SandboxEngines.start(sandbox, dir.resolve("journal.db"));
  }

  private static List<Outcome> apply(Engine engine, Spec spec) {
    try (ApplyRun run = engine.startApply(ApplyRequest.of(spec, Path.of("orgvend.yaml")),
        Progress.silent())) {
      return ((ApplyResult.Finished) run.apply()).outcomes();
    }
  }

  @Test
  void apply_callsOnlyOperationsThePolicyGrants() {
    Set<String> called;
    try (Engine engine = engine()) {
      List<Outcome> first = apply(engine, spec(FIRST));
      List<Outcome> second = apply(engine, spec(SECOND));

      assertThat(first).filteredOn(o -> !o.ok()).extracting(Outcome::subject)
          .containsExactly("perm-taken");
      assertThat(second).extracting(Outcome::action)
          .containsExactlyInAnyOrder("move-account", "retag-account");
      assertThat(second).allMatch(Outcome::ok);
      called = engine.stats().callsByOperation().keySet();
    }

    // The scenario reaches every corner it is meant to; otherwise the check below proves little.
    assertThat(called).contains("CreateOrganizationalUnit", "CreateAccount",
        "DescribeCreateAccountStatus", "ListAccounts", "ListParents", "MoveAccount",
        "TagResource", "UntagResource", "AssumeRole");
    assertThat(called).allSatisfy(op -> assertThat(Permissions.of(op))
        .as("Permissions lists %s", op).isPresent());
    String policy = Permissions.policy(List.of("OrganizationAccountAccessRole"), false);
    assertThat(called).allSatisfy(op -> Permissions.of(op).orElseThrow().actions()
        .forEach(action -> assertThat(policy).contains("\"" + action + "\"")));
  }

  @Test
  void plan_callsOnlyOperationsTheReadOnlyPolicyGrants() {
    try (Engine applying = engine()) {
      apply(applying, spec(SECOND));
    }
    Set<String> called;
    try (Engine planning = engine()) {
      planning.plan(spec(FIRST));
      called = planning.stats().callsByOperation().keySet();
    }

    assertThat(called).contains("ListTagsForResource", "ListAccountsForParent");
    assertThat(called).allSatisfy(op -> assertThat(Permissions.of(op))
        .hasValueSatisfying(g -> assertThat(g.need()).isEqualTo(Permissions.Need.PLAN)));
    assertThat(called.stream().flatMap(op -> Permissions.of(op).orElseThrow().actions().stream()))
        .allSatisfy(action -> assertThat(Permissions.actions(true)).contains(action));
  }
}
