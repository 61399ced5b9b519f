package dev.orgvend.cli;

import dev.orgvend.core.output.Printable;
import dev.orgvend.core.apply.Applier;
import dev.orgvend.core.apply.ApplyOptions;
import dev.orgvend.core.apply.Outcome;
import dev.orgvend.core.apply.Recovery;
import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.CallStats;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.journal.RunLock;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.plan.Change;
import dev.orgvend.core.plan.Note;
import dev.orgvend.core.plan.OrganizationLimits;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.PlanJson;
import dev.orgvend.core.plan.PlanText;
import dev.orgvend.core.plan.Quotas;
import dev.orgvend.core.spec.Spec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Make the organization match the spec: create OUs and accounts, move and tag",
        "them, and bring their baselines to the spec (only what differs is changed).",
        "Shows the plan and asks for confirmation (or --yes). A plan that removes something",
        "(tags not in the spec, marked '-') also needs --allow-removals; one that does not fit",
        "the organization's quotas (see --limit) is refused before any write. Safe to rerun after",
        "any interruption: the journal and AWS's own records are checked first, so no account",
        "is ever requested twice. Exit code 0 = done, 1 = some change failed, 3 = bad input,",
        "130 = interrupted.",
        "  orgvend apply [--sandbox | --profile NAME] [--yes]    or: orgvend apply plan.json"})
