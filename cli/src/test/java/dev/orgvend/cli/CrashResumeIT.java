package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import dev.orgvend.testkit.torture.CrashTorture;
import dev.orgvend.testkit.torture.PackagedCli;
import dev.orgvend.testkit.torture.SandboxAccess;
import dev.orgvend.testkit.torture.TortureSpec;
import dev.orgvend.testkit.torture.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills the packaged orgvend while it applies (at chosen journal writes, and with SIGKILL at
 * random moments), reruns it, and checks the fleet invariants: one account per e-mail address,
 * each in its OU with its tags and its billing alarm baseline, nothing lost, nothing requested
 * twice, the journal settled. The sandbox runs in this JVM, so it outlives every killed run.
 * The long version of the random kills is {@code bench/run torture}.
 */
class CrashResumeIT {
  private static final Path JAR = PackagedCli.defaultJar();

  @TempDir Path dir;

  private static Sandbox sandbox() {
    return Sandbox.builder().port(0).settings(SandboxSettings.defaults()
        .withCreateAccountDelay(Duration.ofMillis(1500))).start();
  }

  private PackagedCli cli(Sandbox sandbox, TortureSpec spec) {
    spec.writeTo(dir);
    return new PackagedCli(JAR, dir, SandboxAccess.of(sandbox));
  }

  private static void assertFleetMatchesSpec(PackagedCli cli, Sandbox sandbox,
      TortureSpec spec) {
    Verification.Outcome outcome = Verification.planAndInvariants(cli,
        SandboxAccess.of(sandbox), spec);
    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.report().found()).isEqualTo(spec.accounts());
  }

  /**
   * The N-th time a journal write is reached. The spec's six OUs come first, so intents and
   * outcomes from the seventh on belong to accounts.
   */
  @ParameterizedTest(name = "halt at {0}")
  @ValueSource(strings = {"after-intent:8", "before-requested:2", "after-requested:3",
      "before-done:8", "after-done:10"})
  void apply_haltedAtAJournalWrite_thenRerun_endsWithEveryAccountOnce(String point) {
    assumeTrue(Files.exists(JAR), "run 'mvn package' first: " + JAR);
    TortureSpec spec = TortureSpec.of("halt", 5);
    try (Sandbox sandbox = sandbox()) {
      PackagedCli cli = cli(sandbox, spec);
      PackagedCli.Result crashed = cli.start(List.of("-Dorgvend.crash=" + point), "apply",
          "--yes").awaitExit();
      assertThat(crashed.exit()).as(crashed.output()).isEqualTo(137);
      assertThat(crashed.output()).contains("crash point " + point + " reached");
      PackagedCli.Result resumed = cli.run("apply", "--yes");
      assertThat(resumed.exit()).as(resumed.output()).isZero();
      assertThat(resumed.output()).contains("from an interrupted run: run 1: stopped without"
          + " finishing (killed or crashed); marked CRASHED");
      assertFleetMatchesSpec(cli, sandbox, spec);
    }
  }

  @Test
  void apply_stoppedLikeCtrlC_journalsTheRunAsInterrupted_andARerunFinishes() throws Exception {
    assumeTrue(Files.exists(JAR), "run 'mvn package' first: " + JAR);
    TortureSpec spec = TortureSpec.of("stop", 5);
    try (Sandbox sandbox = sandbox()) {
      PackagedCli cli = cli(sandbox, spec);
      PackagedCli.Running run = cli.start("apply", "--yes", "-o", "json");
      assertThat(run.awaitEvent("account-requested", 1)).as("apply got to creating").isTrue();
      run.stop();
      PackagedCli.Result stopped = run.awaitExit();
      assertThat(stopped.exit()).as(stopped.output()).isNotZero().isNotEqualTo(137);
      PackagedCli.Result history = cli.run("history");
      assertThat(history.output()).as(history.output()).contains("INTERRUPTED");
      PackagedCli.Result resumed = cli.run("apply", "--yes");
      assertThat(resumed.exit()).as(resumed.output()).isZero();
      assertFleetMatchesSpec(cli, sandbox, spec);
    }
  }

  /** The CI-sized crash torture: one round of seeded SIGKILLs at moments across apply. */
  @Test
  void apply_killedAtRandomMoments_thenRerun_keepsEveryInvariant() throws Exception {
    assumeTrue(Files.exists(JAR), "run 'mvn package' first: " + JAR);
    try (Sandbox sandbox = sandbox()) {
      CrashTorture.Target target = CrashTorture.Target.of(sandbox);
      CrashTorture.Result result = new CrashTorture(JAR, dir, target,
          new CrashTorture.Options(8, 6, 6, 4, 20261129L), new CrashTorture.Listener() {})
          .run();

      assertThat(result.violations()).isEmpty();
      assertThat(result.landed()).as("kills that hit a running apply").isEqualTo(6);
      assertThat(result.rounds()).allSatisfy(r ->
          assertThat(r.outcome().report().found()).isEqualTo(8));
    }
  }
}
