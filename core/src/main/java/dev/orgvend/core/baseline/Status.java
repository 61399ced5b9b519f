package dev.orgvend.core.baseline;

import java.util.Collection;

/**
 * How an account, or one component of it, compares with the spec. Declared from best to worst;
 * an account's status is its worst finding's.
 */
public enum Status {
  /** Matches the spec. */
  COMPLIANT,
  /** Matches as far as orgvend can make it; a person still has something to do. */
  NOTICE,
  /** Differs from the spec; {@code apply} would change it. */
  DRIFTED,
  /** orgvend was refused entry (role missing, access denied), so it cannot tell. */
  UNREACHABLE,
  /** Reading failed for another reason (network, AWS errors after retries). */
  ERROR;

  public Status worse(Status other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  public static Status of(Collection<Finding> findings) {
    Status worst = COMPLIANT;
    for (Finding f : findings) {
      worst = worst.worse(f.status());
    }
    return worst;
  }

  /** Lower-case name for reports: {@code compliant}, {@code drifted}… */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
