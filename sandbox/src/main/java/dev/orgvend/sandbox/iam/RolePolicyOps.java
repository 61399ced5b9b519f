package dev.orgvend.sandbox.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Cursor;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A role's inline policies (Put/Get/List/DeleteRolePolicy) and attached managed policies
 * (Attach/Detach/ListAttachedRolePolicies).
 *
 * <p>The sandbox has no catalogue of managed policies, so any well-formed policy ARN can be
 * attached; IAM would answer NoSuchEntity for one that does not exist.
 */
final class RolePolicyOps {
  private static final Pattern POLICY_ARN = Pattern.compile("arn:aws(?:-cn|-us-gov)?:iam::"
      + "(?:aws|\\d{12}):policy((?:/[\\u0021-\\u007E]+)*/)([\\w+=,.@-]{1,128})");
  private static final Pattern POLICY_PATH = Pattern.compile("((/[A-Za-z0-9.,+@=_-]+)*)/");
  /** Default IAM quotas (adjustable in AWS; fixed here). */
  static final int INLINE_POLICY_CHARS = 10_240;
  static final int MANAGED_POLICIES_PER_ROLE = 10;

  private final Roles roles;
  private final RoleOps roleOps;

  RolePolicyOps(Roles roles, RoleOps roleOps) {
    this.roles = roles;
    this.roleOps = roleOps;
  }

  Map<String, Operation> operations() {
    Map<String, Operation> ops = new HashMap<>();
    ops.put("PutRolePolicy", this::putRolePolicy);
    ops.put("GetRolePolicy", this::getRolePolicy);
    ops.put("ListRolePolicies", this::listRolePolicies);
    ops.put("DeleteRolePolicy", this::deleteRolePolicy);
    ops.put("AttachRolePolicy", this::attachRolePolicy);
    ops.put("DetachRolePolicy", this::detachRolePolicy);
    ops.put("ListAttachedRolePolicies", this::listAttachedRolePolicies);
    return ops;
  }

  private static String policyName(Params p) {
    return p.text("PolicyName").required().length(1, 128).pattern(RoleOps.NAME).get();
  }

  private JsonNode putRolePolicy(Call call) {
    Params p = call.params();
    String roleName = RoleOps.roleName(p);
    String policyName = policyName(p);
    String document = p.text("PolicyDocument").required().length(1, 131_072)
        .pattern(RoleOps.DOCUMENT).get();
    Role role = roleOps.existing(call, roleName);
    PolicyDocuments.check(document, PolicyDocuments.Kind.PERMISSIONS);
    int total = PolicyDocuments.chargedLength(document);
    for (Map.Entry<String, String> other : role.inlinePolicies().entrySet()) {
      if (!other.getKey().equals(policyName)) {
        total += PolicyDocuments.chargedLength(other.getValue());
      }
    }
    if (total > INLINE_POLICY_CHARS) {
      throw IamErrors.inlinePolicySizeExceeded(role.roleName(), INLINE_POLICY_CHARS);
    }
    roles.putInlinePolicy(role, policyName, document);
    return null;
  }

  private JsonNode getRolePolicy(Call call) {
    Params p = call.params();
    String roleName = RoleOps.roleName(p);
    String policyName = policyName(p);
    Role role = roleOps.existing(call, roleName);
    String document = role.inlinePolicies().get(policyName);
    if (document == null) {
      throw IamErrors.noSuchRolePolicy(policyName);
    }
    ObjectNode out = Nodes.object();
    out.put("RoleName", role.roleName());
    out.put("PolicyName", policyName);
    out.put("PolicyDocument", PolicyDocuments.urlEncode(document));
    return out;
  }

  private JsonNode listRolePolicies(Call call) {
    Params p = call.params();
    String roleName = RoleOps.roleName(p);
    String marker = p.text("Marker").length(1, 320).pattern(RoleOps.MARKER).get();
    int maxItems = p.integer("MaxItems").range(1, 1000).orElse(100);
    Role role = roleOps.existing(call, roleName);
    Cursor.Page<String> page = Cursor.page(new ArrayList<>(role.inlinePolicies().keySet()),
        name -> name, "ListRolePolicies", marker, maxItems, IamErrors::invalidMarker);
    ObjectNode out = Nodes.object();
    out.set("PolicyNames", Nodes.strings(page.items()));
    return RoleOps.truncation(out, page);
  }

  private JsonNode deleteRolePolicy(Call call) {
    Params p = call.params();
    String roleName = RoleOps.roleName(p);
    String policyName = policyName(p);
    Role role = roleOps.existing(call, roleName);
    if (!role.inlinePolicies().containsKey(policyName)) {
      throw IamErrors.noSuchRolePolicy(policyName);
    }
    roles.deleteInlinePolicy(role, policyName);
    return null;
  }

  private static String policyArn(Params p) {
    String arn = p.text("PolicyArn").required().length(20, 2048).get();
    if (!POLICY_ARN.matcher(arn).matches()) {
      throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
    }
    return arn;
  }

  private JsonNode attachRolePolicy(Call call) {
    Params p = call.params();
    String roleName = RoleOps.roleName(p);
    String arn = policyArn(p);
    Role role = roleOps.existing(call, roleName);
    if (role.attachedPolicyArns().contains(arn)) {
      return null;
    }
    if (role.attachedPolicyArns().size() >= MANAGED_POLICIES_PER_ROLE) {
      throw IamErrors.quotaExceeded("PoliciesPerRole", MANAGED_POLICIES_PER_ROLE);
    }
    roles.attachPolicy(role, arn);
    return null;
  }

  private JsonNode detachRolePolicy(Call call) {
    Params p = call.params();
    String roleName = RoleOps.roleName(p);
    String arn = policyArn(p);
    Role role = roleOps.existing(call, roleName);
    if (!role.attachedPolicyArns().contains(arn)) {
      throw IamErrors.policyNotAttached(arn);
    }
    roles.detachPolicy(role, arn);
    return null;
  }

  private JsonNode listAttachedRolePolicies(Call call) {
    Params p = call.params();
    String roleName = RoleOps.roleName(p);
    String prefix = p.text("PathPrefix").length(1, 512).pattern(POLICY_PATH).orElse("/");
    String marker = p.text("Marker").length(1, 320).pattern(RoleOps.MARKER).get();
    int maxItems = p.integer("MaxItems").range(1, 1000).orElse(100);
    Role role = roleOps.existing(call, roleName);
    List<String> matching = role.attachedPolicyArns().stream()
        .filter(arn -> path(arn).startsWith(prefix))
        .toList();
    Cursor.Page<String> page = Cursor.page(matching, arn -> arn, "ListAttachedRolePolicies",
        marker, maxItems, IamErrors::invalidMarker);
    ObjectNode out = Nodes.object();
    out.set("AttachedPolicies", Nodes.array(page.items(), arn -> {
      ObjectNode item = Nodes.object();
      item.put("PolicyName", name(arn));
      item.put("PolicyArn", arn);
      return item;
    }));
    return RoleOps.truncation(out, page);
  }

  private static String path(String arn) {
    Matcher m = POLICY_ARN.matcher(arn);
    return m.matches() ? m.group(1) : "/";
  }

  private static String name(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }
}
