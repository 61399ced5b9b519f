package dev.orgvend.core.check;

import dev.orgvend.core.baseline.ComponentResult;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.output.Printable;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The check for people at a terminal: each account that needs attention as soon as it is
 * known, then the totals, per component, and the reminders of the baselines in use. Compliant
 * accounts are only counted.
 */
public final class TextReport implements CheckListener {
  private final PrintWriter out;

  public TextReport(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void account(AccountCheck r) {
    if (r.status() == Status.COMPLIANT) {
      return;
    }
    out.println(r.status().name() + "  " + Printable.of(r.name()) + " ("
        + (r.accountId() == null ? "not created" : Printable.of(r.accountId())) + ", "
        + Printable.of(r.ouPath()) + ")");
    for (ComponentResult c : r.components()) {
      for (Finding f : c.findings()) {
        out.println("    " + Printable.of(f.component()) + ": " + Printable.of(f.message()));
      }
    }
    out.flush();
  }

  /** The closing summary of one sweep. */
  public void finish(CheckSummary summary, Duration elapsed) {
    out.println();
    out.printf("Checked %s in %.1f s.%n", summary.line(), elapsed.toMillis() / 1000.0);
    Map<String, Map<Status, Integer>> byComponent = summary.byComponent();
    if (!byComponent.isEmpty()) {
      out.println("By component:");
      byComponent.forEach((component, counts) -> {
        StringJoiner line = new StringJoiner(", ");
        counts.forEach((status, n) -> line.add(n + " " + status.label()));
        out.printf("  %-18s %s%n", Printable.of(component), line);
      });
    }
    if (!summary.reminders().isEmpty()) {
      out.println("Remember:");
      summary.reminders().forEach(r -> out.println("  - " + Printable.of(r)));
    }
    out.println(switch (summary.worst()) {
      case COMPLIANT -> "The fleet matches the spec.";
      case NOTICE -> "The fleet matches the spec; the notices above need a person.";
      case DRIFTED, UNREACHABLE -> "The fleet has drifted from the spec; 'orgvend apply'"
          + " repairs what it can (unreachable accounts need their role fixed first).";
      case ERROR -> "Some accounts could not be checked; run check again later.";
    });
    out.flush();
  }
}
