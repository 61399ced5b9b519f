package dev.orgvend.core.spec;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an account gets when its own entry leaves a value out. {@link AccountSpec} already carries
 * the resolved values; this record is kept for display and for checks that care where a value
 * came from.
 *
 * @param baseline the baseline name, or null when accounts get none unless they name one
 * @param tags tags every account gets; an account's own tag with the same key wins
 */
public record AccountDefaults(
    String roleName,
    IamUserAccessToBilling iamUserAccessToBilling,
    String baseline,
    Map<String, String> tags) {
  /** The role AWS creates in a new account when CreateAccount names none. */
  public static final String DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";

  public AccountDefaults {
    Objects.requireNonNull(roleName, "roleName");
    Objects.requireNonNull(iamUserAccessToBilling, "iamUserAccessToBilling");
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** AWS's own defaults: what a spec without a {@code defaults} section gets. */
  public static AccountDefaults aws() {
    return new AccountDefaults(DEFAULT_ROLE_NAME, IamUserAccessToBilling.ALLOW, null, Map.of());
  }
}
