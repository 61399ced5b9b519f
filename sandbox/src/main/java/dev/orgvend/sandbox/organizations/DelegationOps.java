package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.organizations.Records.Account;
import dev.orgvend.sandbox.organizations.Records.Organization;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trusted access for AWS services and their delegated administrators. A service principal must
 * have trusted access before a member can be registered as its delegated administrator; a
 * delegated administrator of any service may then use the read-only Organizations operations.
 */
final class DelegationOps {
  private final OrgContext ctx;

  DelegationOps(OrgContext ctx) {
    this.ctx = ctx;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "EnableAWSServiceAccess", this::enableAccess,
        "DisableAWSServiceAccess", this::disableAccess,
        "ListAWSServiceAccessForOrganization", this::listAccess,
        "RegisterDelegatedAdministrator", this::register,
        "DeregisterDelegatedAdministrator", this::deregister,
        "ListDelegatedAdministrators", this::listAdmins,
        "ListDelegatedServicesForAccount", this::listServices);
  }

  private JsonNode enableAccess(Call call) {
    Organization org = ctx.asManagement(call);
    String principal = principal(call.params());
    if (!org.allFeatures()) {
      throw OrgErrors.notAllFeatures();
    }
    if (!org.serviceAccess().containsKey(principal)) {
      Map<String, Instant> access = new HashMap<>(org.serviceAccess());
      access.put(principal, call.now());
      ctx.state.saveOrg(org.withServiceAccess(access));
    }
    return null;
  }

  /** Delegated administrators stay registered; AWS documents no cascade and neither do we. */
  private JsonNode disableAccess(Call call) {
    Organization org = ctx.asManagement(call);
    String principal = principal(call.params());
    if (org.serviceAccess().containsKey(principal)) {
      Map<String, Instant> access = new HashMap<>(org.serviceAccess());
      access.remove(principal);
      ctx.state.saveOrg(org.withServiceAccess(access));
    }
    return null;
  }

  private JsonNode listAccess(Call call) {
    Organization org = ctx.asReader(call);
    List<Map.Entry<String, Instant>> enabled =
        new ArrayList<>(new TreeMap<>(org.serviceAccess()).entrySet());
    return Paging.answer(call, "EnabledServicePrincipals", enabled, e -> {
      ObjectNode out = Nodes.object();
      out.put("ServicePrincipal", e.getKey());
      out.set("DateEnabled", Nodes.time(e.getValue()));
      return out;
    });
  }

  private JsonNode register(Call call) {
    Organization org = ctx.asManagement(call);
    Params p = call.params();
    String accountId = OrgInput.accountId(p, "AccountId");
    String principal = principal(p);
    Account account = member(accountId);
    if (accountId.equals(org.managementAccountId())) {
      throw OrgErrors.cannotRegisterManagement();
    }
    if (!account.state().equals("ACTIVE")) {
      throw OrgErrors.cannotRegisterSuspended();
    }
    if (!org.serviceAccess().containsKey(principal)) {
      throw OrgErrors.serviceAccessNotEnabled(principal);
    }
    Map<String, Instant> admins = org.delegatedAdmins().getOrDefault(principal, Map.of());
    if (admins.containsKey(accountId)) {
      throw OrgErrors.accountAlreadyRegistered();
    }
    Map<String, Instant> updated = new HashMap<>(admins);
    updated.put(accountId, call.now());
    saveAdmins(org, principal, updated);
    return null;
  }

  private JsonNode deregister(Call call) {
    Organization org = ctx.asManagement(call);
    Params p = call.params();
    String accountId = OrgInput.accountId(p, "AccountId");
    String principal = principal(p);
    member(accountId);
    Map<String, Instant> admins = org.delegatedAdmins().getOrDefault(principal, Map.of());
    if (!admins.containsKey(accountId)) {
      throw OrgErrors.accountNotRegistered();
    }
    Map<String, Instant> updated = new HashMap<>(admins);
    updated.remove(accountId);
    saveAdmins(org, principal, updated);
    return null;
  }

  private JsonNode listAdmins(Call call) {
    Organization org = ctx.asReader(call);
    Params p = call.params();
    String only = p.has("ServicePrincipal") ? principal(p) : null;
    // For each account, when it first became a delegated administrator (of the chosen service).
    Map<String, Instant> since = new TreeMap<>();
    org.delegatedAdmins().forEach((service, accounts) -> {
      if (only == null || only.equals(service)) {
        accounts.forEach((id, at) -> since.merge(id, at, (x, y) -> x.isBefore(y) ? x : y));
      }
    });
    List<Account> admins = ctx.state.members().stream()
        .filter(a -> since.containsKey(a.id())).toList();
    return Paging.answer(call, "DelegatedAdministrators", admins, a -> {
      ObjectNode out = ctx.accountNode(org, a);
      out.remove("Paths");
      out.set("DelegationEnabledDate", Nodes.time(since.get(a.id())));
      return out;
    });
  }

  private JsonNode listServices(Call call) {
    Organization org = ctx.asReader(call);
    String accountId = OrgInput.accountId(call.params(), "AccountId");
    member(accountId);
    Map<String, Instant> services = new TreeMap<>();
    org.delegatedAdmins().forEach((service, accounts) -> {
      if (accounts.containsKey(accountId)) {
        services.put(service, accounts.get(accountId));
      }
    });
    if (services.isEmpty()) {
      throw OrgErrors.accountNotRegistered();
    }
    return Paging.answer(call, "DelegatedServices", new ArrayList<>(services.entrySet()), e -> {
      ObjectNode out = Nodes.object();
      out.put("ServicePrincipal", e.getKey());
      out.set("DelegationEnabledDate", Nodes.time(e.getValue()));
      return out;
    });
  }

  /**
   * A service principal. AWS rejects names it does not know; the sandbox cannot list every AWS
   * service, so it accepts any name of the form {@code <service>.amazonaws.com}.
   */
  private static String principal(Params p) {
    String principal = OrgInput.servicePrincipal(p);
    if (!principal.matches("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com")) {
      throw OrgErrors.unrecognizedServicePrincipal(principal);
    }
    return principal;
  }

  private Account member(String accountId) {
    return ctx.state.accounts.find(accountId).filter(a -> a.parentId() != null)
        .orElseThrow(() -> OrgErrors.accountNotFound(accountId));
  }

  private void saveAdmins(Organization org, String principal, Map<String, Instant> accounts) {
    Map<String, Map<String, Instant>> all = new HashMap<>(org.delegatedAdmins());
    all.put(principal, accounts);
    ctx.state.saveOrg(org.withDelegatedAdmins(all));
  }
}
