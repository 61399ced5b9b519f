package dev.orgvend.core.plan;

import dev.orgvend.core.baseline.AccountResult;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.OrganizationalUnitSpec;
import dev.orgvend.core.spec.OuPath;
import dev.orgvend.core.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares a spec with the live organization. Accounts are matched by e-mail address, ignoring
 * case, so an account that already exists is adopted, never created twice; a CreateAccount
 * request already in flight for the same account name is awaited instead of repeated.
 */
public final class Planner {
  private Planner() {}

  public static Plan plan(Spec spec, LiveOrganization live) {
    return plan(spec, live, Map.of());
  }

  /**
   * Plans with the baselines of existing accounts already inspected: {@code baselines} holds a
   * result by account id for the managed accounts that have a baseline.
   */
  public static Plan plan(Spec spec, LiveOrganization live, Map<String, AccountResult> baselines) {
    List<Change> changes = new ArrayList<>();
    List<Note> notes = new ArrayList<>();

    Set<String> wantedOus = new HashSet<>();
    List<OuPath> ouOrder = new ArrayList<>();
    for (OrganizationalUnitSpec unit : spec.organization().units()) {
      collect(unit, ouOrder);
    }
    for (OuPath path : ouOrder) {
      wantedOus.add(path.toString());
      if (live.ouIdAt(path.segments()).isEmpty()) {
        changes.add(new Change.CreateOu(path));
      }
    }
    for (LiveOrganization.Ou ou : live.ous()) {
      List<String> path = live.pathOf(ou.id());
      if (path != null && !wantedOus.contains(String.join("/", path))) {
        notes.add(new Note(Note.Kind.UNMANAGED_OU, String.join("/", path),
            "OU " + String.join("/", path) + " (" + ou.id() + ") is not in the spec; left alone"));
      }
    }

    Set<String> managed = new HashSet<>();
    for (AccountSpec account : spec.accounts()) {
      Optional<LiveOrganization.Account> existing = live.accountByEmail(account.email());
      if (existing.isPresent()) {
        LiveOrganization.Account a = existing.get();
        managed.add(a.id());
        planExisting(account, a, live, changes, notes);
        planBaseline(account, a, baselines.get(a.id()), changes, notes);
        continue;
      }
      Optional<LiveOrganization.Creation> inFlight = live.inFlight().stream()
          .filter(c -> c.accountName().equals(account.name())).findFirst();
      if (inFlight.isPresent()) {
        changes.add(new Change.AwaitCreation(inFlight.get().requestId(), account));
      } else {
        changes.add(new Change.CreateAccount(account));
      }
    }
    for (LiveOrganization.Account a : live.accounts()) {
      if (!managed.contains(a.id()) && !a.id().equals(live.managementAccountId())) {
        List<String> path = live.pathOf(a.parentId());
        notes.add(new Note(Note.Kind.UNMANAGED_ACCOUNT, a.name(), "account " + a.name() + " ("
            + a.id() + ", " + a.email() + ") in " + (path == null || path.isEmpty() ? "Root"
            : String.join("/", path)) + " is not in the spec; left alone"));
      }
    }
    return new Plan(live.id(), fingerprint(live), changes, notes);
  }

  private static void planExisting(AccountSpec account, LiveOrganization.Account a,
      LiveOrganization live, List<Change> changes, List<Note> notes) {
    if (a.closed()) {
      notes.add(new Note(Note.Kind.BLOCKED, account.name(), "account " + a.id() + " with address "
          + a.email() + " is " + a.state() + "; a closed account cannot be reused and AWS will"
          + " not create another with the same address. Give " + account.name()
          + " a new e-mail address in the spec"));
      return;
    }
    if (!a.name().equals(account.name())) {
      notes.add(new Note(Note.Kind.NAME_DIFFERS, account.name(), "account " + a.id()
          + " is named '" + a.name() + "' in AWS and '" + account.name() + "' in the spec;"
          + " orgvend matches by e-mail and does not rename accounts"));
    }
    List<String> current = live.pathOf(a.parentId());
    if (current == null || !current.equals(account.ouPath().segments())) {
      OuPath from = current == null ? OuPath.root() : new OuPath(current);
      changes.add(new Change.MoveAccount(a.id(), account, from));
    }
    Map<String, String> have = live.tagsOf(a.id());
    Map<String, String> set = new TreeMap<>();
    account.tags().forEach((k, v) -> {
      if (!v.equals(have.get(k))) {
        set.put(k, v);
      }
    });
    List<String> remove = have.keySet().stream()
        .filter(k -> !account.tags().containsKey(k) && !k.startsWith("aws:"))
        .sorted().toList();
    if (!set.isEmpty() || !remove.isEmpty()) {
      changes.add(new Change.RetagAccount(a.id(), account, set, remove));
    }
  }

  private static void planBaseline(AccountSpec account, LiveOrganization.Account a,
      AccountResult result, List<Change> changes, List<Note> notes) {
    if (result == null || a.closed()) {
      return;
    }
    List<Finding> drift = result.drift();
    if (!drift.isEmpty()) {
      changes.add(new Change.ApplyBaseline(a.id(), account, drift));
    }
    for (Finding f : result.findings()) {
      if (f.status() == Status.UNREACHABLE || f.status() == Status.ERROR) {
        notes.add(new Note(Note.Kind.BASELINE_UNREADABLE, account.name(), "baseline "
            + account.baseline() + " of " + account.name() + " (" + a.id() + "): "
            + f.component() + ": " + f.message()));
      }
    }
  }

  private static void collect(OrganizationalUnitSpec unit, List<OuPath> out) {
    out.add(unit.path());
    for (OrganizationalUnitSpec child : unit.units()) {
      collect(child, out);
    }
  }

  /** A digest of everything the plan depends on, stable across read order. */
  static String fingerprint(LiveOrganization live) {
    StringBuilder text = new StringBuilder(live.id()).append('\n');
    live.ous().stream().sorted(Comparator.comparing(LiveOrganization.Ou::id))
        .forEach(o -> text.append("ou ").append(o.id()).append(' ').append(o.parentId())
            .append(' ').append(o.name()).append('\n'));
    live.accounts().stream().sorted(Comparator.comparing(LiveOrganization.Account::id))
        .forEach(a -> text.append("account ").append(a.id()).append(' ').append(a.parentId())
            .append(' ').append(a.state()).append(' ')
            .append(a.email().toLowerCase(Locale.ROOT)).append(' ')
            .append(new TreeMap<>(live.tagsOf(a.id()))).append('\n'));
    live.inFlight().stream().sorted(Comparator.comparing(LiveOrganization.Creation::requestId))
        .forEach(c -> text.append("creating ").append(c.requestId()).append('\n'));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
