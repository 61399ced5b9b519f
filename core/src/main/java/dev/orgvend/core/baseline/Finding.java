package dev.orgvend.core.baseline;

import java.util.Objects;

/**
 * One way an account differs from its spec, or could not be compared.
 *
 * @param component the baseline component, or {@code placement} / {@code tags} for the
 *     account's place in the organization
 * @param status what kind of finding; never {@link Status#COMPLIANT}
 * @param subject the thing concerned, e.g. {@code alarm DefaultBillingAlarm}
 * @param message a sentence for people: what differs and, where it helps, what to do
 * @param expected what the spec wants, when one value says it; else null
 * @param actual what AWS has, when one value says it; else null
 */
public record Finding(String component, Status status, String subject, String message,
    String expected, String actual) {

  public Finding {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    if (status == Status.COMPLIANT) {
      throw new IllegalArgumentException("a finding is never compliant");
    }
  }

  /** Something the spec wants does not exist. */
  public static Finding missing(String component, String subject, String message) {
    return new Finding(component, Status.DRIFTED, subject, message, null, null);
  }

  /** A value differs: "{subject}: {field} is {actual}, want {expected}". */
  public static Finding differs(String component, String subject, String field, Object actual,
      Object expected) {
    String have = actual == null ? "unset" : actual.toString();
    String want = expected == null ? "unset" : expected.toString();
    return new Finding(component, Status.DRIFTED, subject,
        subject + ": " + field + " is " + have + ", want " + want, want, have);
  }

  /** Waiting for a person; apply cannot help. */
  public static Finding notice(String component, String subject, String message) {
    return new Finding(component, Status.NOTICE, subject, message, null, null);
  }

  public boolean isDrift() {
    return status == Status.DRIFTED;
  }
}
