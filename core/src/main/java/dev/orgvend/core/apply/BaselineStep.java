package dev.orgvend.core.apply;

import dev.orgvend.core.baseline.AccountResult;
import dev.orgvend.core.baseline.Baseline;
import dev.orgvend.core.baseline.BaselineRunner;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.baseline.StepLog;
import dev.orgvend.core.journal.JournalStore;
import dev.orgvend.core.spec.AccountSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Brings one account's baseline to the spec within an apply run: each component that has to
 * change is journaled as an action ({@code Baseline:<component>}) before its first write call
 * and settled after it. A rerun reads the account again, so it continues where this one stopped.
 */
final class BaselineStep {
  private final BaselineRunner runner;
  private final Map<String, Baseline> baselines;
  private final JournalStore journal;
  private final Progress progress;
  private final long runId;

  BaselineStep(BaselineRunner runner, Map<String, Baseline> baselines, JournalStore journal,
      Progress progress, long runId) {
    this.runner = runner;
    this.baselines = baselines;
    this.journal = journal;
    this.progress = progress;
    this.runId = runId;
  }

  /** Null when the baseline is in place; otherwise what is still wrong, for the outcome. */
  String run(String accountId, AccountSpec account) {
    if (account.baseline() == null) {
      return null;
    }
    Baseline baseline = baselines.get(account.baseline());
    if (baseline == null) {
      return "baseline " + account.baseline() + " is not in the spec; make a new plan";
    }
    AccountResult result = runner.repair(new BaselineRunner.Target(accountId, account.name(),
        account.roleName()), baseline, log(accountId, account));
    Map<String, String> data = Map.of("accountId", accountId, "baseline", baseline.name());
    List<Finding> repaired = result.repaired();
    if (!repaired.isEmpty()) {
      progress.event("baseline-applied", account.name(), "baseline " + baseline.name() + " on "
          + account.name() + ": changed " + repaired.stream().map(Finding::subject).distinct()
              .collect(Collectors.joining(", ")), data);
    }
    for (Finding f : result.findings()) {
      if (f.status() == Status.NOTICE) {
        progress.event("baseline-notice", account.name(), account.name() + ": "
            + f.component() + ": " + f.message(), data);
      }
    }
    List<Finding> left = result.findings().stream()
        .filter(f -> f.status().compareTo(Status.DRIFTED) >= 0).toList();
    if (left.isEmpty()) {
      return null;
    }
    return "baseline " + baseline.name() + ": " + left.stream()
        .map(f -> f.component() + ": " + f.message()).collect(Collectors.joining("; "));
  }

  private StepLog log(String accountId, AccountSpec account) {
    return new StepLog() {
      @Override
      public long started(String component, String detail) {
        return journal.intent(runId, "Baseline:" + component, account.name(), account.email(),
            detail);
      }

      @Override
      public void done(long step, String detail) {
        journal.done(step, accountId, detail);
      }

      @Override
      public void failed(long step, String error) {
        journal.failed(step, error);
      }
    };
  }
}
