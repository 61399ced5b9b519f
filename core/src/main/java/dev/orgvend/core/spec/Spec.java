package dev.orgvend.core.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked {@code orgvend.yaml}: the organization and accounts wanted, and how to reach them.
 * Only {@link SpecLoader} makes these from files, after every check has passed.
 *
 * @param accounts the accounts, in spec order, with defaults applied
 * @param baselines the baselines by name, in spec order
 */
public record Spec(
    int version,
    Settings settings,
    AccountDefaults defaults,
    OrganizationSpec organization,
    List<AccountSpec> accounts,
    Map<String, BaselineSpec> baselines) {
  /** The only spec format version this code reads. */
  public static final int CURRENT_VERSION = 1;

  public Spec {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(organization, "organization");
    accounts = List.copyOf(accounts);
    baselines = Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
  }

  public Optional<AccountSpec> account(String name) {
    return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
