package dev.orgvend.policy.lint;

import dev.orgvend.policy.ConditionClause;
import dev.orgvend.policy.ConditionOperator.Comparison;
import dev.orgvend.policy.ConditionOperator.Family;
import dev.orgvend.policy.Located;
import dev.orgvend.policy.PolicyDocument;
import dev.orgvend.policy.Problem;
import dev.orgvend.policy.Rule;
import dev.orgvend.policy.Severity;
import dev.orgvend.policy.Statement;
import dev.orgvend.policy.Wildcard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The statements that lock people out: a Deny of every action with no principal exempt (the
 * quarantine SCP that also blocked the StackSets role, the role orgvend and administrators use
 * to repair accounts), and a region deny that also denies the global services, whose requests
 * are made to us-east-1 ("General examples" of SCPs in the Organizations User Guide: "Deny access
 * to AWS based on the requested AWS Region").
 */
final class LockoutChecks {
  /** Condition keys that say who the principal is: a condition on one can exempt principals. */
  private static final Set<String> PRINCIPAL_KEYS = Set.of("aws:principalarn",
      "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths",
      "aws:principalisawsservice", "aws:principalservicename", "aws:principalservicenameslist",
      "aws:principaltype", "aws:userid", "aws:username", "aws:sourceidentity");

  /**
   * Global services with a single endpoint in us-east-1 that accounts cannot do without: IAM,
   * Organizations and STS's global endpoint (named in the Organizations example), CloudFront,
   * Route 53 and Support (named in the IAM User Guide's region-deny example).
   */
  static final List<String> ESSENTIAL_GLOBAL_SERVICES = List.of("iam", "organizations", "sts",
      "route53", "cloudfront", "support");

  private static final String GLOBAL_REGION = "us-east-1";

  void check(PolicyDocument doc, List<Problem> out) {
    for (Statement s : doc.statements()) {
      if (s.isDeny()) {
        denyAll(doc.source(), s, out);
        regionDeny(doc.source(), s, out);
      }
    }
  }

  private void denyAll(String source, Statement s, List<Problem> out) {
    boolean allActions = s.notAction() || s.actions().stream().anyMatch(a -> isAll(a.value()));
    boolean allResources = s.notResource()
        || s.resources().stream().anyMatch(r -> r.value().equals("*"));
    if (!allActions || !allResources) {
      return;
    }
    String what = s.notAction() ? "every action except the " + s.actions().size()
        + " listed in NotAction" : "every action";
    String exempt = "exempt the role you administer accounts with (and orgvend's member role),"
        + " e.g. \"ArnNotLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/OrganizationAccount"
        + "AccessRole\"}, or deny only the actions you mean to";
    if (s.conditions().isEmpty()) {
      out.add(new Problem(source, s.at(), Severity.ERROR, Rule.DENY_ALL_WITHOUT_EXEMPTION,
          "statement " + s.label() + " denies " + what + " on every resource, with no condition,"
              + " to every principal of every account below the target it is attached to", exempt));
    } else if (s.conditions().stream().noneMatch(LockoutChecks::onPrincipal)) {
      out.add(new Problem(source, s.at(), Severity.WARNING, Rule.DENY_ALL_WITHOUT_EXEMPTION,
          "statement " + s.label() + " denies " + what + " with no principal exempt: when its"
              + " condition holds, no role in the account can act, not even to repair it",
          exempt));
    }
  }

  private static boolean isAll(String action) {
    return action.equals("*") || action.equals("*:*");
  }

  private static boolean onPrincipal(ConditionClause c) {
    String key = c.key().value().toLowerCase(Locale.ROOT);
    return PRINCIPAL_KEYS.contains(key) || key.startsWith("aws:principaltag/");
  }

  private void regionDeny(String source, Statement s, List<Problem> out) {
    for (ConditionClause c : s.conditions()) {
      if (!c.key().value().equalsIgnoreCase("aws:RequestedRegion")
          || !c.operator().comparison().negated()
          || c.operator().comparison().family() != Family.STRING) {
        continue;
      }
      if (allowsGlobalRegion(c)) {
        return; // requests to the global endpoints (us-east-1) pass
      }
      List<String> denied = new ArrayList<>();
      for (String service : ESSENTIAL_GLOBAL_SERVICES) {
        if (covers(s, service)) {
          denied.add(service);
        }
      }
      if (!denied.isEmpty()) {
        out.add(new Problem(source, s.actionAt(), Severity.ERROR,
            Rule.REGION_DENY_GLOBAL_SERVICES, "statement " + s.label() + " denies requests outside"
                + " the listed regions, and also denies the global services "
                + String.join(", ", denied) + ", whose requests are made to us-east-1",
            "use NotAction and list the global services there (at least "
                + String.join(":*, ", denied) + ":*; also budgets, ce, globalaccelerator, waf,"
                + " health if used), or allow us-east-1"));
      }
      return;
    }
  }

  /** True when some allowed-region value lets a request to us-east-1 through. */
  private static boolean allowsGlobalRegion(ConditionClause c) {
    Comparison cmp = c.operator().comparison().positive();
    for (Located v : c.values()) {
      String value = v.value();
      boolean hit = switch (cmp) {
        case STRING_LIKE -> Wildcard.compile(value).matches(GLOBAL_REGION);
        case STRING_EQUALS_IGNORE_CASE -> value.equalsIgnoreCase(GLOBAL_REGION);
        default -> value.equals(GLOBAL_REGION);
      };
      if (hit) {
        return true;
      }
    }
    return false;
  }

  /** True when the statement's Action (or NotAction) leaves some of {@code service} denied. */
  private static boolean covers(Statement s, String service) {
    if (s.notAction()) {
      for (Located a : s.actions()) {
        String v = a.value().toLowerCase(Locale.ROOT);
        int colon = v.indexOf(':');
        if (v.equals("*") || (colon > 0 && v.substring(colon + 1).equals("*")
            && Wildcard.compile(v.substring(0, colon)).matches(service))) {
          return false; // the whole service is exempt
        }
      }
      return true;
    }
    for (Located a : s.actions()) {
      String v = a.value().toLowerCase(Locale.ROOT);
      int colon = v.indexOf(':');
      if (colon < 0 || Wildcard.compile(v.substring(0, colon)).matches(service)) {
        return true;
      }
    }
    return false;
  }
}
