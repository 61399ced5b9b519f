package dev.orgvend.core.engine;

import dev.orgvend.core.apply.Outcome;
import dev.orgvend.core.aws.CallStats;
import java.util.List;

/** How an apply ended. Either way the journal records it. */
public sealed interface ApplyResult {
  /**
   * Every change was tried; some may have failed (each outcome says why and what to do).
   *
   * @param stats the calls the whole run made (reading and planning included)
   */
  record Finished(List<Outcome> outcomes, CallStats stats) implements ApplyResult {
    public Finished {
      outcomes = List.copyOf(outcomes);
    }

    public long failed() {
      return outcomes.stream().filter(o -> !o.ok()).count();
    }

    /** E.g. {@code 7 change(s) done, 1 failed}. */
    public String summary() {
      return (outcomes.size() - failed()) + " change(s) done, " + failed() + " failed";
    }
  }

  /**
   * Ctrl-C: the run stopped at a safe point; the journal is consistent and the next apply
   * finishes the job.
   */
  record Interrupted() implements ApplyResult {}
}
