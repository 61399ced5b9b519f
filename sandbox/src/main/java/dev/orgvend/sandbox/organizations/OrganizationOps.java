package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.organizations.Records.Account;
import dev.orgvend.sandbox.organizations.Records.Organization;
import dev.orgvend.sandbox.organizations.Records.Policy;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The organization itself: CreateOrganization, DescribeOrganization, ListRoots. */
final class OrganizationOps {
  static final String FULL_AWS_ACCESS_CONTENT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
          + "\"Resource\":\"*\"}]}";

  private final OrgContext ctx;

  OrganizationOps(OrgContext ctx) {
    this.ctx = ctx;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "CreateOrganization", this::createOrganization,
        "DescribeOrganization", this::describeOrganization,
        "ListRoots", this::listRoots);
  }

  private JsonNode createOrganization(Call call) {
    String featureSet = call.params().text("FeatureSet")
        .oneOf(List.of("ALL", "CONSOLIDATED_BILLING")).orElse("ALL");
    if (ctx.state.org().isPresent() || ctx.isMember(call.accountId())) {
      throw OrgErrors.alreadyInOrganization();
    }
    if (!call.accountId().equals(ctx.state.managementAccountId())) {
      // Only the sandbox's own management account may found the organization.
      throw OrgErrors.accessDenied();
    }
    Organization org = create(featureSet, call.now());
    ObjectNode out = Nodes.object();
    out.set("Organization", ctx.organizationNode(org));
    return out;
  }

  /** Founds the organization with the management account in its root. */
  Organization create(String featureSet, Instant now) {
    Account management = ctx.state.management();
    boolean all = featureSet.equals("ALL");
    Organization org = new Organization("o-" + ctx.state.ids.lowerAlnum(10), featureSet,
        management.id(), management.email(), "r-" + ctx.state.ids.lowerAlnum(4),
        all ? Map.of("SERVICE_CONTROL_POLICY", "ENABLED") : Map.of(), Map.of(), Map.of(), now);
    ctx.state.saveOrg(org);
    ctx.state.accounts.put(management.id(), management.joined(org.rootId(), "MANAGEMENT", now));
    if (all) {
      ctx.state.policies.put(AccountOps.FULL_AWS_ACCESS, fullAwsAccess());
      ctx.attachDefaultPolicy(org, org.rootId());
      ctx.attachDefaultPolicy(org, management.id());
    }
    return org;
  }

  /** The AWS-managed SCP that allows everything, attached by default while SCPs are enabled. */
  static Policy fullAwsAccess() {
    return new Policy(AccountOps.FULL_AWS_ACCESS, "FullAWSAccess",
        "Allows access to every operation", OrgInput.SCP, FULL_AWS_ACCESS_CONTENT, true,
        List.of());
  }

  private JsonNode describeOrganization(Call call) {
    Organization org = ctx.org();
    if (!ctx.isMember(call.accountId())) {
      throw OrgErrors.notInUse();
    }
    ObjectNode out = Nodes.object();
    out.set("Organization", ctx.organizationNode(org));
    return out;
  }

  private JsonNode listRoots(Call call) {
    Organization org = ctx.asReader(call);
    Paging.Page<Organization> page = Paging.page(List.of(org), call.params(), "ListRoots");
    ObjectNode out = Nodes.object();
    out.set("Roots", Nodes.array(page.items(), ctx::rootNode));
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }
}