final class ApplyCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec CommandSpec cmd;

  @Mixin EngineOptions options;

  @Mixin LimitOptions limits;

  @Parameters(arity = "0..1", paramLabel = "PLAN", description = "A plan saved with 'plan --out';"
      + " applied only if the organization has not changed since and the spec still needs"
      + " exactly its changes.")
  Path savedPlan;

  @Option(names = {"-y", "--yes"}, description = "Apply without asking (needed when not on a"
      + " terminal).")
  boolean yes;

  @Option(names = "--allow-removals", description = "Let apply remove what the plan marks with"
      + " '-' (tags that are not in the spec). Without it, such a plan is refused and nothing is"
      + " changed.")
  boolean allowRemovals;

  @Option(names = "--no-verify", description = "Do not wait until new accounts accept AssumeRole.")
  boolean noVerify;

  @Override
  public Integer call() {
    Spec spec = SpecFiles.load(options.spec, cmd.commandLine().getErr());
    Plan saved = savedPlan == null ? null : readSaved(savedPlan);
    OrganizationLimits quotas = limits.resolve();
    PrintWriter out = cmd.commandLine().getOut();
    boolean json = options.output == EngineOptions.Output.json;
    try (Engine engine = Engine.open(options, spec);
        RunLock lock = RunLock.acquire(engine.journalPath, "apply " + options.spec)) {
      Journal journal = engine.journal();
      LiveOrganization live = Planning.read(engine, spec);
      ProgressPrinter progress = new ProgressPrinter(out, json, engine.clock,
          System.console() != null);
      Plan plan = Quotas.check(Planning.plan(engine, spec, live), live, quotas);
      refuseOverQuota(plan);
      if (saved != null) {
        // The saved plan is the approval; what runs is the plan just made, which equals it.
        SavedPlans.checkStillValid(saved, plan, savedPlan, options.spec);
      }
      for (Recovery.Finding f : Recovery.reconcile(journal, live)) {
        progress.event("recovered", f.account(), "from an interrupted run: " + f.account() + ": "
            + f.resolution(), Map.of());
      }
      if (!json) {
        out.print(PlanText.render(plan));
        out.flush();
      }
      if (!plan.hasChanges()) {
        // Reading and comparing made calls too; showing them proves a rerun wrote nothing.
        CallStats stats = engine.caller.stats();
        if (json) {
          progress.event("no-changes", "", "no changes",
              Map.of("apiCalls", String.valueOf(stats.total())));
        } else {
          out.println(Printable.of("API calls: " + stats.total() + " "
              + stats.callsByOperation()));
          out.flush();
        }
        return plan.hasErrors() ? ExitCodes.ERROR : ExitCodes.OK;
      }
      refuseUnallowedRemovals(plan);
      confirm(out);
      return run(engine, journal, spec, plan, live, progress, out);
    }
  }

  private int run(Engine engine, Journal journal, Spec spec, Plan plan, LiveOrganization live,
      ProgressPrinter progress, PrintWriter out) {
    long runId = journal.startRun("apply", options.spec.toString(), live.id());
    Thread main = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> {
      main.interrupt();
      try {
        finished.await(15, TimeUnit.SECONDS);
      } catch (InterruptedException ignored) {
        // exiting anyway
      }
    }, "orgvend-interrupt");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      ApplyOptions applyOptions = ApplyOptions.defaults(spec.settings().concurrency(),
          spec.settings().roleSessionName());
      if (noVerify) {
        applyOptions = new ApplyOptions(applyOptions.concurrency(), applyOptions.sessionName(),
            applyOptions.pollMin(), applyOptions.pollMax(), applyOptions.creationTimeout(),
            applyOptions.usableTimeout(), false);
      }
      List<Outcome> outcomes = new Applier(engine.clients, engine.caller, journal, progress,
          applyOptions, engine.pool, engine.baselineRunner, engine.baselines)
          .apply(plan, live, runId);
      progress.close();
      long failed = outcomes.stream().filter(o -> !o.ok()).count();
      String summary = (outcomes.size() - failed) + " change(s) done, " + failed + " failed";
      journal.finishRun(runId, failed == 0 ? Journal.RunStatus.SUCCEEDED
          : Journal.RunStatus.FAILED, summary);
      report(outcomes, engine.caller.stats(), summary, progress, out);
      return failed == 0 ? ExitCodes.OK : ExitCodes.ERROR;
    } catch (AwsCaller.Interrupted e) {
      journal.finishRun(runId, Journal.RunStatus.INTERRUPTED, "interrupted");
      cmd.commandLine().getErr().println("orgvend: interrupted; the journal is consistent."
          + " Run apply again to finish.");
      return ExitCodes.INTERRUPTED;
    } catch (RuntimeException e) {
      // AWS out of reach beyond the retries, say: the run ends here, and its record says so.
      // Actions it left open are settled by the next apply.
      try {
        journal.finishRun(runId, Journal.RunStatus.FAILED, "stopped by an error: "
            + dev.orgvend.core.aws.ErrorKind.code(e));
      } catch (Journal.JournalException unwritable) {
        e.addSuppressed(unwritable);
      }
      throw e;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting because of Ctrl-C
      }
    }
  }

  private void report(List<Outcome> outcomes, CallStats stats, String summary,
      ProgressPrinter progress, PrintWriter out) {
    long accounts = outcomes.stream().filter(o -> !o.action().equals("create-ou"))
        .map(Outcome::subject).distinct().count();
    String calls = "API calls: " + stats.total() + " " + stats.callsByOperation()
        + (accounts == 0 ? "" : String.format(", %.1f per account", stats.total() / (double) accounts))
        + (stats.errorsByCode().isEmpty() ? "" : "; errors retried or reported: "
            + stats.errorsByCode());
    if (options.output == EngineOptions.Output.json) {
      progress.event("summary", "", summary, Map.of("apiCalls", String.valueOf(stats.total()),
          "apiErrors", String.valueOf(stats.errorsByCode().values().stream()
              .mapToLong(Number::longValue).sum())));
      return;
    }
    out.println();
    for (Outcome o : outcomes) {
      if (!o.ok()) {
        out.println("  ! " + Printable.of(o.subject()) + ": " + Printable.of(o.message()));
      }
    }
    out.println("Apply finished: " + summary + ".");
    out.println(Printable.of(calls));
    out.flush();
  }

  /**
   * orgvend never deletes OUs or closes accounts, so a plan that would fill the organization
   * half-way and then fail cannot be undone: it is refused whole, before any write.
   */
  private static void refuseOverQuota(Plan plan) {
    List<Note> breaches = plan.quotaBreaches();
    if (!breaches.isEmpty()) {
      throw new UserError("refusing to apply: the plan does not fit the organization's quotas,"
          + " so it could not complete; nothing was changed. " + breaches.stream()
          .map(Note::message).collect(Collectors.joining("; ")), ExitCodes.ERROR);
    }
  }

  /** Removals lose what only AWS knew (a tag's value), so --yes alone does not allow them. */
  private void refuseUnallowedRemovals(Plan plan) {
    List<Change> removals = plan.removals();
    if (removals.isEmpty() || allowRemovals) {
      return;
    }
    throw new UserError("refusing to apply: the plan removes " + plan.tagsToRemove()
        + " tag(s) that are not in the spec, from " + removals.stream().map(Change::subject)
        .distinct().collect(Collectors.joining(", ")) + " (the lines marked '-'). Add the tags"
        + " to the spec to keep them, or pass --allow-removals to remove them; nothing was"
        + " changed");
  }

  private void confirm(PrintWriter out) {
    if (yes) {
      return;
    }
    if (System.console() == null) {
      throw new UserError("refusing to apply without confirmation: stdin is not a terminal;"
          + " pass --yes to apply unattended");
    }
    out.print("\nApply these changes? Only 'yes' is accepted: ");
    out.flush();
    String answer = System.console().readLine();
    if (answer == null || !answer.trim().equals("yes")) {
      throw new UserError("apply cancelled; nothing was changed", ExitCodes.ERROR);
    }
  }

  private static Plan readSaved(Path file) {
    try {
      return PlanJson.read(file);
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ": " + e.getMessage());
    }
  }
}
