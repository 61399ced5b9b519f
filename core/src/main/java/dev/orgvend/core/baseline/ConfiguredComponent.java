package dev.orgvend.core.baseline;

import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A component together with the settings one baseline gives it: the unit that is inspected and
 * repaired in an account. Errors from AWS become findings here, so one refused call never stops
 * the other components or accounts.
 */
public record ConfiguredComponent<C, S>(BaselineComponent<C, S> component, C settings) {

  public String name() {
    return component.name();
  }

  public List<String> reminders() {
    return component.reminders(settings);
  }

  /** Reads and compares; no write calls. */
  ComponentResult inspect(MemberAccount account) {
    try {
      S actual = component.read(account, settings);
      return ComponentResult.of(name(), component.diff(settings, actual));
    } catch (SdkException e) {
      return ComponentResult.of(name(), List.of(Failures.finding(name(), e, "read")));
    }
  }

  /**
   * Reads, and when anything has drifted, changes it, records the step in {@code log}, and reads
   * again to confirm. An account that matches gets no write call at all.
   */
  ComponentResult repair(MemberAccount account, StepLog log) {
    S actual;
    List<Finding> before;
    try {
      actual = component.read(account, settings);
      before = component.diff(settings, actual);
    } catch (SdkException e) {
      return ComponentResult.of(name(), List.of(Failures.finding(name(), e, "read")));
    }
    List<Finding> drift = before.stream().filter(Finding::isDrift).toList();
    if (drift.isEmpty()) {
      return ComponentResult.of(name(), before);
    }
    long step = log.started(name(), summary(drift));
    try {
      component.apply(account, settings, actual);
      List<Finding> after = component.diff(settings, component.read(account, settings));
      List<Finding> left = after.stream().filter(Finding::isDrift).toList();
      if (!left.isEmpty()) {
        log.failed(step, "still differs after the change: " + summary(left));
      } else {
        log.done(step, "changed: " + summary(drift));
      }
      return new ComponentResult(name(), Status.of(after), after, drift);
    } catch (SdkException e) {
      Finding failure = Failures.finding(name(), e, "change");
      log.failed(step, failure.message());
      return ComponentResult.of(name(), List.of(failure));
    }
  }

  static String summary(List<Finding> findings) {
    return findings.stream().map(Finding::message).collect(Collectors.joining("; "));
  }
}
