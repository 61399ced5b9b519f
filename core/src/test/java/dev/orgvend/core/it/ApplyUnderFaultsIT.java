package dev.orgvend.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.apply.Applier;
import dev.orgvend.core.apply.ApplyOptions;
import dev.orgvend.core.apply.Outcome;
import dev.orgvend.core.apply.Progress;
import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.AwsTarget;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.live.OrganizationReader;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.Planner;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

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

  private List<Outcome> applyOnce(Sandbox sandbox, Spec spec, RateTable rates) {
    var keys = sandbox.managementCredentials();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (AwsClients clients = new AwsClients(new AwsTarget("us-east-1", sandbox.endpoint(), null,
            StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(),
                keys.secretAccessKey()))));
        Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
      AwsCaller caller = AwsCaller.standard(rates);
      LiveOrganization live = new OrganizationReader(clients.organizations(), caller, pool)
          .read(a -> true);
      Plan plan = Planner.plan(spec, live);
      long run = journal.startRun("test", "f.yaml", live.id());
      return new Applier(clients, caller, journal, Progress.silent(),
          ApplyOptions.defaults(5, "faults"), pool, Clock.systemUTC()).apply(plan, live, run);
    } finally {
      pool.shutdownNow();
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
      List<Outcome> first = applyOnce(sandbox, spec, RateTable.unlimited());
      assertThat(first).allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());

      sandbox.updateSettings(s -> s.withFaults(Duration.ZERO, 0, 0));
      Spec same = spec;
      var keys = sandbox.managementCredentials();
      try (AwsClients clients = new AwsClients(new AwsTarget("us-east-1", sandbox.endpoint(),
          null, StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(),
              keys.secretAccessKey()))))) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        LiveOrganization live = new OrganizationReader(clients.organizations(),
            AwsCaller.standard(RateTable.unlimited()), pool).read(a -> true);
        pool.shutdownNow();
        Map<String, Long> perEmail = live.accounts().stream()
            .collect(Collectors.groupingBy(a -> a.email(), Collectors.counting()));
        for (int i = 0; i < 12; i++) {
          assertThat(perEmail.get("f-" + i + "@example.com")).isEqualTo(1L);
        }
        assertThat(Planner.plan(same, live).hasChanges()).isFalse();
      }
    }
  }
}
