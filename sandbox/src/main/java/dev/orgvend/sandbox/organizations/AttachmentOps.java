package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.organizations.Records.Account;
import dev.orgvend.sandbox.organizations.Records.Organization;
import dev.orgvend.sandbox.organizations.Records.OrganizationalUnit;
import dev.orgvend.sandbox.organizations.Records.Policy;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where policies apply: attaching and detaching, listing both directions, and enabling or
 * disabling a policy type on the root. While SCPs are enabled every root, OU and account keeps at
 * least one SCP; disabling the type detaches them all, and enabling it again puts back only
 * FullAWSAccess, everywhere.
 */
final class AttachmentOps {
  private final OrgContext ctx;

  AttachmentOps(OrgContext ctx) {
    this.ctx = ctx;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "AttachPolicy", this::attach,
        "DetachPolicy", this::detach,
        "ListTargetsForPolicy", this::listTargets,
        "ListPoliciesForTarget", this::listPolicies,
        "EnablePolicyType", this::enableType,
        "DisablePolicyType", this::disableType);
  }

  private JsonNode attach(Call call) {
    Organization org = ctx.asManagement(call);
    Params p = call.params();
    String policyId = OrgInput.policyId(p);
    String targetId = OrgInput.targetId(p);
    Policy policy = ctx.policy(policyId);
    existingTarget(targetId);
    if (!org.policyTypeEnabled(policy.type())) {
      throw OrgErrors.policyTypeNotEnabled();
    }
    if (policy.targets().contains(targetId)) {
      throw OrgErrors.duplicatePolicyAttachment();
    }
    int max = ctx.rules.get().maxPoliciesPerTarget();
    if (ctx.state.attachedTo(targetId, policy.type()).size() >= max) {
      throw OrgErrors.maxAttachments(max);
    }
    ctx.state.attach(policyId, targetId);
    return null;
  }

  private JsonNode detach(Call call) {
    ctx.asManagement(call);
    Params p = call.params();
    String policyId = OrgInput.policyId(p);
    String targetId = OrgInput.targetId(p);
    Policy policy = ctx.policy(policyId);
    existingTarget(targetId);
    if (!policy.targets().contains(targetId)) {
      throw OrgErrors.policyNotAttached();
    }
    // Without any SCP a target would deny everything, so AWS keeps the last one in place.
    if (policy.type().equals(OrgInput.SCP)
        && ctx.state.attachedTo(targetId, OrgInput.SCP).size() <= 1) {
      throw OrgErrors.minAttachments();
    }
    ctx.state.detach(policyId, targetId);
    return null;
  }

  private JsonNode listTargets(Call call) {
    Organization org = ctx.asReader(call);
    Policy policy = ctx.policy(OrgInput.policyId(call.params()));
    List<String> targets = policy.targets().stream().filter(ctx.state::isTarget).toList();
    return Paging.answer(call, "Targets", targets, id -> targetNode(org, id));
  }

  private JsonNode listPolicies(Call call) {
    Organization org = ctx.asReader(call);
    Params p = call.params();
    String targetId = OrgInput.targetId(p);
    String type = OrgInput.policyType(p, "Filter");
    existingTarget(targetId);
    List<Policy> attached = ctx.state.attachedTo(targetId, type);
    return Paging.answer(call, "Policies", attached, x -> ctx.policySummaryNode(org, x));
  }

  private JsonNode enableType(Call call) {
    Organization org = ctx.asManagement(call);
    Params p = call.params();
    String rootId = OrgInput.rootId(p);
    String type = OrgInput.policyType(p, "PolicyType");
    if (!rootId.equals(org.rootId())) {
      throw OrgErrors.rootNotFound(rootId);
    }
    if (!org.allFeatures()) {
      throw OrgErrors.policyTypeNotAvailable();
    }
    if (org.policyTypeEnabled(type)) {
      throw OrgErrors.policyTypeAlreadyEnabled();
    }
    Map<String, String> types = new HashMap<>(org.policyTypes());
    types.put(type, "ENABLED");
    Organization updated = org.withPolicyTypes(types);
    ctx.state.saveOrg(updated);
    if (type.equals(OrgInput.SCP)) {
      attachFullAccessEverywhere(updated);
    }
    return rootAnswer(updated);
  }

  private JsonNode disableType(Call call) {
    Organization org = ctx.asManagement(call);
    Params p = call.params();
    String rootId = OrgInput.rootId(p);
    String type = OrgInput.policyType(p, "PolicyType");
    if (!rootId.equals(org.rootId())) {
      throw OrgErrors.rootNotFound(rootId);
    }
    if (!org.policyTypeEnabled(type)) {
      throw OrgErrors.policyTypeNotEnabled();
    }
    Map<String, String> types = new HashMap<>(org.policyTypes());
    types.remove(type);
    Organization updated = org.withPolicyTypes(types);
    ctx.state.saveOrg(updated);
    for (Policy policy : ctx.state.policies.where(x -> x.type().equals(type))) {
      ctx.state.policies.put(policy.id(), policy.withTargets(List.of()));
    }
    return rootAnswer(updated);
  }

  private void attachFullAccessEverywhere(Organization org) {
    if (!ctx.state.policies.contains(AccountOps.FULL_AWS_ACCESS)) {
      ctx.state.policies.put(AccountOps.FULL_AWS_ACCESS, OrganizationOps.fullAwsAccess());
    }
    ctx.attachDefaultPolicy(org, org.rootId());
    ctx.state.ous.values().forEach(ou -> ctx.attachDefaultPolicy(org, ou.id()));
    ctx.state.members().forEach(a -> ctx.attachDefaultPolicy(org, a.id()));
  }

  private void existingTarget(String id) {
    if (!ctx.state.isTarget(id)) {
      throw OrgErrors.targetNotFound(id);
    }
  }

  private ObjectNode targetNode(Organization org, String id) {
    ObjectNode out = Nodes.object();
    out.put("TargetId", id);
    OrganizationalUnit ou = ctx.state.ous.get(id);
    Account account = ctx.state.accounts.get(id);
    if (id.equals(org.rootId())) {
      out.put("Arn", org.rootArn());
      out.put("Name", "Root");
      out.put("Type", "ROOT");
    } else if (ou != null) {
      out.put("Arn", ctx.state.ouArn(org, id));
      out.put("Name", ou.name());
      out.put("Type", "ORGANIZATIONAL_UNIT");
    } else {
      out.put("Arn", ctx.state.accountArn(org, id));
      out.put("Name", account.name());
      out.put("Type", "ACCOUNT");
    }
    return out;
  }

  private ObjectNode rootAnswer(Organization org) {
    ObjectNode out = Nodes.object();
    out.set("Root", ctx.rootNode(org));
    return out;
  }
}
