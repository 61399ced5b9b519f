package dev.orgvend.core.engine;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.check.CheckListener;
import dev.orgvend.core.check.CheckSummary;
import dev.orgvend.core.check.FleetChecker;
import dev.orgvend.core.check.JournalFindings;
import dev.orgvend.core.check.ReportSet;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.journal.JournalStore;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.spec.Spec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One check sweep, recorded as a {@code check} run: SUCCEEDED when the fleet is compliant (or
 * has only notices), DRIFTED when accounts differ or cannot be entered, FAILED when some could
 * not be checked or the sweep broke, INTERRUPTED on Ctrl-C. What is not compliant is kept in
 * the journal row by row.
 */
final class Sweep {
  private final Engine engine;
  private final Spec spec;
  private final String specLabel;
  private final ReportSet.Options options;

  Sweep(Engine engine, Spec spec, String specLabel, ReportSet.Options options) {
    this.engine = engine;
    this.spec = spec;
    this.specLabel = specLabel;
    this.options = options;
  }

  SweepResult run() {
    JournalStore journal = engine.journal();
    Instant started = engine.ticker().now();
    long startNanos = engine.ticker().nanoTime();
    LiveOrganization live;
    try {
      live = engine.read(spec);
    } catch (RuntimeException e) {
      if (!(e instanceof AwsCaller.Interrupted)) {
        long runId = journal.startRun("check", specLabel, null);
        journal.finishRun(runId, Journal.RunStatus.FAILED, "could not read the organization: "
            + e.getMessage());
      }
      throw e;
    }
    Duration reading = Duration.ofNanos(engine.ticker().nanoTime() - startNanos);
    long runId = journal.startRun("check", specLabel, live.id());
    try (JournalFindings recorded = new JournalFindings(journal, runId);
        ReportSet reports = ReportSet.open(options, live.id(), started)) {
      CheckSummary summary = new FleetChecker(engine.baselineRunner(), engine.baselines(spec),
          engine.pool(), engine.config().parallel())
          .check(spec, live, CheckListener.all(List.of(recorded, reports)));
      Duration elapsed = Duration.ofNanos(engine.ticker().nanoTime() - startNanos);
      reports.finish(summary, elapsed);
      recorded.close();
      journal.finishRun(runId, status(summary.worst()), summary.line());
      return new SweepResult(summary, live.id(), reading, elapsed);
    } catch (AwsCaller.Interrupted e) {
      journal.finishRun(runId, Journal.RunStatus.INTERRUPTED, "interrupted");
      throw e;
    } catch (RuntimeException e) {
      journal.finishRun(runId, Journal.RunStatus.FAILED, "failed: " + e.getMessage());
      throw e;
    }
  }

  private static Journal.RunStatus status(Status worst) {
    return switch (worst) {
      case COMPLIANT, NOTICE -> Journal.RunStatus.SUCCEEDED;
      case DRIFTED, UNREACHABLE -> Journal.RunStatus.DRIFTED;
      case ERROR -> Journal.RunStatus.FAILED;
    };
  }
}
