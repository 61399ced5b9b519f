package dev.orgvend.core.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of an organization as AWS reported it: OUs, accounts with their parents and state,
 * tags of the accounts that were asked for, and create-account requests still in flight.
 */
public record LiveOrganization(
    String id,
    String managementAccountId,
    String rootId,
    List<Ou> ous,
    List<Account> accounts,
    Map<String, Map<String, String>> tags,
    List<Creation> inFlight) {

  public LiveOrganization {
    ous = List.copyOf(ous);
    accounts = List.copyOf(accounts);
    tags = Map.copyOf(tags);
    inFlight = List.copyOf(inFlight);
  }

  public record Ou(String id, String name, String parentId) {}

  /** {@code state} is Organizations' {@code State}, or {@code Status} where State is absent. */
  public record Account(String id, String name, String email, String state, String parentId) {
    public boolean closed() {
      return state.equals("CLOSED") || state.equals("PENDING_CLOSURE")
          || state.equals("SUSPENDED");
    }
  }

  public record Creation(String requestId, String accountName, Instant requestedAt) {}

  /** The OU at a path of names below the root (empty list = the root itself). */
  public Optional<String> ouIdAt(List<String> path) {
    String current = rootId;
    for (String name : path) {
      String parent = current;
      Optional<Ou> child = ous.stream()
          .filter(o -> o.parentId().equals(parent) && o.name().equals(name)).findFirst();
      if (child.isEmpty()) {
        return Optional.empty();
      }
      current = child.get().id();
    }
    return Optional.of(current);
  }

  /** The names from the root down to a parent id (empty for the root; null if unknown). */
  public List<String> pathOf(String parentId) {
    Map<String, Ou> byId = new HashMap<>();
    ous.forEach(o -> byId.put(o.id(), o));
    List<String> names = new ArrayList<>();
    String cursor = parentId;
    while (cursor != null && !cursor.equals(rootId)) {
      Ou ou = byId.get(cursor);
      if (ou == null) {
        return null;
      }
      names.add(ou.name());
      cursor = ou.parentId();
    }
    Collections.reverse(names);
    return names;
  }

  public Optional<Account> accountByEmail(String email) {
    String wanted = email.toLowerCase(Locale.ROOT);
    return accounts.stream().filter(a -> a.email().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  public Map<String, String> tagsOf(String accountId) {
    return tags.getOrDefault(accountId, Map.of());
  }
}
