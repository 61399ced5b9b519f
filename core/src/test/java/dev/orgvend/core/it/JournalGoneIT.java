package dev.orgvend.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.orgvend.core.apply.Applier;
import dev.orgvend.core.apply.ApplyOptions;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A journal deleted (or replaced) while apply runs: the run stops at its next journal write,
 * which comes before its next AWS write, so nothing is half done and nothing more is sent. The
 * deletion happens on an event (the OU was created), not after some time.
 */
class JournalGoneIT {
  private static final String SPEC = """
      version: 1
      organization:
        units:
          - name: Workloads
      accounts:
        - {name: one, email: one@example.com, ou: Workloads}
        - {name: two, email: two@example.com, ou: Workloads}
      """;

  @TempDir Path dir;

  @Test
  void apply_whenTheJournalIsDeletedMidRun_stopsBeforeTheNextAwsWrite() {
    Path file = dir.resolve("journal.db");
    Spec spec = ((SpecResult.Valid) SpecLoader.create().parse("t.yaml", SPEC)).spec();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(SandboxSettings.defaults()
            .withCreateAccountDelay(Duration.ofMillis(200))).start();
        AwsClients clients = new AwsClients(new AwsTarget("us-east-1", sandbox.endpoint(), null,
            StaticCredentialsProvider.create(AwsBasicCredentials.create(
                sandbox.managementCredentials().accessKeyId(),
                sandbox.managementCredentials().secretAccessKey()))));
        Journal journal = Journal.open(file, Clock.systemUTC())) {
      AwsCaller caller = AwsCaller.standard(RateTable.unlimited());
      LiveOrganization live = new OrganizationReader(clients.organizations(), caller, pool)
          .read(a -> true);
      Plan plan = Planner.plan(spec, live);
      long run = journal.startRun("apply", "t.yaml", live.id());
      Progress deleteOnFirstOu = (type, subject, message, data) -> {
        if (type.equals("ou-created")) {
          try {
            Files.delete(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
      Applier applier = new Applier(clients, caller, journal, deleteOnFirstOu,
          ApplyOptions.defaults(5, "orgvend-test"), pool, Clock.systemUTC());

      Throwable stopped = catchThrowable(() -> applier.apply(plan, live, run));

      assertThat(stopped).isInstanceOf(Journal.JournalException.class)
          .hasMessageContaining("was deleted while orgvend was running; stopped before the next"
              + " change");
      assertThat(sandbox.stats().count("organizations", "CreateOrganizationalUnit"))
          .isEqualTo(1);
      assertThat(sandbox.stats().count("organizations", "CreateAccount"))
          .as("no account creation after the journal went").isZero();
      assertThat(file).doesNotExist();
    } finally {
      pool.shutdownNow();
    }
  }
}
