package dev.orgvend.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @Test
  void intent_survivesReopening_andShowsAsUnfinished(@TempDir Path dir) {
    Path file = dir.resolve("journal.db");
    try (Journal journal = Journal.open(file, Clock.systemUTC())) {
      long run = journal.startRun("apply", "orgvend.yaml", "o-abc");
      long a = journal.intent(run, "CreateAccount", "alpha", "alpha@example.com", null);
      long b = journal.intent(run, "CreateAccount", "beta", "beta@example.com", null);
      journal.requested(b, "car-123");
      long c = journal.intent(run, "CreateAccount", "gamma", "gamma@example.com", null);
      journal.done(c, "111122223333", null);
      assertThat(a).isLessThan(b);
    }
    try (Journal journal = Journal.open(file, Clock.systemUTC())) {
      assertThat(journal.unfinishedCreations())
          .extracting(Journal.Action::target, Journal.Action::requestId)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("alpha", null),
              org.assertj.core.groups.Tuple.tuple("beta", "car-123"));
      assertThat(journal.runs(10)).singleElement()
          .satisfies(r -> assertThat(r.status()).isEqualTo("RUNNING"));
    }
  }

  @Test
  void runLock_whenHeld_refusesASecondHolder(@TempDir Path dir) {
    Path file = dir.resolve("journal.db");
    try (RunLock first = RunLock.acquire(file, "apply one")) {
      assertThatThrownBy(() -> RunLock.acquire(file, "apply two"))
          .isInstanceOf(RunLock.Held.class)
          .hasMessageContaining("another orgvend run");
    }
    try (RunLock again = RunLock.acquire(file, "apply three")) {
      assertThat(again).isNotNull();
    }
  }

  /** A journal with some history, closed; its bytes. */
  private static byte[] journalWithHistory(Path file) throws Exception {
    try (Journal journal = Journal.open(file, Clock.systemUTC())) {
      for (int i = 0; i < 20; i++) {
        long run = journal.startRun("apply", "orgvend.yaml", "o-abc");
        journal.done(journal.intent(run, "CreateAccount", "account-" + i, i + "@example.com",
            "x".repeat(2000)), "1111222233" + (i % 10) + (i % 10), null);
      }
    }
    return Files.readAllBytes(file);
  }

  private static String damaged(Path file, String what) {
    return "the journal " + file + " is damaged (" + what + "). Move it aside, e.g. mv " + file
        + " " + file + ".damaged, and run again: the organization itself is the source of"
        + " truth, and a fresh journal rebuilds from it (the moved file keeps the old history)";
  }

  @Test
  void open_whenTheJournalWasTruncated_saysItIsDamagedAndWhatToDo(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("journal.db");
    byte[] whole = journalWithHistory(file);
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    Files.write(file, half);

    assertThatThrownBy(() -> Journal.open(file, Clock.systemUTC()))
        .isInstanceOf(Journal.JournalException.class)
        .hasMessage(damaged(file, "its pages are malformed"));
    assertThat(Files.readAllBytes(file)).as("left as it was").isEqualTo(half);
  }

  @Test
  void open_whenTheJournalWasOverwritten_saysItIsNotADatabase(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("journal.db");
    journalWithHistory(file);
    Files.writeString(file, "not a journal at all\n".repeat(300));

    assertThatThrownBy(() -> Journal.open(file, Clock.systemUTC()))
        .isInstanceOf(Journal.JournalException.class)
        .hasMessage(damaged(file, "it is not an SQLite database"));
  }

  @Test
  void open_whenTheJournalWasTruncatedToNothing_saysItIsEmpty(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("journal.db");
    journalWithHistory(file);
    Files.write(file, new byte[0]);

    assertThatThrownBy(() -> Journal.open(file, Clock.systemUTC()))
        .isInstanceOf(Journal.JournalException.class)
        .hasMessage(damaged(file, "the file is empty"));
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void open_whenANewerOrgvendWroteTheJournal_refusesIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("journal.db");
    journalWithHistory(file);
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + file);
        var s = db.createStatement()) {
      s.execute("UPDATE meta SET value = '2' WHERE key = 'schema'");
    }

    assertThatThrownBy(() -> Journal.open(file, Clock.systemUTC()))
        .isInstanceOf(Journal.JournalException.class)
        .hasMessage("the journal " + file + " was written by a newer orgvend (journal schema 2;"
            + " this orgvend reads schema 1). Use that orgvend, or move the file aside and run"
            + " again: the organization itself is the source of truth, and a fresh journal"
            + " rebuilds from it");
  }

  @Test
  void open_whenTheFileIsAnotherDatabase_refusesToTouchIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("other.db");
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + file);
        var s = db.createStatement()) {
      s.execute("CREATE TABLE invoices (id INTEGER)");
    }
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> Journal.open(file, Clock.systemUTC()))
        .isInstanceOf(Journal.JournalException.class)
        .hasMessage("the journal " + file + " is an SQLite database but not an orgvend journal;"
            + " name the journal with --state, or move the file aside");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void open_whenNew_createsTheJournalWholeAndLeavesNothingElse(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("state/journal.db");

    try (Journal journal = Journal.open(file, Clock.systemUTC())) {
      assertThat(Files.size(file)).isPositive();
      assertThat(journal.runs(5)).isEmpty();
    }
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> n.startsWith(
          "journal.db") && !n.contains(".new-"));
    }
  }

  @Test
  void write_whenTheJournalWasDeletedWhileOpen_refusesToGoOn(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("journal.db");
    try (Journal journal = Journal.open(file, Clock.systemUTC())) {
      long run = journal.startRun("apply", "orgvend.yaml", "o-abc");
      Files.delete(file);

      assertThatThrownBy(() -> journal.intent(run, "CreateAccount", "a", "a@example.com", null))
          .isInstanceOf(Journal.JournalException.class)
          .hasMessage("the journal " + file + " was deleted while orgvend was running; stopped"
              + " before the next change, so nothing is half done. Run again: the organization"
              + " itself is the source of truth, and the journal is rebuilt from it");
      assertThatThrownBy(() -> journal.finishRun(run, Journal.RunStatus.FAILED, "x"))
          .isInstanceOf(Journal.JournalException.class);
    }
  }

  @Test
  void write_whenTheJournalWasReplacedWhileOpen_refusesToGoOn(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("journal.db");
    Path other = dir.resolve("other.db");
    journalWithHistory(other);
    try (Journal journal = Journal.open(file, Clock.systemUTC())) {
      long run = journal.startRun("apply", "orgvend.yaml", "o-abc");
      Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      assertThatThrownBy(() -> journal.intent(run, "CreateAccount", "a", "a@example.com", null))
          .isInstanceOf(Journal.JournalException.class)
          .hasMessageContaining("was replaced by another file while orgvend was running");
    }
  }

  @Test
  void open_whenTheJournalIsADirectory_refusesIt(@TempDir Path dir) {
    assertThatThrownBy(() -> Journal.open(dir, Clock.systemUTC()))
        .isInstanceOf(Journal.JournalException.class)
        .hasMessage("the journal " + dir + " is a directory, not a regular file; name a journal"
            + " file with --state");
  }
}
