package dev.orgvend.sandbox.organizations;

import dev.orgvend.sandbox.organizations.Records.Account;
import dev.orgvend.sandbox.organizations.Records.CreateRequest;
import dev.orgvend.sandbox.organizations.Records.Organization;
import dev.orgvend.sandbox.organizations.Records.OrganizationalUnit;
import dev.orgvend.sandbox.organizations.Records.Policy;
import dev.orgvend.sandbox.organizations.Records.Tags;
import dev.orgvend.sandbox.organizations.Records.TakenEmail;
import dev.orgvend.sandbox.state.AccountDirectory;
import dev.orgvend.sandbox.state.Ids;
import dev.orgvend.sandbox.state.Store;
import dev.orgvend.sandbox.state.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * All Organizations state: the organization, its accounts, OUs, policies, tags, create-account
 * requests, and the global registry of e-mail addresses already used by some AWS account.
 */
final class OrgState implements AccountDirectory {
  static final String ORG_KEY = "org";

  final Table<Organization> organization;
  final Table<Account> accounts;
  final Table<OrganizationalUnit> ous;
  final Table<CreateRequest> requests;
  final Table<Policy> policies;
  final Table<Tags> tags;
  final Table<TakenEmail> takenEmails;
  final Ids ids;
  /** Ids of create-account requests still IN_PROGRESS. */
  final java.util.Set<String> creating;
  /** Ids of accounts whose closure is pending. */
  final java.util.Set<String> closing;
  /** Ids of accounts outside any organization: the management account before it founds one. */
  private final java.util.Set<String> managementCandidates;

  OrgState(Store store, Ids ids) {
    this.organization = store.table("org.organization", Organization.class);
    this.accounts = store.table("org.account", Account.class);
    this.ous = store.table("org.ou", OrganizationalUnit.class);
    this.requests = store.table("org.create-request", CreateRequest.class);
    this.policies = store.table("org.policy", Policy.class);
    this.tags = store.table("org.tags", Tags.class);
    this.takenEmails = store.table("org.taken-email", TakenEmail.class);
    this.ids = ids;
    this.creating = requests.index(r -> r.state().equals("IN_PROGRESS"));
    this.closing = accounts.index(a -> a.state().equals("PENDING_CLOSURE"));
    this.managementCandidates = accounts.index(
        a -> "MANAGEMENT".equals(a.joinedMethod()) || a.parentId() == null);
  }

  Optional<Organization> org() {
    return organization.find(ORG_KEY);
  }

  void saveOrg(Organization org) {
    organization.put(ORG_KEY, org);
  }

  /** The management account: the one account that exists before any organization. */
  Account management() {
    return managementCandidates.stream().findFirst().map(accounts::get)
        .orElseThrow(() -> new IllegalStateException("sandbox has no management account"));
  }

  @Override
  public String managementAccountId() {
    return management().id();
  }

  @Override
  public boolean isActive(String accountId) {
    Account account = accounts.get(accountId);
    return account != null && "ACTIVE".equals(account.state());
  }

  @Override
  public boolean inOrganization(String accountId) {
    Account account = accounts.get(accountId);
    return org().isPresent() && account != null && account.parentId() != null;
  }

  @Override
  public boolean trustsService(String servicePrincipal) {
    return org().filter(Organization::allFeatures)
        .map(o -> o.serviceAccess().containsKey(servicePrincipal))
        .orElse(false);
  }

  @Override
  public boolean isDelegatedAdministrator(String accountId, String servicePrincipal) {
    return org().map(o -> o.delegatedAdmins().getOrDefault(servicePrincipal, Map.of())
            .containsKey(accountId))
        .orElse(false);
  }

  /** Members of the organization (the management account included), in creation order. */
  List<Account> members() {
    return accounts.where(a -> a.parentId() != null);
  }

  String accountArn(Organization org, String accountId) {
    return "arn:aws:organizations::" + org.managementAccountId() + ":account/" + org.id() + "/"
        + accountId;
  }

  String ouArn(Organization org, String ouId) {
    return "arn:aws:organizations::" + org.managementAccountId() + ":ou/" + org.id() + "/" + ouId;
  }

  String policyArn(Organization org, Policy policy) {
    if (policy.awsManaged()) {
      return "arn:aws:organizations::aws:policy/" + policy.type().toLowerCase(Locale.ROOT) + "/"
          + policy.id();
    }
    return "arn:aws:organizations::" + org.managementAccountId() + ":policy/" + org.id() + "/"
        + policy.type().toLowerCase(Locale.ROOT) + "/" + policy.id();
  }

  /** The chain of parent ids from the root down to {@code parentId} itself. */
  List<String> pathTo(String parentId) {
    List<String> chain = new ArrayList<>();
    String cursor = parentId;
    while (cursor != null) {
      chain.add(0, cursor);
      OrganizationalUnit ou = ous.get(cursor);
      cursor = ou == null ? null : ou.parentId();
    }
    return chain;
  }

  /** {@code o-x/r-xxxx/ou-…/} for a parent, as Organizations writes OU and account paths. */
  String path(Organization org, String parentId) {
    return org.id() + "/" + String.join("/", pathTo(parentId)) + "/";
  }

  boolean emailInUse(String email) {
    String key = email.toLowerCase(Locale.ROOT);
    return takenEmails.contains(key)
        || accounts.values().stream().anyMatch(a -> a.email().equalsIgnoreCase(email));
  }

  boolean isParent(String id) {
    Optional<Organization> org = org();
    return (org.isPresent() && org.get().rootId().equals(id)) || ous.contains(id);
  }

  /** True for the root, an OU or an account of the organization: things policies attach to. */
  boolean isTarget(String id) {
    Account account = accounts.get(id);
    return isParent(id) || (account != null && account.parentId() != null);
  }

  /** The policies of one type attached directly to a target, in creation order. */
  List<Policy> attachedTo(String targetId, String type) {
    return policies.where(p -> p.type().equals(type) && p.targets().contains(targetId));
  }

  /** Attaches a policy to a target; nothing happens if it is already attached. */
  void attach(String policyId, String targetId) {
    Policy policy = policies.get(policyId);
    if (policy != null && !policy.targets().contains(targetId)) {
      List<String> targets = new ArrayList<>(policy.targets());
      targets.add(targetId);
      policies.put(policyId, policy.withTargets(targets));
    }
  }

  /** Attaches a policy to many targets with one write, however many there are. */
  void attachAll(String policyId, java.util.Collection<String> targetIds) {
    Policy policy = policies.get(policyId);
    if (policy == null || targetIds.isEmpty()) {
      return;
    }
    java.util.LinkedHashSet<String> targets = new java.util.LinkedHashSet<>(policy.targets());
    targets.addAll(targetIds);
    policies.put(policyId, policy.withTargets(List.copyOf(targets)));
  }

  void detach(String policyId, String targetId) {
    Policy policy = policies.get(policyId);
    if (policy != null && policy.targets().contains(targetId)) {
      List<String> targets = new ArrayList<>(policy.targets());
      targets.remove(targetId);
      policies.put(policyId, policy.withTargets(targets));
    }
  }

  /** Removes a target from every policy, as when an OU is deleted. */
  void detachEverywhere(String targetId) {
    for (Policy policy : policies.where(p -> p.targets().contains(targetId))) {
      detach(policy.id(), targetId);
    }
  }

  /** A fresh id with the given prefix and {@code length} random lower-case letters and digits. */
  String newId(String prefix, int length, java.util.function.Predicate<String> taken) {
    String id;
    do {
      id = prefix + ids.lowerAlnum(length);
    } while (taken.test(id));
    return id;
  }
}
