package dev.orgvend.core.check;

import dev.orgvend.core.baseline.ComponentResult;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.journal.JournalStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps a sweep's non-compliant results in the journal, so {@code orgvend history} can show how
 * drift came and went. Compliant results are only counted (in the run's summary), which keeps the
 * journal small for a large, healthy fleet. Rows are written in batches; {@link #close} writes
 * the rest.
 */
public final class JournalFindings implements CheckListener, AutoCloseable {
  static final int BATCH = 500;
  private final JournalStore journal;
  private final long runId;
  private final List<Journal.FindingRow> pending = new ArrayList<>();

  public JournalFindings(JournalStore journal, long runId) {
    this.journal = journal;
    this.runId = runId;
  }

  @Override
  public void account(AccountCheck r) {
    for (ComponentResult c : r.components()) {
      if (c.status() == Status.COMPLIANT) {
        continue;
      }
      pending.add(new Journal.FindingRow(runId, r.name(), r.accountId(), c.component(),
          c.status().name(), c.findings().stream().map(Finding::message)
              .collect(Collectors.joining("; "))));
    }
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  private void flush() {
    journal.findings(List.copyOf(pending));
    pending.clear();
  }

  @Override
  public void close() {
    flush();
  }
}
