package dev.orgvend.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
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
}
