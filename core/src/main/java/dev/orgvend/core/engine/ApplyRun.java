package dev.orgvend.core.engine;

import dev.orgvend.core.apply.Applier;
import dev.orgvend.core.apply.ApplyOptions;
import dev.orgvend.core.apply.Outcome;
import dev.orgvend.core.apply.Progress;
import dev.orgvend.core.apply.Recovery;
import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.ErrorKind;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.journal.JournalSource;
import dev.orgvend.core.journal.JournalStore;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.plan.Note;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.spec.Settings;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An apply that has read the organization and made its plan, and holds the journal's run lock
 * until closed. The caller shows the plan, asks whoever must approve it, and then calls
 * {@link #apply()} (or closes the run to apply nothing).
 */
public final class ApplyRun implements AutoCloseable {
  private final Engine engine;
  private final ApplyRequest request;
  private final Progress progress;
  private final JournalSource.Lock lock;
  private final JournalStore journal;
  private final LiveOrganization live;
  private final Plan plan;
  private boolean applied;

  private ApplyRun(Engine engine, ApplyRequest request, Progress progress,
      JournalSource.Lock lock, JournalStore journal, LiveOrganization live, Plan plan) {
    this.engine = engine;
    this.request = request;
    this.progress = progress;
    this.lock = lock;
    this.journal = journal;
    this.live = live;
    this.plan = plan;
  }

  static ApplyRun start(Engine engine, ApplyRequest request, Progress progress) {
    JournalSource.Lock lock = engine.config().journal().lock("apply " + request.specFile());
    try {
      JournalStore journal = engine.journal();
      LiveOrganization live = engine.read(request.spec());
      Plan plan = engine.plan(request.spec(), live);
      refuseOverQuota(plan);
      if (request.savedPlan() != null) {
        // The saved plan is the approval; what runs is the plan just made, which equals it.
        SavedPlans.checkStillValid(request.savedPlan(), plan, request.savedPlanFile(),
            request.specFile());
      }
      for (Recovery.Finding f : Recovery.reconcile(journal, live)) {
        progress.event("recovered", f.account(), "from an interrupted run: " + f.account()
            + ": " + f.resolution(), Map.of());
      }
      return new ApplyRun(engine, request, progress, lock, journal, live, plan);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * orgvend never deletes OUs or closes accounts, so a plan that would fill the organization
   * half-way and then fail cannot be undone: it is refused whole, before any write.
   */
  private static void refuseOverQuota(Plan plan) {
    List<Note> breaches = plan.quotaBreaches();
    if (!breaches.isEmpty()) {
      throw new Refusal("refusing to apply: the plan does not fit the organization's quotas,"
          + " so it could not complete; nothing was changed. " + breaches.stream()
          .map(Note::message).collect(Collectors.joining("; ")));
    }
  }

  /** The plan this run applies. */
  public Plan plan() {
    return plan;
  }

  /**
   * Carries the plan out, journaling the run (SUCCEEDED, FAILED or INTERRUPTED) and every
   * action. Progress goes to the run's {@link Progress} as it happens.
   *
   * @throws RuntimeException when the run cannot go on at all (AWS out of reach beyond the
   *     retries, the journal unwritable); the run is recorded as FAILED and the next apply
   *     settles what it left open
   */
  public ApplyResult apply() {
    if (applied) {
      throw new IllegalStateException("a run applies its plan once");
    }
    applied = true;
    Settings settings = request.spec().settings();
    ApplyOptions defaults = ApplyOptions.defaults(settings.concurrency(),
        settings.roleSessionName());
    ApplyOptions options = new ApplyOptions(defaults.concurrency(), defaults.sessionName(),
        defaults.pollMin(), defaults.pollMax(), defaults.creationTimeout(),
        defaults.usableTimeout(), request.verifyUsable());
    long runId = journal.startRun("apply", request.specFile().toString(), live.id());
    try {
      List<Outcome> outcomes = new Applier(engine.clients(), engine.caller(), journal, progress,
          options, engine.pool(), engine.baselineRunner(), engine.baselines(request.spec()),
          engine.ticker()).apply(plan, live, runId);
      ApplyResult.Finished finished = new ApplyResult.Finished(outcomes, engine.stats());
      journal.finishRun(runId, finished.failed() == 0 ? Journal.RunStatus.SUCCEEDED
          : Journal.RunStatus.FAILED, finished.summary());
      return finished;
    } catch (AwsCaller.Interrupted e) {
      journal.finishRun(runId, Journal.RunStatus.INTERRUPTED, "interrupted");
      return new ApplyResult.Interrupted();
    } catch (RuntimeException e) {
      // AWS out of reach beyond the retries, say: the run ends here, and its record says so.
      // Actions it left open are settled by the next apply.
      try {
        journal.finishRun(runId, Journal.RunStatus.FAILED, "stopped by an error: "
            + ErrorKind.code(e));
      } catch (Journal.JournalException unwritable) {
        e.addSuppressed(unwritable);
      }
      throw e;
    }
  }

  /** Releases the run lock. */
  @Override
  public void close() {
    lock.close();
  }
}
