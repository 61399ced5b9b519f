package dev.orgvend.sandbox.organizations;

import dev.orgvend.sandbox.organizations.Records.Account;
import dev.orgvend.sandbox.organizations.Records.Organization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds OUs and member accounts straight to the state, as {@code Sandbox.seed} offers it (see
 * {@code OrganizationSeeder} for the rules). FullAWSAccess is attached to all new OUs and
 * accounts at the end in one write: attaching per target would rewrite the policy's growing
 * target list thousands of times.
 */
public final class Seeder {
  private final OrgContext ctx;
  private final OuOps ouOps;
  private final AccountOps accountOps;
  private final Instant now;
  private final Organization org;
  /** Lower-cased addresses of every account, so each new one is checked without a scan. */
  private final Set<String> emails = new HashSet<>();
  private final List<String> added = new ArrayList<>();
  /** Members plus creations in flight, as the account limit counts them. */
  private int accounts;

  Seeder(OrgContext ctx, OuOps ouOps, AccountOps accountOps, Instant now) {
    this.ctx = ctx;
    this.ouOps = ouOps;
    this.accountOps = accountOps;
    this.now = now;
    this.org = ctx.org();
    ctx.state.accounts.values().forEach(a -> emails.add(AccountOps.normalEmail(a.email())));
    this.accounts = ctx.state.members().size() + ctx.state.creating.size();
  }

  /** The id of the organization's root. */
  public String rootId() {
    return org.rootId();
  }

  /** Adds an OU under a root or OU; returns its id. */
  public String organizationalUnit(String parentId, String name) {
    if (name == null || name.isEmpty() || name.length() > 128) {
      throw new IllegalArgumentException("an OU name has 1 to 128 characters: " + name);
    }
    String id = ouOps.add(org, parentId, name, Map.of()).id();
    added.add(id);
    return id;
  }

  /** Adds an active member account, created by the organization; returns its id. */
  public String account(String name, String email, String parentId, Map<String, String> tags) {
    if (name == null || name.length() > 50 || !AccountOps.ACCOUNT_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("an account name has 1 to 50 printable ASCII"
          + " characters: " + name);
    }
    if (email == null || email.length() < 6 || email.length() > 64
        || !AccountOps.EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("not an e-mail address AWS accepts: " + email);
    }
    String key = AccountOps.normalEmail(email);
    if (emails.contains(key) || ctx.state.takenEmails.contains(key)) {
      throw new IllegalArgumentException("an AWS account already uses " + email);
    }
    if (!ctx.state.isParent(parentId)) {
      throw OrgErrors.parentNotFound(parentId);
    }
    Tagging.checkCount(tags);
    int limit = ctx.rules.get().accountLimit();
    if (accounts >= limit) {
      throw OrgErrors.accountNumberLimit(limit);
    }
    Account account = accountOps.addMember(org, name, email, parentId,
        "OrganizationAccountAccessRole", tags, now);
    emails.add(key);
    accounts++;
    added.add(account.id());
    return account.id();
  }

  /** Attaches the default policy to everything added, as each creation would have. */
  void finish() {
    if (org.policyTypeEnabled(OrgInput.SCP)) {
      ctx.state.attachAll(AccountOps.FULL_AWS_ACCESS, added);
    }
  }
}
