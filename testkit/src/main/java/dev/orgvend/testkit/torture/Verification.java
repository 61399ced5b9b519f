package dev.orgvend.testkit.torture;

import java.util.ArrayList;
import java.util.List;

/**
 * The end-of-round check: a plain {@code apply} must finish the job, after which {@code plan}
 * has nothing to do, {@code check} finds the fleet compliant, {@code history} reads the journal,
 * and the {@link FleetInvariants} hold.
 */
public final class Verification {
  private Verification() {}

  /** What the round's end showed: the invariants and any command that did not behave. */
  public record Outcome(InvariantReport report, List<String> commandProblems,
      boolean extraRequestsAllowed) {
    public Outcome {
      commandProblems = List.copyOf(commandProblems);
    }

    public List<String> violations() {
      List<String> out = new ArrayList<>(commandProblems);
      out.addAll(report.violations(extraRequestsAllowed));
      return out;
    }

    public boolean ok() {
      return violations().isEmpty();
    }
  }

  /**
   * Runs apply to completion (up to {@code applies} times: under injected faults one run may
   * give up on a call and exit 1, and the next must carry on), then checks.
   */
  public static Outcome finishAndCheck(PackagedCli cli, SandboxAccess sandbox, TortureSpec spec,
      int applies, boolean extraRequestsAllowed) {
    List<String> problems = new ArrayList<>();
    PackagedCli.Result apply = null;
    for (int i = 0; i < applies; i++) {
      apply = cli.run("apply", "--yes", "-o", "json");
      if (apply.exit() == 0) {
        break;
      }
    }
    if (apply.exit() != 0) {
      problems.add("apply exited " + apply.exit() + " " + applies + " time(s) in a row; see "
          + apply.log());
    }
    return check(cli, sandbox, spec, extraRequestsAllowed, problems);
  }

  /** The checks alone, on a fleet that should already be complete. */
  public static Outcome check(PackagedCli cli, SandboxAccess sandbox, TortureSpec spec,
      boolean extraRequestsAllowed, List<String> problemsSoFar) {
    List<String> problems = new ArrayList<>(problemsSoFar);
    planShowsNoChanges(cli, problems);
    PackagedCli.Result check = cli.run("check");
    if (check.exit() != 0) {
      problems.add("check exited " + check.exit() + " (want 0, compliant); see " + check.log());
    }
    PackagedCli.Result history = cli.run("history", "--limit", "1000");
    if (history.exit() != 0 || !history.output().contains("apply")) {
      problems.add("history exited " + history.exit() + " or shows no apply; see "
          + history.log());
    }
    return new Outcome(FleetInvariants.check(sandbox, spec, cli.journal()), problems,
        extraRequestsAllowed);
  }

  /**
   * A lighter check for tests that run it often: {@code plan} and the invariants, without
   * {@code check} and {@code history} (the invariants read the fleet and the journal
   * themselves).
   */
  public static Outcome planAndInvariants(PackagedCli cli, SandboxAccess sandbox,
      TortureSpec spec) {
    List<String> problems = new ArrayList<>();
    planShowsNoChanges(cli, problems);
    return new Outcome(FleetInvariants.check(sandbox, spec, cli.journal()), problems, false);
  }

  private static void planShowsNoChanges(PackagedCli cli, List<String> problems) {
    PackagedCli.Result plan = cli.run("plan");
    if (plan.exit() != 0 || !plan.output().contains("No changes")) {
      problems.add("plan after apply exited " + plan.exit() + " (want 0, no changes); see "
          + plan.log());
    }
  }
}
