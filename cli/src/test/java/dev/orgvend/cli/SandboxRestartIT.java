package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orgvend.testkit.torture.FaultRun;
import dev.orgvend.testkit.torture.PackagedCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox goes down while apply is creating accounts — killed with SIGKILL, then started
 * again on the same port and data directory — with throttling, server errors, dropped
 * connections and slow answers on top. Apply rides it out or fails cleanly, a rerun finishes,
 * and the fleet invariants hold. The long version is {@code bench/run faults}.
 */
class SandboxRestartIT {
  private static final Path JAR = PackagedCli.defaultJar();

  @TempDir Path dir;

  @Test
  void apply_whenTheSandboxIsKilledAndRestartedMidRun_underFaults_keepsEveryInvariant()
      throws Exception {
    assumeTrue(Files.exists(JAR), "run 'mvn package' first: " + JAR);
    FaultRun.Scenario scenario = new FaultRun.Scenario("restart+faults", 0.05, 0.05, 0.05, 0.05,
        Duration.ofMillis(300), 1);

    FaultRun.Result result = new FaultRun(JAR, dir, 6, Duration.ofMillis(1500), 4, 20261129L)
        .run(scenario);

    assertThat(result.violations()).isEmpty();
    assertThat(result.restartsDuringApply()).as("sandbox restarts while apply ran").isEqualTo(1);
    assertThat(result.outcome().report().found()).isEqualTo(6);
    assertThat(result.apiErrors()).as("faults apply met").isPositive();
  }
}
