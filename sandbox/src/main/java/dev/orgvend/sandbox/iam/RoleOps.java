package dev.orgvend.sandbox.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Cursor;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** CreateRole, GetRole, ListRoles and DeleteRole, in the caller's account. */
final class RoleOps {
  static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
  static final Pattern MARKER = Pattern.compile("[\\u0020-\\u00FF]+");
  static final Pattern DOCUMENT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
  private static final Pattern PATH = Pattern.compile("(/)|(/[\\u0021-\\u007E]+/)");
  private static final Pattern PATH_PREFIX = Pattern.compile("/[\\u0021-\\u007F]*");
  private static final Pattern DESCRIPTION =
      Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
  private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
  private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  /** Default IAM quotas (adjustable in AWS; fixed here). */
  static final int ROLES_PER_ACCOUNT = 1000;
  static final int TRUST_POLICY_CHARS = 2048;

  private final Roles roles;

  RoleOps(Roles roles) {
    this.roles = roles;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "CreateRole", this::createRole,
        "GetRole", this::getRole,
        "ListRoles", this::listRoles,
        "DeleteRole", this::deleteRole);
  }

  /** The caller's role by name, or NoSuchEntity. */
  Role existing(Call call, String roleName) {
    return roles.find(call.accountId(), roleName)
        .orElseThrow(() -> IamErrors.noSuchRole(roleName));
  }

  static String roleName(Params p) {
    return p.text("RoleName").required().length(1, 64).pattern(NAME).get();
  }

  private JsonNode createRole(Call call) {
    Params p = call.params();
    String name = roleName(p);
    String trust = p.text("AssumeRolePolicyDocument").required().length(1, 131_072)
        .pattern(DOCUMENT).get();
    String path = p.text("Path").length(1, 512).pattern(PATH).orElse("/");
    String description = p.text("Description").length(0, 1000).pattern(DESCRIPTION).get();
    int maxSession = p.integer("MaxSessionDuration").range(3600, 43_200).orElse(3600);
    Map<String, String> tags = tags(p);
    PolicyDocuments.check(trust, PolicyDocuments.Kind.TRUST);
    if (PolicyDocuments.chargedLength(trust) > TRUST_POLICY_CHARS) {
      throw IamErrors.quotaExceeded("ACLSizePerRole", TRUST_POLICY_CHARS);
    }
    if (roles.find(call.accountId(), name).isPresent()) {
      throw IamErrors.roleExists(name);
    }
    if (roles.inAccount(call.accountId()).size() >= ROLES_PER_ACCOUNT) {
      throw IamErrors.quotaExceeded("RolesPerAccount", ROLES_PER_ACCOUNT);
    }
    Role role = roles.create(call.accountId(), name, path, trust, description, maxSession, tags,
        call.now());
    ObjectNode out = Nodes.object();
    out.set("Role", roleNode(role, true));
    return out;
  }

  private static Map<String, String> tags(Params p) {
    Map<String, String> tags = new LinkedHashMap<>();
    Map<String, String> seen = new TreeMap<>();
    for (JsonNode item : p.list("Tags", 50)) {
      Params tag = p.of(item, "Tags");
      String key = tag.text("Key").required().length(1, 128).pattern(TAG_KEY).get();
      String value = tag.text("Value").required().length(0, 256).pattern(TAG_VALUE).get();
      if (seen.put(key.toLowerCase(Locale.ROOT), key) != null) {
        throw IamErrors.invalidInput(
            "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
      tags.put(key, value);
    }
    return tags;
  }

  private JsonNode getRole(Call call) {
    Role role = existing(call, roleName(call.params()));
    ObjectNode out = Nodes.object();
    out.set("Role", roleNode(role, true));
    return out;
  }

  private JsonNode listRoles(Call call) {
    Params p = call.params();
    String prefix = p.text("PathPrefix").length(1, 512).pattern(PATH_PREFIX).orElse("/");
    String marker = p.text("Marker").length(1, 320).pattern(MARKER).get();
    int maxItems = p.integer("MaxItems").range(1, 1000).orElse(100);
    List<Role> matching = roles.inAccount(call.accountId()).stream()
        .filter(r -> r.path().startsWith(prefix))
        .toList();
    Cursor.Page<Role> page = Cursor.page(matching, r -> r.roleName().toLowerCase(Locale.ROOT),
        "ListRoles", marker, maxItems, IamErrors::invalidMarker);
    ObjectNode out = Nodes.object();
    out.set("Roles", Nodes.array(page.items(), r -> roleNode(r, false)));
    return truncation(out, page);
  }

  private JsonNode deleteRole(Call call) {
    Role role = existing(call, roleName(call.params()));
    if (!role.inlinePolicies().isEmpty()) {
      throw IamErrors.inlinePoliciesRemain();
    }
    if (!role.attachedPolicyArns().isEmpty()) {
      throw IamErrors.managedPoliciesAttached();
    }
    roles.delete(role);
    return null;
  }

  /** Adds IAM's {@code IsTruncated} and, when there is more, {@code Marker}. */
  static ObjectNode truncation(ObjectNode out, Cursor.Page<?> page) {
    out.put("IsTruncated", page.truncated());
    if (page.truncated()) {
      out.put("Marker", page.nextToken());
    }
    return out;
  }

  /**
   * A role as IAM shows it. The single-role answers (CreateRole, GetRole) carry tags and last
   * use; list answers leave them out, as IAM's list operations do.
   */
  static ObjectNode roleNode(Role role, boolean detailed) {
    ObjectNode node = Nodes.object();
    node.put("Path", role.path());
    node.put("RoleName", role.roleName());
    node.put("RoleId", role.roleId());
    node.put("Arn", role.arn());
    node.set("CreateDate", Nodes.time(role.createDate()));
    node.put("AssumeRolePolicyDocument",
        PolicyDocuments.urlEncode(role.assumeRolePolicyDocument()));
    if (role.description() != null) {
      node.put("Description", role.description());
    }
    node.put("MaxSessionDuration", role.maxSessionDuration());
    if (detailed) {
      if (!role.tags().isEmpty()) {
        ArrayNode tags = node.putArray("Tags");
        new TreeMap<>(role.tags())
            .forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
      }
      node.putObject("RoleLastUsed");
    }
    return node;
  }
}
