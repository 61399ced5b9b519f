package dev.orgvend.sandbox;

import java.util.Map;

/**
 * Adds OUs and member accounts straight to the sandbox's state, without a request for each: for
 * benchmarks and tests that need organizations of thousands of accounts. What it adds looks
 * exactly as CreateOrganizationalUnit and a finished CreateAccount would leave it (the member
 * role that trusts the management account, FullAWSAccess while SCPs are enabled, tags).
 * Obtained from {@code Sandbox.seed}; valid only inside that call.
 *
 * <p>OUs are checked as CreateOrganizationalUnit checks them and fail with a {@link SeedException}
 * carrying the same error code (ParentNotFoundException, DuplicateOrganizationalUnitException,
 * ConstraintViolationException for depth and number); accounts fail with ParentNotFoundException
 * for an unknown parent, ConstraintViolationException over the account limit, and
 * IllegalArgumentException for a bad name or an address some account already uses (which AWS
 * would only report as a failed creation). A failure leaves what was added before it.
 */
public interface OrganizationSeeder {
  /** The id of the organization's root. */
  String rootId();

  /** Adds an OU named {@code name} under a root or OU; returns its id. */
  String organizationalUnit(String parentId, String name);

  /** Adds an active member account, created by the organization, under a root or OU. */
  String account(String name, String email, String parentId, Map<String, String> tags);
}
