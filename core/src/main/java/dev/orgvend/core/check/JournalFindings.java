package dev.orgvend.core.check;

import dev.orgvend.core.baseline.ComponentResult;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.journal.Journal;
import java.util.stream.Collectors;

/**
 * Keeps a sweep's non-compliant results in the journal, so {@code orgvend history} can show how
 * drift came and went. Compliant results are only counted (in the run's summary), which keeps the
 * journal small for a large, healthy fleet.
 */
public final class JournalFindings implements CheckListener {
  private final Journal journal;
  private final long runId;

  public JournalFindings(Journal journal, long runId) {
    this.journal = journal;
    this.runId = runId;
  }

  @Override
  public void account(AccountCheck r) {
    for (ComponentResult c : r.components()) {
      if (c.status() == Status.COMPLIANT) {
        continue;
      }
      journal.finding(runId, r.name(), r.accountId(), c.component(), c.status().name(),
          c.findings().stream().map(Finding::message).collect(Collectors.joining("; ")));
    }
  }
}
