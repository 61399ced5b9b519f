package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.organizations.Records.Account;
import dev.orgvend.sandbox.organizations.Records.Organization;
import dev.orgvend.sandbox.organizations.Records.OrganizationalUnit;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape of the organization: what is under a parent, what is above a child, and MoveAccount,
 * the one operation that changes it for accounts.
 */
final class TreeOps {
  private static final List<String> CHILD_TYPES = List.of("ACCOUNT", "ORGANIZATIONAL_UNIT");

  private final OrgContext ctx;

  TreeOps(OrgContext ctx) {
    this.ctx = ctx;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "ListOrganizationalUnitsForParent", this::listOusForParent,
        "ListAccountsForParent", this::listAccountsForParent,
        "ListChildren", this::listChildren,
        "ListParents", this::listParents,
        "MoveAccount", this::moveAccount);
  }

  private JsonNode listOusForParent(Call call) {
    Organization org = ctx.asReader(call);
    String parentId = existingParent(call.params());
    List<OrganizationalUnit> ous = ousUnder(parentId);
    return Paging.answer(call, "OrganizationalUnits", ous, ou -> ctx.ouNode(org, ou));
  }

  private JsonNode listAccountsForParent(Call call) {
    Organization org = ctx.asReader(call);
    String parentId = existingParent(call.params());
    List<Account> accounts = ctx.state.accounts.where(a -> parentId.equals(a.parentId()));
    return Paging.answer(call, "Accounts", accounts, a -> ctx.accountNode(org, a));
  }

  private JsonNode listChildren(Call call) {
    ctx.asReader(call);
    Params p = call.params();
    String parentId = existingParent(p);
    String type = p.text("ChildType").required().oneOf(CHILD_TYPES).get();
    List<String> ids = new ArrayList<>();
    if (type.equals("ACCOUNT")) {
      ctx.state.accounts.where(a -> parentId.equals(a.parentId())).forEach(a -> ids.add(a.id()));
    } else {
      ousUnder(parentId).forEach(ou -> ids.add(ou.id()));
    }
    return Paging.answer(call, "Children", ids, id -> {
      ObjectNode child = Nodes.object();
      child.put("Id", id);
      child.put("Type", type);
      return child;
    });
  }

  private JsonNode listParents(Call call) {
    Organization org = ctx.asReader(call);
    String childId = call.params().text("ChildId").required().length(1, 100)
        .pattern(OrgInput.CHILD_ID).get();
    String parentId = parentOf(childId);
    return Paging.answer(call, "Parents", List.of(parentId), id -> {
      ObjectNode parent = Nodes.object();
      parent.put("Id", id);
      parent.put("Type", id.equals(org.rootId()) ? "ROOT" : "ORGANIZATIONAL_UNIT");
      return parent;
    });
  }

  private String parentOf(String childId) {
    OrganizationalUnit ou = ctx.state.ous.get(childId);
    if (ou != null) {
      return ou.parentId();
    }
    Account account = ctx.state.accounts.get(childId);
    if (account != null && account.parentId() != null) {
      return account.parentId();
    }
    throw OrgErrors.childNotFound(childId);
  }

  private JsonNode moveAccount(Call call) {
    ctx.asManagement(call);
    Params p = call.params();
    String accountId = OrgInput.accountId(p, "AccountId");
    String sourceId = OrgInput.parentId(p, "SourceParentId");
    String destinationId = OrgInput.parentId(p, "DestinationParentId");
    if (!ctx.state.isParent(sourceId)) {
      throw OrgErrors.sourceParentNotFound(sourceId);
    }
    if (!ctx.state.isParent(destinationId)) {
      throw OrgErrors.destinationParentNotFound(destinationId);
    }
    Account account = ctx.state.accounts.find(accountId).filter(a -> a.parentId() != null)
        .orElseThrow(() -> OrgErrors.accountNotFound(accountId));
    // AWS documents no error for an existing parent that is not the account's; the sandbox
    // answers as if the account were not found under that source.
    if (!account.parentId().equals(sourceId)) {
      throw OrgErrors.sourceParentNotFound(sourceId);
    }
    if (destinationId.equals(sourceId)) {
      throw OrgErrors.duplicateAccount();
    }
    ctx.state.accounts.put(accountId, account.withParent(destinationId));
    return null;
  }

  private String existingParent(Params p) {
    String parentId = OrgInput.parentId(p, "ParentId");
    if (!ctx.state.isParent(parentId)) {
      throw OrgErrors.parentNotFound(parentId);
    }
    return parentId;
  }

  private List<OrganizationalUnit> ousUnder(String parentId) {
    return ctx.state.ous.where(ou -> ou.parentId().equals(parentId));
  }
}
