package dev.orgvend.policy;

/** How bad a {@link Problem} is. */
public enum Severity {
  /** AWS would refuse the policy, or it certainly does not do what it says. */
  ERROR,
  /** Accepted by AWS, but very likely wrong or dangerous. */
  WARNING,
  /** Worth knowing; lint still passes. */
  NOTE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
