package dev.orgvend.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.apply.Outcome;
import dev.orgvend.core.apply.Progress;
import dev.orgvend.core.engine.ApplyRequest;
import dev.orgvend.core.engine.ApplyResult;
import dev.orgvend.core.engine.ApplyRun;
import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.engine.SandboxEngines;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply against a sandbox that throttles, fails and drops connections: nothing lost or doubled. */
class ApplyUnderFaultsIT {
  @TempDir Path dir;

  static Spec spec(int accounts) {
    StringBuilder yaml = new StringBuilder(
        "version: 1\norganization:\n  units:\n    - name: A\n    - name: B\naccounts:\n");
    for (int i = 0; i < accounts; i++) {
      yaml.append("  - name: f-").append(i).append("\n    email: f-").append(i)
          .append("@example.com\n    ou: ").append(i % 2 == 0 ? "A" : "B")
          .append("\n    tags: {k: v").append(i).append("}\n");
    }
    return ((SpecResult.Valid) SpecLoader.create().parse("f.yaml", yaml.toString())).spec();
  }

  private List<Outcome> applyOnce(Sandbox sandbox, Spec spec) {
    try (Engine engine = SandboxEngines.startWithSandboxQuota(sandbox, dir.resolve("journal.db"));
        ApplyRun run = engine.startApply(ApplyRequest.of(spec, Path.of("f.yaml")),
            Progress.silent())) {
      return ((ApplyResult.Finished) run.apply()).outcomes();
    }
  }

  @Test
  void apply_whenSandboxFailsDropsAndThrottles_createsEveryAccountExactlyOnce() {
    Spec spec = spec(12);
    SandboxSettings settings = SandboxSettings.defaults()
        .withCreateAccountDelay(Duration.ofMillis(400))
        .withThrottling(SandboxSettings.Throttling.OFF, Map.of(
            "CreateAccount", new SandboxSettings.Rate(4, 2),
            "MoveAccount", new SandboxSettings.Rate(3, 2)))
        .withFaults(Duration.ofMillis(2), 0.08, 0.08);
    try (Sandbox sandbox = Sandbox.builder().port(0).seed(5).settings(settings).start()) {
      List<Outcome> first = applyOnce(sandbox, spec);
      assertThat(first).allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());

      sandbox.updateSettings(s -> s.withFaults(Duration.ZERO, 0, 0));
      try (Engine engine = SandboxEngines.startWithSandboxQuota(sandbox,
          dir.resolve("journal.db"))) {
        LiveOrganization live = engine.read(spec);
        Map<String, Long> perEmail = live.accounts().stream()
            .collect(Collectors.groupingBy(a -> a.email(), Collectors.counting()));
        for (int i = 0; i < 12; i++) {
          assertThat(perEmail.get("f-" + i + "@example.com")).isEqualTo(1L);
        }
        assertThat(engine.plan(spec, live).hasChanges()).isFalse();
      }
    }
  }
}
