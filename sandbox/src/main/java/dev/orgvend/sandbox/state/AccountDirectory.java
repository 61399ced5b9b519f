package dev.orgvend.sandbox.state;

/** What other services need to know about accounts, which Organizations owns. */
public interface AccountDirectory {
  /** True if the account exists and can be used (not suspended or closed). */
  boolean isActive(String accountId);

  /** The management account of the sandbox's organization (the account that owns it). */
  String managementAccountId();
}
