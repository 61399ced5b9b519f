package dev.orgvend.cli;

import dev.orgvend.core.apply.Outcome;
import dev.orgvend.core.aws.CallStats;
import dev.orgvend.core.engine.ApplyRequest;
import dev.orgvend.core.engine.ApplyResult;
import dev.orgvend.core.engine.ApplyRun;
import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.output.Printable;
import dev.orgvend.core.plan.Change;
import dev.orgvend.core.plan.OrganizationLimits;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.PlanJson;
import dev.orgvend.core.plan.PlanText;
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
    ApplyRequest request = ApplyRequest.of(spec, options.spec).withVerifyUsable(!noVerify);
    if (savedPlan != null) {
      request = request.withSavedPlan(readSaved(savedPlan), savedPlan);
    }
    OrganizationLimits quotas = limits.resolve();
    PrintWriter out = cmd.commandLine().getOut();
    boolean json = options.output == EngineOptions.Output.json;
    try (EngineOptions.OpenEngine open = options.open(spec, quotas)) {
      Engine engine = open.engine();
      ProgressPrinter progress = new ProgressPrinter(out, json, engine.ticker(),
          System.console() != null);
      try (ApplyRun run = engine.startApply(request, progress)) {
        Plan plan = run.plan();
        if (!json) {
          out.print(PlanText.render(plan));
          out.flush();
        }
        if (!plan.hasChanges()) {
          // Reading and comparing made calls too; showing them proves a rerun wrote nothing.
          CallStats stats = engine.stats();
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
        return apply(run, progress, out);
      }
    }
  }

  /** Runs the plan; Ctrl-C interrupts this thread and waits (briefly) until the run is recorded. */
  private int apply(ApplyRun run, ProgressPrinter progress, PrintWriter out) {
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
      ApplyResult result = run.apply();
      if (result instanceof ApplyResult.Finished done) {
        progress.close();
        report(done, progress, out);
        return done.failed() == 0 ? ExitCodes.OK : ExitCodes.ERROR;
      }
      cmd.commandLine().getErr().println("orgvend: interrupted; the journal is consistent."
          + " Run apply again to finish.");
      return ExitCodes.INTERRUPTED;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting because of Ctrl-C
      }
    }
  }

  private void report(ApplyResult.Finished done, ProgressPrinter progress, PrintWriter out) {
    List<Outcome> outcomes = done.outcomes();
    CallStats stats = done.stats();
    String summary = done.summary();
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
