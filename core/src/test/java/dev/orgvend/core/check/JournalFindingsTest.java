package dev.orgvend.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.baseline.ComponentResult;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.journal.Journal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFindingsTest {
  @TempDir Path dir;

  @Test
  void close_recordsEveryNonCompliantComponent_andNothingElse() {
    try (Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
      long run = journal.startRun("check", "orgvend.yaml", "o-test");
      Finding drift = Finding.missing("billingAlarm", "alarm A", "alarm A does not exist");
      try (JournalFindings recorded = new JournalFindings(journal, run)) {
        for (int i = 0; i < JournalFindings.BATCH + 1; i++) {
          recorded.account(new AccountCheck("acct-" + i, "a" + i + "@example.com",
              String.format("%012d", i), "Root", "std", List.of(
                  new ComponentResult("placement", Status.COMPLIANT, List.of(), List.of()),
                  new ComponentResult("billingAlarm", Status.DRIFTED, List.of(drift),
                      List.of()))));
        }
      }

      List<Journal.FindingRow> rows = journal.findingsOf(run);
      assertThat(rows).hasSize(JournalFindings.BATCH + 1);
      assertThat(rows.get(0)).isEqualTo(new Journal.FindingRow(run, "acct-0", "000000000000",
          "billingAlarm", "DRIFTED", "alarm A does not exist"));
    }
  }
}
