package dev.orgvend.core.it;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed creations: the others go on, and each failure says what to do. */
class ApplyFailuresIT {
  @TempDir Path dir;

  private List<Outcome> apply(Sandbox sandbox, String yaml) {
    Spec spec = ((SpecResult.Valid) SpecLoader.create().parse("t.yaml", yaml)).spec();
    try (Engine engine = SandboxEngines.start(sandbox, dir.resolve("journal.db"));
        ApplyRun run = engine.startApply(ApplyRequest.of(spec, Path.of("t.yaml")),
            Progress.silent())) {
      return ((ApplyResult.Finished) run.apply()).outcomes();
    }
  }

  @Test
  void apply_whenEmailTakenOutsideTheOrganization_failsThatAccountOnlyAndSaysWhy() {
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(SandboxSettings.defaults()
        .withCreateAccountDelay(Duration.ofMillis(200))).start()) {
      sandbox.seedTakenEmails(List.of("taken@example.com"));
      List<Outcome> outcomes = apply(sandbox, """
          version: 1
          accounts:
            - name: fine
              email: fine@example.com
            - name: taken
              email: taken@example.com
          """);
      assertThat(outcomes).as(outcomes.toString()).filteredOn(Outcome::ok).extracting(Outcome::subject)
          .containsExactly("fine");
      assertThat(outcomes).filteredOn(o -> !o.ok()).singleElement().satisfies(o ->
          assertThat(o.message()).contains("EMAIL_ALREADY_EXISTS")
              .contains("outside this organization"));
    }
  }

  @Test
  void apply_whenOrganizationIsFull_reportsTheQuotaAndWhatToDo() {
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(SandboxSettings.defaults()
        .withCreateAccountDelay(Duration.ofMillis(200))
        .withQuotas(SandboxSettings.OverQuota.ASYNC, 2, 5)).start()) {
      List<Outcome> outcomes = apply(sandbox, """
          version: 1
          accounts:
            - name: one
              email: one@example.com
            - name: two
              email: two@example.com
          """);
      assertThat(outcomes).as(outcomes.toString()).filteredOn(Outcome::ok).hasSize(1);
      assertThat(outcomes).filteredOn(o -> !o.ok()).singleElement().satisfies(o ->
          assertThat(o.message()).contains("ACCOUNT_LIMIT_EXCEEDED").contains("quota"));
    }
  }
}
