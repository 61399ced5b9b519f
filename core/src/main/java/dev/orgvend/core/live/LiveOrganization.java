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
 *
 * <p>A class rather than a record so that it can keep lookup tables: planning asks for an
 * account by e-mail and for an OU's path once per spec entry, and with thousands of accounts a
 * scan per question made planning grow with the square of the organization.
 */
public final class LiveOrganization {
  private final String id;
  private final String managementAccountId;
  private final String rootId;
  private final List<Ou> ous;
  private final List<Account> accounts;
  private final Map<String, Map<String, String>> tags;
  private final List<Creation> inFlight;
  private final Map<String, Ou> ouById = new HashMap<>();
  private final Map<String, Map<String, String>> childByName = new HashMap<>();
  private final Map<String, Account> accountByEmail = new HashMap<>();

  public LiveOrganization(String id, String managementAccountId, String rootId, List<Ou> ous,
      List<Account> accounts, Map<String, Map<String, String>> tags, List<Creation> inFlight) {
    this.id = id;
    this.managementAccountId = managementAccountId;
    this.rootId = rootId;
    this.ous = List.copyOf(ous);
    this.accounts = List.copyOf(accounts);
    this.tags = Map.copyOf(tags);
    this.inFlight = List.copyOf(inFlight);
    for (Ou ou : this.ous) {
      ouById.put(ou.id(), ou);
      childByName.computeIfAbsent(ou.parentId(), p -> new HashMap<>()).putIfAbsent(ou.name(), ou.id());
    }
    for (Account account : this.accounts) {
      accountByEmail.putIfAbsent(account.email().toLowerCase(Locale.ROOT), account);
    }
  }

  public String id() {
    return id;
  }

  public String managementAccountId() {
    return managementAccountId;
  }

  public String rootId() {
    return rootId;
  }

  public List<Ou> ous() {
    return ous;
  }

  public List<Account> accounts() {
    return accounts;
  }

  public Map<String, Map<String, String>> tags() {
    return tags;
  }

  public List<Creation> inFlight() {
    return inFlight;
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
      current = childByName.getOrDefault(current, Map.of()).get(name);
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** The names from the root down to a parent id (empty for the root; null if unknown). */
  public List<String> pathOf(String parentId) {
    List<String> names = new ArrayList<>();
    String cursor = parentId;
    while (cursor != null && !cursor.equals(rootId)) {
      Ou ou = ouById.get(cursor);
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
    return Optional.ofNullable(accountByEmail.get(email.toLowerCase(Locale.ROOT)));
  }

  public Map<String, String> tagsOf(String accountId) {
    return tags.getOrDefault(accountId, Map.of());
  }

  @Override
  public String toString() {
    return "LiveOrganization[" + id + ", " + ous.size() + " OUs, " + accounts.size()
        + " accounts, " + inFlight.size() + " creations in flight]";
  }
}
