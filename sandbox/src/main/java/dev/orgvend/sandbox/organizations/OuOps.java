package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.organizations.Records.Organization;
import dev.orgvend.sandbox.organizations.Records.OrganizationalUnit;
import dev.orgvend.sandbox.organizations.Records.Tags;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.util.Map;

/**
 * Organizational units themselves: create, describe, rename, delete. Listing what is under a
 * parent, and moving accounts between parents, is in {@link TreeOps}.
 */
final class OuOps {
  /** OUs may nest this many levels below the root; AWS does not let anyone raise it. */
  static final int MAX_DEPTH = 5;

  private final OrgContext ctx;

  OuOps(OrgContext ctx) {
    this.ctx = ctx;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "CreateOrganizationalUnit", this::create,
        "DescribeOrganizationalUnit", this::describe,
        "UpdateOrganizationalUnit", this::update,
        "DeleteOrganizationalUnit", this::delete);
  }

  private JsonNode create(Call call) {
    Organization org = ctx.asManagement(call);
    Params p = call.params();
    String parentId = OrgInput.parentId(p, "ParentId");
    String name = p.text("Name").required().length(1, 128).get();
    Map<String, String> tags = Tagging.read(p, "Tags");
    OrganizationalUnit ou = add(org, parentId, name, tags);
    ctx.attachDefaultPolicy(org, ou.id());
    return answer(org, ou);
  }

  /**
   * Adds an OU after the checks CreateOrganizationalUnit makes (parent, depth, name, quota),
   * leaving the default policy to the caller.
   */
  OrganizationalUnit add(Organization org, String parentId, String name,
      Map<String, String> tags) {
    if (!ctx.state.isParent(parentId)) {
      throw OrgErrors.parentNotFound(parentId);
    }
    // pathTo lists the root and every OU down to the parent, so its size is the new OU's level.
    if (ctx.state.pathTo(parentId).size() > MAX_DEPTH) {
      throw OrgErrors.ouDepthLimit(MAX_DEPTH);
    }
    if (nameTaken(parentId, name, null)) {
      throw OrgErrors.duplicateOu();
    }
    int maxOus = ctx.rules.get().maxOus();
    if (ctx.state.ous.size() >= maxOus) {
      throw OrgErrors.ouNumberLimit(maxOus);
    }
    String prefix = "ou-" + org.rootId().substring("r-".length()) + "-";
    String id = ctx.state.newId(prefix, 8, ctx.state.ous::contains);
    OrganizationalUnit ou = new OrganizationalUnit(id, name, parentId);
    ctx.state.ous.put(id, ou);
    if (!tags.isEmpty()) {
      ctx.state.tags.put(id, new Tags(id, tags));
    }
    return ou;
  }

  private JsonNode describe(Call call) {
    Organization org = ctx.asReader(call);
    return answer(org, find(OrgInput.ouId(call.params())));
  }

  private JsonNode update(Call call) {
    Organization org = ctx.asManagement(call);
    Params p = call.params();
    String id = OrgInput.ouId(p);
    String name = p.text("Name").length(1, 128).get();
    OrganizationalUnit ou = find(id);
    if (name == null || name.equals(ou.name())) {
      return answer(org, ou);
    }
    if (nameTaken(ou.parentId(), name, id)) {
      throw OrgErrors.duplicateOu();
    }
    OrganizationalUnit renamed = ou.renamed(name);
    ctx.state.ous.put(id, renamed);
    return answer(org, renamed);
  }

  private JsonNode delete(Call call) {
    ctx.asManagement(call);
    String id = OrgInput.ouId(call.params());
    find(id);
    boolean hasOus = ctx.state.ous.values().stream().anyMatch(o -> id.equals(o.parentId()));
    boolean hasAccounts = ctx.state.accounts.values().stream()
        .anyMatch(a -> id.equals(a.parentId()));
    if (hasOus || hasAccounts) {
      throw OrgErrors.ouNotEmpty();
    }
    ctx.state.ous.remove(id);
    ctx.state.tags.remove(id);
    ctx.state.detachEverywhere(id);
    return null;
  }

  private OrganizationalUnit find(String id) {
    return ctx.state.ous.find(id).orElseThrow(() -> OrgErrors.ouNotFound(id));
  }

  /** True if another OU under {@code parentId} already has {@code name}. */
  private boolean nameTaken(String parentId, String name, String exceptId) {
    return ctx.state.ous.values().stream().anyMatch(o -> o.parentId().equals(parentId)
        && o.name().equals(name) && !o.id().equals(exceptId));
  }

  private ObjectNode answer(Organization org, OrganizationalUnit ou) {
    ObjectNode out = Nodes.object();
    out.set("OrganizationalUnit", ctx.ouNode(org, ou));
    return out;
  }
}
