package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;

/**
 * Kills the packaged orgvend while it applies (at chosen journal writes, and with SIGKILL at
 * random moments), reruns it, and checks that the organization ends exactly as the spec says:
 * one account per e-mail address, each in its OU with its tags, nothing lost, nothing twice.
 * The sandbox runs in this JVM, so it outlives every killed run.
 */
class CrashResumeIT {
  private static final Path JAR = Path.of("target", "orgvend.jar").toAbsolutePath();
  private static final int ACCOUNTS = 6;

  @TempDir Path dir;

  private static String spec() {
    StringBuilder yaml = new StringBuilder("""
        version: 1
        organization:
          units:
            - name: Alpha
            - name: Beta
              units:
                - name: Inner
        accounts:
        """);
    for (int i = 0; i < ACCOUNTS; i++) {
      String ou = i % 3 == 0 ? "Alpha" : i % 3 == 1 ? "Beta/Inner" : "Root";
      yaml.append("  - name: crash-").append(i).append('\n')
          .append("    email: crash-").append(i).append("@example.com\n")
          .append("    ou: ").append(ou).append('\n')
          .append("    tags: {n: \"").append(i).append("\"}\n");
    }
    return yaml.toString();
  }

  private record Run(int exit, String output) {}

  private Run orgvend(Sandbox sandbox, String crash, long killAfterMs, String... args)
      throws Exception {
    return orgvend(sandbox, crash, killAfterMs, false, args);
  }

  private Run orgvend(Sandbox sandbox, String crash, long killAfterMs, boolean gently,
      String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("java"));
    if (crash != null) {
      command.add("-Dorgvend.crash=" + crash);
    }
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("-f", dir.resolve("orgvend.yaml").toString(),
        "--state", dir.resolve("journal.db").toString()));
    if (!args[0].equals("history")) {
      command.addAll(List.of("--endpoint-url", sandbox.endpoint().toString(), "--pace", "none"));
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.log").toFile());
    pb.environment().put("AWS_ACCESS_KEY_ID", sandbox.managementCredentials().accessKeyId());
    pb.environment().put("AWS_SECRET_ACCESS_KEY",
        sandbox.managementCredentials().secretAccessKey());
    pb.environment().put("AWS_REGION", "us-east-1");
    Process p = pb.start();
    if (gently) {
      // Stop it like Ctrl-C once it is creating accounts.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (p.isAlive() && System.nanoTime() < deadline
          && !Files.readString(dir.resolve("out.log")).contains("requested account")) {
        Thread.sleep(50);
      }
      p.destroy();
    } else if (killAfterMs > 0 && !p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("orgvend finished").isTrue();
    return new Run(p.exitValue(), Files.readString(dir.resolve("out.log")));
  }

  private static Sandbox sandbox() {
    return Sandbox.builder().port(0).settings(SandboxSettings.defaults()
        .withCreateAccountDelay(Duration.ofMillis(1500))).start();
  }

  private void assertOrganizationMatchesSpec(Sandbox sandbox) throws Exception {
    Run plan = orgvend(sandbox, null, 0, "plan");
    assertThat(plan.exit()).as(plan.output()).isZero();
    assertThat(plan.output()).contains("No changes");
    try (OrganizationsClient orgs = OrganizationsClient.builder()
        .endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            sandbox.managementCredentials().accessKeyId(),
            sandbox.managementCredentials().secretAccessKey()))).build()) {
      List<Account> accounts = orgs.listAccountsPaginator().stream()
          .flatMap(page -> page.accounts().stream()).toList();
      Map<String, Long> perEmail = accounts.stream().collect(Collectors.groupingBy(
          a -> a.email().toLowerCase(), TreeMap::new, Collectors.counting()));
      for (int i = 0; i < ACCOUNTS; i++) {
        assertThat(perEmail.get("crash-" + i + "@example.com")).as("accounts for crash-" + i)
            .isEqualTo(1L);
      }
      assertThat(accounts).hasSize(ACCOUNTS + 1);
      // Every creation request AWS saw ended in one account or a harmless failure.
      assertThat(orgs.listCreateAccountStatus(r -> r.states(
          software.amazon.awssdk.services.organizations.model.CreateAccountState.IN_PROGRESS))
          .createAccountStatuses()).isEmpty();
    }
  }

  @ParameterizedTest(name = "halt at {0}")
  @ValueSource(strings = {"after-intent:2", "before-requested:2", "after-requested:3",
      "before-done:2", "after-done:4"})
  void apply_haltedAtAJournalWrite_thenRerun_endsWithEveryAccountOnce(String point)
      throws Exception {
    assumeTrue(Files.exists(JAR), "run 'mvn package' first: " + JAR);
    Files.writeString(dir.resolve("orgvend.yaml"), spec());
    try (Sandbox sandbox = sandbox()) {
      Run crashed = orgvend(sandbox, point, 0, "apply", "--yes");
      assertThat(crashed.exit()).as(crashed.output()).isEqualTo(137);
      Run resumed = orgvend(sandbox, null, 0, "apply", "--yes");
      assertThat(resumed.exit()).as(resumed.output()).isZero();
      assertOrganizationMatchesSpec(sandbox);
    }
  }

  @Test
  void apply_stoppedLikeCtrlC_journalsTheRunAsInterrupted_andARerunFinishes() throws Exception {
    assumeTrue(Files.exists(JAR), "run 'mvn package' first: " + JAR);
    Files.writeString(dir.resolve("orgvend.yaml"), spec());
    try (Sandbox sandbox = sandbox()) {
      Run stopped = orgvend(sandbox, null, 2500, true, "apply", "--yes");
      assertThat(stopped.exit()).as(stopped.output()).isNotZero();
      Run history = orgvend(sandbox, null, 0, "history");
      assertThat(history.output()).as(history.output()).contains("INTERRUPTED");
      Run resumed = orgvend(sandbox, null, 0, "apply", "--yes");
      assertThat(resumed.exit()).as(resumed.output()).isZero();
      assertOrganizationMatchesSpec(sandbox);
    }
  }

  @Test
  void apply_killedAtRandomMoments_thenRerun_endsWithEveryAccountOnce() throws Exception {
    assumeTrue(Files.exists(JAR), "run 'mvn package' first: " + JAR);
    Files.writeString(dir.resolve("orgvend.yaml"), spec());
    Random random = new Random(20261129L);
    try (Sandbox sandbox = sandbox()) {
      int killed = 0;
      for (int round = 0; round < 4; round++) {
        Run run = orgvend(sandbox, null, 800 + random.nextInt(3000), "apply", "--yes");
        if (run.exit() == 137) {
          killed++;
        }
      }
      assertThat(killed).as("rounds actually killed mid-run").isGreaterThanOrEqualTo(2);
      Run last = orgvend(sandbox, null, 0, "apply", "--yes");
      assertThat(last.exit()).as(last.output()).isZero();
      assertOrganizationMatchesSpec(sandbox);
    }
  }
}
