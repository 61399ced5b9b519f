package dev.orgvend.policy.eval;

import java.util.Arrays;

/**
 * Decides a request the way AWS Organizations applies SCPs ("SCP evaluation" in the
 * Organizations User Guide): principals of the management account and service-linked roles are
 * never affected; otherwise a matching Deny at any level refuses the request (explicit deny), and
 * every level from the root down to the account must have an attached policy with a matching
 * Allow (else implicit deny). Stateless and thread-safe.
 */
public final class ScpEvaluator {
  private ScpEvaluator() {}

  public static ScpEvaluator create() {
    return new ScpEvaluator();
  }

  public Decision evaluate(OrgPath path, AccessRequest request) {
    RequestContext context = request.context();
    if (context.managementAccount()) {
      return new Decision.NotApplicable(request, Decision.NotApplicable.Reason.MANAGEMENT_ACCOUNT);
    }
    if (context.serviceLinkedRole()) {
      return new Decision.NotApplicable(request,
          Decision.NotApplicable.Reason.SERVICE_LINKED_ROLE);
    }
    String service = request.service();
    Level[] levels = path.levelArray;
    CompiledPolicy[][] attached = path.policies;
    StatementRef[] allows = new StatementRef[levels.length];
    Level missing = null;
    for (int i = 0; i < levels.length; i++) {
      CompiledPolicy[] policies = attached[i];
      for (CompiledPolicy policy : policies) {
        for (CompiledStatement s : policy.denies(service)) {
          if (s.matches(request)) {
            return new Decision.ExplicitDeny(request, levels[i], s.ref);
          }
        }
      }
      // Once a level lacks an Allow the answer is at best an implicit deny: only Denies matter.
      for (int p = 0; p < policies.length && allows[i] == null && missing == null; p++) {
        for (CompiledStatement s : policies[p].allows(service)) {
          if (s.matches(request)) {
            allows[i] = s.ref;
            break;
          }
        }
      }
      if (allows[i] == null && missing == null) {
        missing = levels[i];
      }
    }
    if (missing != null) {
      return new Decision.ImplicitDeny(request, missing);
    }
    return new Decision.Allowed(request, path, Arrays.asList(allows));
  }
}
