package dev.orgvend.core.plan;

import dev.orgvend.core.live.LiveOrganization;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a plan fits the organization's quotas, decided before anything is written. orgvend
 * never deletes OUs or closes accounts, so a plan that fills the organization half-way cannot be
 * undone: it must be refused whole. Each quota the plan would break becomes an error note that
 * names the quota, what the organization has, what the plan adds and where the quota's value
 * came from.
 */
public final class Quotas {
  private Quotas() {}

  /** The plan with a {@link Note.Kind#QUOTA} note for every quota it would break. */
  public static Plan check(Plan plan, LiveOrganization live, OrganizationLimits limits) {
    List<Note> notes = new ArrayList<>(plan.notes());
    notes.addAll(breaches(plan, live, limits));
    return new Plan(plan.organizationId(), plan.fingerprint(), plan.changes(), notes);
  }

  static List<Note> breaches(Plan plan, LiveOrganization live, OrganizationLimits limits) {
    List<Note> out = new ArrayList<>();
    long accounts = plan.count(Change.CreateAccount.class);
    int have = live.accounts().size();
    int creating = live.inFlight().size();
    if (accounts > 0 && have + creating + accounts > limits.accounts()) {
      out.add(note(OrganizationLimits.ACCOUNTS, "the organization has " + have + " account(s)"
          + (creating == 0 ? "" : " and " + creating + " being created") + " and the plan"
          + " creates " + accounts + ", " + (have + creating + accounts) + " in all, over the"
          + " quota of " + limits.accounts() + " (" + limits.source(OrganizationLimits.ACCOUNTS)
          + ")"));
    }
    long ous = plan.count(Change.CreateOu.class);
    if (ous > 0 && live.ous().size() + ous > limits.ous()) {
      out.add(note(OrganizationLimits.OUS, "the organization has " + live.ous().size()
          + " OU(s) and the plan creates " + ous + ", " + (live.ous().size() + ous) + " in all,"
          + " over the quota of " + limits.ous() + " (" + limits.source(OrganizationLimits.OUS)
          + ")"));
    }
    plan.changes().stream().filter(Change.CreateOu.class::isInstance)
        .map(c -> ((Change.CreateOu) c).path())
        .filter(path -> path.depth() > limits.ouDepth()).findFirst()
        .ifPresent(path -> out.add(note(OrganizationLimits.OU_DEPTH, "the plan creates OU "
            + path + " at depth " + path.depth() + ", deeper than the quota of "
            + limits.ouDepth() + " levels below the root (" + limits.source(
                OrganizationLimits.OU_DEPTH) + ")")));
    for (Change change : plan.changes()) {
      int tags = tagsAfter(change, live);
      if (tags > limits.tagsPerAccount()) {
        out.add(note(OrganizationLimits.TAGS, "account " + change.subject() + " would have "
            + tags + " tags, over the quota of " + limits.tagsPerAccount() + " ("
            + limits.source(OrganizationLimits.TAGS) + ")"));
      }
    }
    return out;
  }

  /** How many tags the account carries once the change is made; 0 for other changes. */
  private static int tagsAfter(Change change, LiveOrganization live) {
    if (change instanceof Change.CreateAccount c) {
      return c.account().tags().size();
    }
    if (change instanceof Change.RetagAccount c) {
      Set<String> keys = new HashSet<>(live.tagsOf(c.accountId()).keySet());
      keys.removeAll(c.remove());
      keys.addAll(c.set().keySet());
      return keys.size();
    }
    return 0;
  }

  private static Note note(String quota, String message) {
    return new Note(Note.Kind.QUOTA, quota, "quota " + quota + ": " + message);
  }
}
