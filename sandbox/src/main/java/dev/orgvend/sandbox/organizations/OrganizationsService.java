package dev.orgvend.sandbox.organizations;

import dev.orgvend.sandbox.iam.Roles;
import dev.orgvend.sandbox.organizations.Records.Account;
import dev.orgvend.sandbox.organizations.Records.TakenEmail;
import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Protocol;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.state.AccountDirectory;
import dev.orgvend.sandbox.state.Ids;
import dev.orgvend.sandbox.state.Store;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** AWS Organizations (awsJson 1.1, target prefix {@code AWSOrganizationsV20161128}). */
public final class OrganizationsService {
  private static final Binding JSON =
      new Binding.AwsJson("AWSOrganizationsV20161128", Protocol.AWS_JSON_1_1, false);

  private final OrgState state;
  private final OrganizationOps organizationOps;
  private final AccountOps accountOps;
  private final CloseOps closeOps;
  private final OuOps ouOps;
  private final OrgContext ctx;
  private final Map<String, Operation> operations = new HashMap<>();

  public OrganizationsService(Store store, Ids ids, Supplier<OrgRules> rules,
      Roles roles) {
    this.state = new OrgState(store, ids);
    this.ctx = new OrgContext(state, rules, roles);
    this.accountOps = new AccountOps(ctx);
    this.organizationOps = new OrganizationOps(ctx);
    this.closeOps = new CloseOps(ctx);
    this.ouOps = new OuOps(ctx);
    register(organizationOps.operations());
    register(accountOps.operations());
    register(closeOps.operations());
    register(ouOps.operations());
    register(new TreeOps(ctx).operations());
    register(new TagOps(ctx).operations());
    register(new PolicyOps(ctx).operations());
    register(new AttachmentOps(ctx).operations());
    register(new DelegationOps(ctx).operations());
  }

  private void register(Map<String, Operation> group) {
    group.forEach((name, operation) -> {
      if (operations.putIfAbsent(name, operation) != null) {
        throw new IllegalStateException("operation registered twice: " + name);
      }
    });
  }

  public Service service() {
    return new Service("organizations", List.of(JSON), OrgErrors.ANSWERS, operations);
  }

  public AccountDirectory directory() {
    return state;
  }

  /** Brings pending account creations and closures up to {@code now}. */
  public void settle(Instant now) {
    accountOps.settle(now);
    closeOps.settle(now);
  }

  /**
   * Makes sure the management account exists, and the organization too if {@code withOrg}.
   * Does nothing on a store that already holds them.
   */
  public String bootstrap(String managementEmail, boolean withOrg, Instant now) {
    if (state.accounts.size() == 0) {
      String id = state.ids.digits(12);
      state.accounts.put(id, new Account(id, "management", managementEmail, "ACTIVE", null,
          "MANAGEMENT", now, null));
    }
    if (withOrg && state.org().isEmpty()) {
      organizationOps.create("ALL", now);
    }
    return state.managementAccountId();
  }

  /**
   * Runs {@code build} with a seeder that adds OUs and accounts straight to the state, then
   * attaches the default policy to everything it added. Call inside a world transaction.
   */
  public <T> T seed(Instant now, Function<Seeder, T> build) {
    Seeder seeder = new Seeder(ctx, ouOps, accountOps, now);
    try {
      return build.apply(seeder);
    } finally {
      seeder.finish();
    }
  }

  /** Marks addresses as used by accounts outside the organization (CreateAccount then fails). */
  public void seedTakenEmails(Iterable<String> emails) {
    for (String email : emails) {
      String key = AccountOps.normalEmail(email.trim());
      if (!key.isEmpty()) {
        state.takenEmails.put(key, new TakenEmail(key));
      }
    }
  }
}
