package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.organizations.Records.Organization;
import dev.orgvend.sandbox.organizations.Records.Policy;
import dev.orgvend.sandbox.organizations.Records.Tags;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.util.List;
import java.util.Map;

/**
 * Policies as documents: create, read, update, delete, list. Where they are attached, and which
 * policy types are enabled, is {@link AttachmentOps}' business. Policy names are unique within a
 * type, and the AWS-managed FullAWSAccess can be neither changed nor deleted.
 */
final class PolicyOps {
  private final OrgContext ctx;

  PolicyOps(OrgContext ctx) {
    this.ctx = ctx;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "CreatePolicy", this::create,
        "DescribePolicy", this::describe,
        "UpdatePolicy", this::update,
        "DeletePolicy", this::delete,
        "ListPolicies", this::list);
  }

  private JsonNode create(Call call) {
    Organization org = ctx.asManagement(call);
    Params p = call.params();
    String content = p.text("Content").required().length(1, 1_000_000).get();
    String description = p.text("Description").required().length(0, 512).get();
    String name = p.text("Name").required().length(1, 128).get();
    String type = OrgInput.policyType(p, "Type");
    Map<String, String> tags = Tagging.read(p, "Tags");
    if (!org.allFeatures()) {
      throw OrgErrors.policyTypeNotAvailable();
    }
    OrgRules limits = ctx.rules.get();
    PolicyDocuments.check(type, content, limits.maxScpChars());
    if (nameTaken(type, name, null)) {
      throw OrgErrors.duplicatePolicy();
    }
    long ofType = ctx.state.policies.values().stream()
        .filter(x -> x.type().equals(type) && !x.awsManaged()).count();
    if (ofType >= limits.maxPolicies()) {
      throw OrgErrors.policyNumberLimit(limits.maxPolicies());
    }
    String id = ctx.state.newId("p-", 10, ctx.state.policies::contains);
    Policy policy = new Policy(id, name, description, type, content, false, List.of());
    ctx.state.policies.put(id, policy);
    if (!tags.isEmpty()) {
      ctx.state.tags.put(id, new Tags(id, tags));
    }
    return answer(org, policy);
  }

  private JsonNode describe(Call call) {
    Organization org = ctx.asReader(call);
    return answer(org, find(OrgInput.policyId(call.params())));
  }

  private JsonNode update(Call call) {
    Organization org = ctx.asManagement(call);
    Params p = call.params();
    String id = OrgInput.policyId(p);
    String name = p.text("Name").length(1, 128).get();
    String description = p.text("Description").length(0, 512).get();
    String content = p.text("Content").length(1, 1_000_000).get();
    Policy policy = find(id);
    if (policy.awsManaged()) {
      throw OrgErrors.immutablePolicy(id);
    }
    if (content != null) {
      PolicyDocuments.check(policy.type(), content,
          ctx.rules.get().maxScpChars());
    }
    if (name != null && nameTaken(policy.type(), name, id)) {
      throw OrgErrors.duplicatePolicy();
    }
    Policy updated = policy.edited(name == null ? policy.name() : name,
        description == null ? policy.description() : description,
        content == null ? policy.content() : content);
    ctx.state.policies.put(id, updated);
    return answer(org, updated);
  }

  private JsonNode delete(Call call) {
    ctx.asManagement(call);
    String id = OrgInput.policyId(call.params());
    Policy policy = find(id);
    if (policy.awsManaged()) {
      throw OrgErrors.immutablePolicy(id);
    }
    if (!policy.targets().isEmpty()) {
      throw OrgErrors.policyInUse();
    }
    ctx.state.policies.remove(id);
    ctx.state.tags.remove(id);
    return null;
  }

  private JsonNode list(Call call) {
    Organization org = ctx.asReader(call);
    String type = OrgInput.policyType(call.params(), "Filter");
    List<Policy> ofType = ctx.state.policies.where(x -> x.type().equals(type));
    return Paging.answer(call, "Policies", ofType, x -> ctx.policySummaryNode(org, x));
  }

  private Policy find(String id) {
    return ctx.policy(id);
  }

  private boolean nameTaken(String type, String name, String exceptId) {
    return ctx.state.policies.values().stream().anyMatch(x -> x.type().equals(type)
        && x.name().equals(name) && !x.id().equals(exceptId));
  }

  private ObjectNode answer(Organization org, Policy policy) {
    ObjectNode out = Nodes.object();
    ObjectNode node = out.putObject("Policy");
    node.set("PolicySummary", ctx.policySummaryNode(org, policy));
    node.put("Content", policy.content());
    return out;
  }
}
