package dev.orgvend.policy.eval;

import dev.orgvend.policy.Text;
import java.util.List;

/**
 * The SCP outcome for one request, and why: every decision names what decided it.
 */
public sealed interface Decision {
  AccessRequest request();

  /** True when the SCPs let the request through (IAM policies still have to allow it). */
  boolean allowed();

  /** One line saying what decided, naming policy, statement, line and level. */
  String explain();

  /**
   * The message AWS gives the caller when an SCP refuses the request (its enhanced access-denied
   * message), or null when the request is allowed.
   */
  default String awsMessage() {
    return null;
  }

  /** Every level had an Allow for the request and no Deny matched. */
  record Allowed(AccessRequest request, OrgPath path, List<StatementRef> allows)
      implements Decision {
    @Override
    public boolean allowed() {
      return true;
    }

    @Override
    public String explain() {
      StringBuilder out = new StringBuilder("allowed: no Deny matches and every level allows it (");
      List<Level> levels = path.levels();
      for (int i = 0; i < levels.size(); i++) {
        out.append(i == 0 ? "" : "; ").append(levels.get(i).describe()).append(": ")
            .append(allows.get(i).describe());
      }
      return out.append(')').toString();
    }
  }

  /** A Deny statement matched; nothing can override it. */
  record ExplicitDeny(AccessRequest request, Level level, StatementRef statement)
      implements Decision {
    @Override
    public boolean allowed() {
      return false;
    }

    @Override
    public String explain() {
      return "explicit deny: " + statement.describe() + ", attached to " + level.describe();
    }

    @Override
    public String awsMessage() {
      return prefix(request) + " with an explicit deny in a service control policy";
    }
  }

  /** No policy attached to {@code level} allows the request. */
  record ImplicitDeny(AccessRequest request, Level level) implements Decision {
    @Override
    public boolean allowed() {
      return false;
    }

    @Override
    public String explain() {
      List<CompiledPolicy> attached = level.policies();
      return "implicit deny: no policy attached to " + level.describe() + " allows "
          + Text.quote(request.action()) + " here" + (attached.isEmpty() ? " (none is attached)"
              : " (attached: " + String.join(", ",
                  attached.stream().map(p -> Text.quote(p.name())).toList()) + ")");
    }

    @Override
    public String awsMessage() {
      return prefix(request) + " because no service control policy allows the "
          + request.action() + " action";
    }
  }

  /** SCPs do not apply to this principal at all. */
  record NotApplicable(AccessRequest request, Reason reason) implements Decision {
    /** Why SCPs do not apply. */
    public enum Reason { MANAGEMENT_ACCOUNT, SERVICE_LINKED_ROLE }

    @Override
    public boolean allowed() {
      return true;
    }

    @Override
    public String explain() {
      return reason == Reason.MANAGEMENT_ACCOUNT
          ? "not restricted: SCPs never affect principals of the management account"
          : "not restricted: SCPs never affect service-linked roles";
    }
  }

  private static String prefix(AccessRequest r) {
    return "User: " + r.context().callerArn() + " is not authorized to perform: " + r.action()
        + " on resource: " + r.resource();
  }
}
