package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.iam.Roles;
import dev.orgvend.sandbox.organizations.Records.Account;
import dev.orgvend.sandbox.organizations.Records.Organization;
import dev.orgvend.sandbox.organizations.Records.OrganizationalUnit;
import dev.orgvend.sandbox.organizations.Records.Policy;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What every Organizations operation group shares: the state, the rules, access checks and
 * the output shapes (one builder per shape, so every operation renders an account the same way).
 */
final class OrgContext {
  final OrgState state;
  final Supplier<OrgRules> rules;
  final Roles roles;

  OrgContext(OrgState state, Supplier<OrgRules> rules, Roles roles) {
    this.state = state;
    this.rules = rules;
    this.roles = roles;
  }

  /** The organization, or AWSOrganizationsNotInUseException. */
  Organization org() {
    return state.org().orElseThrow(OrgErrors::notInUse);
  }

  /** The organization, if the caller is its management account; AccessDenied otherwise. */
  Organization asManagement(Call call) {
    Organization org = org();
    if (!call.accountId().equals(org.managementAccountId())) {
      throw OrgErrors.accessDenied();
    }
    return org;
  }

  /**
   * The organization, if the caller may read it: the management account or a delegated
   * administrator of any service. Plain members get AccessDenied.
   */
  Organization asReader(Call call) {
    Organization org = org();
    String caller = call.accountId();
    if (caller.equals(org.managementAccountId())) {
      return org;
    }
    if (!isMember(caller)) {
      throw OrgErrors.notInUse();
    }
    if (!org.isDelegatedAdmin(caller)) {
      throw OrgErrors.accessDenied();
    }
    return org;
  }

  /** A policy by id, or PolicyNotFoundException. */
  Policy policy(String id) {
    return state.policies.find(id).orElseThrow(() -> OrgErrors.policyNotFound(id));
  }

  /** New roots, OUs and accounts get FullAWSAccess while SCPs are enabled. */
  void attachDefaultPolicy(Organization org, String targetId) {
    if (org.policyTypeEnabled(OrgInput.SCP)) {
      state.attach(AccountOps.FULL_AWS_ACCESS, targetId);
    }
  }

  boolean isMember(String accountId) {
    Account account = state.accounts.get(accountId);
    return account != null && account.parentId() != null;
  }

  ObjectNode organizationNode(Organization org) {
    ObjectNode out = Nodes.object();
    out.put("Id", org.id());
    out.put("Arn", org.arn());
    out.put("FeatureSet", org.featureSet());
    out.put("MasterAccountArn", state.accountArn(org, org.managementAccountId()));
    out.put("MasterAccountId", org.managementAccountId());
    out.put("MasterAccountEmail", org.managementEmail());
    ArrayNode types = out.putArray("AvailablePolicyTypes");
    if (org.policyTypeEnabled("SERVICE_CONTROL_POLICY")) {
      ObjectNode t = types.addObject();
      t.put("Type", "SERVICE_CONTROL_POLICY");
      t.put("Status", "ENABLED");
    }
    return out;
  }

  ObjectNode rootNode(Organization org) {
    ObjectNode out = Nodes.object();
    out.put("Id", org.rootId());
    out.put("Arn", org.rootArn());
    out.put("Name", "Root");
    ArrayNode types = out.putArray("PolicyTypes");
    new TreeMap<>(org.policyTypes()).forEach((type, status) -> {
      ObjectNode t = types.addObject();
      t.put("Type", type);
      t.put("Status", status);
    });
    return out;
  }

  ObjectNode accountNode(Organization org, Account account) {
    ObjectNode out = Nodes.object();
    out.put("Id", account.id());
    out.put("Arn", state.accountArn(org, account.id()));
    out.put("Email", account.email());
    out.put("Name", account.name());
    out.put("Status", legacyStatus(account.state()));
    out.put("State", account.state());
    out.put("JoinedMethod", "MANAGEMENT".equals(account.joinedMethod()) ? "INVITED"
        : account.joinedMethod());
    out.set("JoinedTimestamp", Nodes.time(account.joinedTimestamp()));
    if (account.parentId() != null) {
      out.putArray("Paths").add(state.path(org, account.parentId()) + account.id() + "/");
    }
    return out;
  }

  /** Organizations' older {@code Status} field knows no CLOSED or PENDING_ACTIVATION. */
  private static String legacyStatus(String state) {
    return switch (state) {
      case "CLOSED" -> "SUSPENDED";
      case "PENDING_ACTIVATION" -> "ACTIVE";
      default -> state;
    };
  }

  ObjectNode ouNode(Organization org, OrganizationalUnit ou) {
    ObjectNode out = Nodes.object();
    out.put("Id", ou.id());
    out.put("Arn", state.ouArn(org, ou.id()));
    out.put("Name", ou.name());
    out.put("Path", state.path(org, ou.id()));
    return out;
  }

  ObjectNode policySummaryNode(Organization org, Policy policy) {
    ObjectNode out = Nodes.object();
    out.put("Id", policy.id());
    out.put("Arn", state.policyArn(org, policy));
    out.put("Name", policy.name());
    out.put("Description", policy.description());
    out.put("Type", policy.type());
    out.put("AwsManaged", policy.awsManaged());
    return out;
  }

  static ArrayNode tagList(Map<String, String> tags) {
    ArrayNode out = Nodes.array();
    new TreeMap<>(tags).forEach((k, v) -> {
      ObjectNode t = out.addObject();
      t.put("Key", k);
      t.put("Value", v);
    });
    return out;
  }
}
