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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Failed creations: the others go on, and each failure says what to do. */
class ApplyFailuresIT {
  @TempDir Path dir;

  private List<Outcome> apply(Sandbox sandbox, String yaml) {
    Spec spec = ((SpecResult.Valid) SpecLoader.create().parse("t.yaml", yaml)).spec();
    var keys = sandbox.managementCredentials();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (AwsClients clients = new AwsClients(new AwsTarget("us-east-1", sandbox.endpoint(), null,
            StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(),
                keys.secretAccessKey()))));
        Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
      AwsCaller caller = AwsCaller.standard(RateTable.unlimited());
      LiveOrganization live = new OrganizationReader(clients.organizations(), caller, pool)
          .read(a -> true);
      long run = journal.startRun("test", "t.yaml", live.id());
      return new Applier(clients, caller, journal, Progress.silent(),
          ApplyOptions.defaults(5, "orgvend-test"), pool, Clock.systemUTC())
          .apply(Planner.plan(spec, live), live, run);
    } finally {
      pool.shutdownNow();
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
