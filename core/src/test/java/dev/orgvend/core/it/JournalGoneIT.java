package dev.orgvend.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.orgvend.core.apply.Progress;
import dev.orgvend.core.engine.ApplyRequest;
import dev.orgvend.core.engine.ApplyRun;
import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.engine.SandboxEngines;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    Progress deleteOnFirstOu = (type, subject, message, data) -> {
      if (type.equals("ou-created")) {
        try {
          Files.delete(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(SandboxSettings.defaults()
            .withCreateAccountDelay(Duration.ofMillis(200))).start();
        Engine engine = SandboxEngines.start(sandbox, file);
        ApplyRun run = engine.startApply(ApplyRequest.of(spec, Path.of("t.yaml")),
            deleteOnFirstOu)) {

      Throwable stopped = catchThrowable(run::apply);

      assertThat(stopped).isInstanceOf(Journal.JournalException.class)
          .hasMessageContaining("was deleted while orgvend was running; stopped before the next"
              + " change");
      assertThat(sandbox.stats().count("organizations", "CreateOrganizationalUnit"))
          .isEqualTo(1);
      assertThat(sandbox.stats().count("organizations", "CreateAccount"))
          .as("no account creation after the journal went").isZero();
      assertThat(file).doesNotExist();
    }
  }
}
