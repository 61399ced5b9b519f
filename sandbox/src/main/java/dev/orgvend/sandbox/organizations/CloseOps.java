package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgvend.sandbox.organizations.Records.Account;
import dev.orgvend.sandbox.organizations.Records.Organization;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * CloseAccount. A closure is asynchronous like a creation: the account is PENDING_CLOSURE for the
 * configured create-account delay and then CLOSED (its legacy {@code Status} reads SUSPENDED).
 * AWS keeps a closed account SUSPENDED for 90 days before it is finally CLOSED; the sandbox skips
 * that middle stage. Closed accounts stay in the organization, keep their e-mail address and count
 * towards the account quota; STS refuses to assume roles in them.
 */
final class CloseOps {
  static final Duration QUOTA_WINDOW = Duration.ofDays(30);
  static final int QUOTA_CAP = 1000;
  static final int QUOTA_PERCENT = 20;

  private final OrgContext ctx;

  CloseOps(OrgContext ctx) {
    this.ctx = ctx;
  }

  Map<String, Operation> operations() {
    return Map.of("CloseAccount", this::closeAccount);
  }

  private JsonNode closeAccount(Call call) {
    Organization org = ctx.asManagement(call);
    String id = OrgInput.accountId(call.params(), "AccountId");
    Account account = ctx.state.accounts.find(id).filter(a -> a.parentId() != null)
        .orElseThrow(() -> OrgErrors.accountNotFound(id));
    if (id.equals(org.managementAccountId())) {
      throw OrgErrors.cannotCloseManagement();
    }
    // A closure already under way counts as closed: the caller's intent is already met.
    if (!account.state().equals("ACTIVE")) {
      throw OrgErrors.accountAlreadyClosed();
    }
    OrgRules limits = ctx.rules.get();
    long pending = ctx.state.accounts.values().stream()
        .filter(a -> a.state().equals("PENDING_CLOSURE")).count();
    if (pending >= limits.maxConcurrentClosures()) {
      throw OrgErrors.closeRequestsLimit(limits.maxConcurrentClosures());
    }
    int quota = quota(limits.closeQuotaFloor());
    Instant windowStart = call.now().minus(QUOTA_WINDOW);
    long recent = ctx.state.accounts.values().stream()
        .filter(a -> a.closedAt() != null && a.closedAt().isAfter(windowStart)).count();
    if (recent >= quota) {
      throw OrgErrors.closeQuota(quota);
    }
    ctx.state.accounts.put(id, account.withState("PENDING_CLOSURE", call.now()));
    return null;
  }

  /** Closures allowed per rolling 30 days: the larger of the floor and 20% of members, capped. */
  private int quota(int floor) {
    int members = ctx.state.members().size() - 1;
    return Math.min(QUOTA_CAP, Math.max(floor, members * QUOTA_PERCENT / 100));
  }

  /** Finishes every closure whose delay has passed; {@code closedAt} keeps the request time. */
  void settle(Instant now) {
    if (ctx.state.closing.isEmpty()) {
      return;
    }
    Duration delay = ctx.rules.get().createAccountDelay();
    for (String id : List.copyOf(ctx.state.closing)) {
      Account a = ctx.state.accounts.get(id);
      if (!a.closedAt().plus(delay).isAfter(now)) {
        ctx.state.accounts.put(a.id(), a.withState("CLOSED", a.closedAt()));
      }
    }
  }
}
