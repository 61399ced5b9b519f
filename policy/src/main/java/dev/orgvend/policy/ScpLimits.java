package dev.orgvend.policy;

/** AWS Organizations limits for service control policies (Organizations quotas page). */
public final class ScpLimits {
  /** Maximum characters in one SCP (since 2026-05-15; was 5,120), whitespace included. */
  public static final int MAX_CHARACTERS = 10_240;
  /** Maximum SCPs attached directly to one root, OU or account (FullAWSAccess included). */
  public static final int MAX_ATTACHED_PER_TARGET = 10;
  /** Maximum nesting of OUs under the root. */
  public static final int MAX_OU_DEPTH = 5;

  private ScpLimits() {}
}
