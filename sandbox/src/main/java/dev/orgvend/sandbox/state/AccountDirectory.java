package dev.orgvend.sandbox.state;

/** What other services need to know about accounts, which Organizations owns. */
public interface AccountDirectory {
  /** True if the account exists and can be used (not suspended or closed). */
  boolean isActive(String accountId);

  /** The management account of the sandbox's organization (the account that owns it). */
  String managementAccountId();

  /** True if an organization exists and the account belongs to it (management included). */
  boolean inOrganization(String accountId);

  /**
   * True if the organization uses all features and has trusted access enabled for the service
   * principal (e.g. {@code account.amazonaws.com}).
   */
  boolean trustsService(String servicePrincipal);

  /** True if the account is a delegated administrator for the service principal. */
  boolean isDelegatedAdministrator(String accountId, String servicePrincipal);
}
