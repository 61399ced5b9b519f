package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.journal.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged journal, or one a newer orgvend wrote, stops apply, check and history with exit 1 and
 * advice, before anything is sent to AWS; the file is left as it was.
 */
class JournalDamageIT {
  static MemberSandbox fx;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    fx = new MemberSandbox();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private Path spec() throws Exception {
    return MemberSandbox.writeSpec(dir,
        "version: 1\naccounts: [{name: d, email: d@example.com}]\n");
  }

  private static String advice(Path journal, String what) {
    return "orgvend: the journal " + journal + " is damaged (" + what + "). Move it aside, e.g. mv "
        + journal + " " + journal + ".damaged, and run again: the organization itself is the"
        + " source of truth, and a fresh journal rebuilds from it (the moved file keeps the old"
        + " history)\n";
  }

  @Test
  void applyCheckHistory_whenTheJournalWasOverwritten_stopWithAdviceAndSendNothing()
      throws Exception {
    Path spec = spec();
    Path journal = dir.resolve("journal.db");
    Files.writeString(journal, "{\"this\": \"is not a journal\"}\n".repeat(200));
    byte[] before = Files.readAllBytes(journal);
    long requests = fx.sandbox.stats().requests();

    CliRunner.Result apply = CliRunner.run(fx.args(spec, "apply", "--yes", "--state",
        journal.toString()));
    CliRunner.Result check = CliRunner.run(fx.args(spec, "check", "--state", journal.toString()));
    CliRunner.Result history = CliRunner.run("history", "--state", journal.toString());

    for (CliRunner.Result r : new CliRunner.Result[] {apply, check, history}) {
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.ERROR);
      assertThat(r.err()).isEqualTo(advice(journal, "it is not an SQLite database"));
    }
    assertThat(fx.sandbox.stats().requests()).as("requests sent by apply").isEqualTo(requests);
    assertThat(Files.readAllBytes(journal)).isEqualTo(before);
  }

  @Test
  void apply_whenANewerOrgvendWroteTheJournal_refusesIt() throws Exception {
    Path spec = spec();
    Path journal = dir.resolve("journal.db");
    Journal.open(journal, Clock.systemUTC()).close();
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + journal);
        var s = db.createStatement()) {
      s.execute("UPDATE meta SET value = '7' WHERE key = 'schema'");
    }
    long requests = fx.sandbox.stats().requests();

    CliRunner.Result apply = CliRunner.run(fx.args(spec, "apply", "--yes", "--state",
        journal.toString()));

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.ERROR);
    assertThat(apply.err()).isEqualTo("orgvend: the journal " + journal + " was written by a"
        + " newer orgvend (journal schema 7; this orgvend reads schema 1). Use that orgvend, or"
        + " move the file aside and run again: the organization itself is the source of truth,"
        + " and a fresh journal rebuilds from it\n");
    assertThat(fx.sandbox.stats().requests()).isEqualTo(requests);
  }
}
