package dev.orgvend.core.spec;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One member account as the spec wants it, with {@link AccountDefaults} already applied.
 *
 * @param name the account name (CreateAccount's {@code AccountName})
 * @param email the root user's e-mail address, as written; compare it case-insensitively
 * @param ouPath the OU the account belongs in; {@link OuPath#root()} for the root
 * @param tags the account's tags including the default ones, sorted by key
 * @param roleName the role CreateAccount sets up for the management account to assume
 * @param baseline the baseline to apply, or null for none; see {@link #baselineName()}
 */
public record AccountSpec(
    String name,
    String email,
    OuPath ouPath,
    Map<String, String> tags,
    String roleName,
    IamUserAccessToBilling iamUserAccessToBilling,
    String baseline) {

  public AccountSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(ouPath, "ouPath");
    Objects.requireNonNull(roleName, "roleName");
    Objects.requireNonNull(iamUserAccessToBilling, "iamUserAccessToBilling");
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  public Optional<String> baselineName() {
    return Optional.ofNullable(baseline);
  }
}
