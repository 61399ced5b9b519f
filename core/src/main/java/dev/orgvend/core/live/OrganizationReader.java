package dev.orgvend.core.live;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.Parallel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListCreateAccountStatusResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * Reads an organization with as few calls as the API allows: the OU tree level by level
 * (ListOrganizationalUnitsForParent per parent), accounts by parent (ListAccountsForParent, which
 * gives parentage with no extra ListParents calls), tags only for the accounts asked for, and
 * IN_PROGRESS creations (read before the accounts). Independent reads of one level run in
 * parallel; the {@link AwsCaller} keeps them within AWS's rates. Pages are followed until
 * NextToken is absent, even when a page comes back empty.
 */
public final class OrganizationReader {
  private static final int MAX_RESULTS = 20;
  private final OrganizationsClient orgs;
  private final AwsCaller caller;
  private final ExecutorService pool;

  public OrganizationReader(OrganizationsClient orgs, AwsCaller caller, ExecutorService pool) {
    this.orgs = orgs;
    this.caller = caller;
    this.pool = pool;
  }

  /** Reads everything, plus tags for the accounts {@code wantTags} selects. */
  public LiveOrganization read(Function<Account, Boolean> wantTags) {
    Organization org = caller.call("DescribeOrganization", orgs::describeOrganization)
        .organization();
    Root root = caller.call("ListRoots", () -> orgs.listRoots(r -> r.maxResults(MAX_RESULTS)))
        .roots().get(0);

    List<LiveOrganization.Ou> ous = new ArrayList<>();
    List<String> level = List.of(root.id());
    List<String> parents = new ArrayList<>(level);
    while (!level.isEmpty()) {
      List<List<LiveOrganization.Ou>> children = parallel(level, this::childOus);
      List<String> next = new ArrayList<>();
      for (List<LiveOrganization.Ou> batch : children) {
        ous.addAll(batch);
        batch.forEach(o -> next.add(o.id()));
      }
      parents.addAll(next);
      level = next;
    }

    // Creations in flight before accounts: one that finishes between the two reads is then seen
    // twice (in flight, then as the account) rather than not at all, which would plan it again.
    List<LiveOrganization.Creation> inFlight = inFlight();
    List<LiveOrganization.Account> accounts = new ArrayList<>();
    List<Account> raw = new ArrayList<>();
    for (List<Map.Entry<String, Account>> batch : parallel(parents, this::accountsOf)) {
      for (Map.Entry<String, Account> e : batch) {
        Account a = e.getValue();
        raw.add(a);
        String state = a.stateAsString() != null ? a.stateAsString() : a.statusAsString();
        accounts.add(new LiveOrganization.Account(a.id(), a.name(), a.email(), state, e.getKey()));
      }
    }

    Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();
    List<String> tagged = raw.stream().filter(wantTags::apply).map(Account::id).toList();
    parallel(tagged, id -> {
      tags.put(id, tagsOf(id));
      return null;
    });

    return new LiveOrganization(org.id(), org.masterAccountId(), root.id(), ous, accounts, tags,
        inFlight);
  }

  private List<LiveOrganization.Ou> childOus(String parentId) {
    List<LiveOrganization.Ou> out = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListOrganizationalUnitsForParentResponse page = caller.call(
          "ListOrganizationalUnitsForParent", () -> orgs.listOrganizationalUnitsForParent(
              r -> r.parentId(parentId).maxResults(MAX_RESULTS).nextToken(t)));
      for (OrganizationalUnit ou : page.organizationalUnits()) {
        out.add(new LiveOrganization.Ou(ou.id(), ou.name(), parentId));
      }
      token = page.nextToken();
    } while (token != null);
    return out;
  }

  private List<Map.Entry<String, Account>> accountsOf(String parentId) {
    List<Map.Entry<String, Account>> out = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListAccountsForParentResponse page = caller.call("ListAccountsForParent",
          () -> orgs.listAccountsForParent(
              r -> r.parentId(parentId).maxResults(MAX_RESULTS).nextToken(t)));
      page.accounts().forEach(a -> out.add(Map.entry(parentId, a)));
      token = page.nextToken();
    } while (token != null);
    return out;
  }

  /** Tags of one resource (account, OU, root or policy). */
  public Map<String, String> tagsOf(String resourceId) {
    Map<String, String> out = new java.util.TreeMap<>();
    String token = null;
    do {
      String t = token;
      ListTagsForResourceResponse page = caller.call("ListTagsForResource",
          () -> orgs.listTagsForResource(r -> r.resourceId(resourceId).nextToken(t)));
      page.tags().forEach(tag -> out.put(tag.key(), tag.value()));
      token = page.nextToken();
    } while (token != null);
    return out;
  }

  /** Create-account requests that are still IN_PROGRESS. */
  public List<LiveOrganization.Creation> inFlight() {
    List<LiveOrganization.Creation> out = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListCreateAccountStatusResponse page = caller.call("ListCreateAccountStatus",
          () -> orgs.listCreateAccountStatus(r -> r.states(CreateAccountState.IN_PROGRESS)
              .maxResults(MAX_RESULTS).nextToken(t)));
      for (CreateAccountStatus s : page.createAccountStatuses()) {
        out.add(new LiveOrganization.Creation(s.id(), s.accountName(), s.requestedTimestamp()));
      }
      token = page.nextToken();
    } while (token != null);
    return out;
  }

  private <I, O> List<O> parallel(Collection<I> inputs, Function<I, O> work) {
    List<Future<O>> futures = new ArrayList<>();
    for (I input : inputs) {
      futures.add(pool.submit(() -> work.apply(input)));
    }
    return Parallel.results(futures);
  }
}
