package dev.orgvend.core.check;

import dev.orgvend.core.baseline.ComponentResult;
import dev.orgvend.core.baseline.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of a sweep's results, kept as they arrive: accounts by status, and account×component
 * results by component and status.
 */
public final class CheckSummary implements CheckListener {
  private final Map<Status, Integer> accounts = new EnumMap<>(Status.class);
  private final Map<String, Map<Status, Integer>> components = new TreeMap<>();
  private List<String> reminders = List.of();
  private int total;

  @Override
  public synchronized void account(AccountCheck result) {
    total++;
    accounts.merge(result.status(), 1, Integer::sum);
    for (ComponentResult c : result.components()) {
      components.computeIfAbsent(c.component(), k -> new EnumMap<>(Status.class))
          .merge(c.status(), 1, Integer::sum);
    }
  }

  public synchronized int total() {
    return total;
  }

  public synchronized int count(Status status) {
    return accounts.getOrDefault(status, 0);
  }

  /** Component name to status counts, components in name order. */
  public synchronized Map<String, Map<Status, Integer>> byComponent() {
    Map<String, Map<Status, Integer>> copy = new TreeMap<>();
    components.forEach((k, v) -> copy.put(k, new EnumMap<>(v)));
    return copy;
  }

  public synchronized Status worst() {
    Status worst = Status.COMPLIANT;
    for (Status s : accounts.keySet()) {
      worst = worst.worse(s);
    }
    return worst;
  }

  void reminders(List<String> reminders) {
    this.reminders = List.copyOf(reminders);
  }

  /** What the baselines in use want said once per report. */
  public List<String> reminders() {
    return reminders;
  }

  /** "12 account(s): 10 compliant, 1 drifted, 1 unreachable". */
  public synchronized String line() {
    StringBuilder out = new StringBuilder(total + " account(s)");
    String sep = ": ";
    for (Status s : Status.values()) {
      int n = accounts.getOrDefault(s, 0);
      if (n > 0 || s == Status.COMPLIANT) {
        out.append(sep).append(n).append(' ').append(s.label());
        sep = ", ";
      }
    }
    return out.toString();
  }
}
