package dev.orgvend.policy.lint;

import dev.orgvend.policy.Located;
import dev.orgvend.policy.PolicyDocument;
import dev.orgvend.policy.Problem;
import dev.orgvend.policy.Rule;
import dev.orgvend.policy.Severity;
import dev.orgvend.policy.Statement;
import dev.orgvend.policy.Text;
import dev.orgvend.policy.Wildcard;
import dev.orgvend.policy.catalogue.ActionCatalogue;
import dev.orgvend.policy.catalogue.ActionCatalogue.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Unknown service prefixes and actions: a statement naming an action that does not exist denies
 * or allows nothing, silently. Patterns are matched against the catalogue, so {@code s3:Get*} is
 * fine and {@code s3:Gte*}, which matches no action, is a problem.
 */
final class ActionChecks {
  private final ActionCatalogue catalogue;

  ActionChecks(ActionCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  void check(PolicyDocument doc, List<Problem> out) {
    for (Statement s : doc.statements()) {
      for (Located a : s.actions()) {
        check(doc.source(), s, a, out);
      }
    }
  }

  private void check(String source, Statement s, Located a, List<Problem> out) {
    String pattern = a.value();
    int colon = pattern.indexOf(':');
    if (colon < 0) {
      return; // "*": every action
    }
    String service = pattern.substring(0, colon);
    String action = pattern.substring(colon + 1);
    String element = s.notAction() ? "NotAction" : "Action";
    if (!Wildcard.hasWildcard(service)) {
      Service known = catalogue.service(service).orElse(null);
      if (known == null) {
        String hint = Text.suggest(service.toLowerCase(Locale.ROOT), prefixes());
        out.add(new Problem(source, a.at(), Severity.ERROR, Rule.UNKNOWN_SERVICE,
            Text.quote(service) + " is not an AWS service prefix, so " + Text.quote(pattern)
                + " in " + element + " matches nothing",
            (hint != null ? "did you mean " + Text.quote(hint + ":" + action) + "? " : "")
                + catalogueHint()));
        return;
      }
      if (catalogue.actionsMatching(pattern).isEmpty()) {
        out.add(new Problem(source, a.at(), Severity.ERROR, Rule.UNKNOWN_ACTION,
            Text.quote(pattern) + " matches no action of " + known.name() + ", so it does"
                + " nothing in " + element,
            actionHint(known, action) + catalogueHint()));
      }
      return;
    }
    if (catalogue.servicesMatching(service).isEmpty()) {
      out.add(new Problem(source, a.at(), Severity.ERROR, Rule.UNKNOWN_SERVICE,
          Text.quote(service) + " matches no AWS service prefix, so " + Text.quote(pattern)
              + " in " + element + " matches nothing", catalogueHint()));
    } else if (catalogue.actionsMatching(pattern).isEmpty()) {
      out.add(new Problem(source, a.at(), Severity.ERROR, Rule.UNKNOWN_ACTION,
          Text.quote(pattern) + " matches no action, so it does nothing in " + element,
          catalogueHint()));
    }
  }

  /** "did you mean" for a literal action, or for the literal start of a pattern. */
  private String actionHint(Service service, String action) {
    List<String> names = service.actions().stream().map(ActionCatalogue.Action::name).toList();
    if (!Wildcard.hasWildcard(action)) {
      String hint = Text.suggest(action, names);
      return hint == null ? "" : "did you mean " + Text.quote(service.prefix() + ":" + hint) + "? ";
    }
    int firstWild = Math.min(index(action, '*'), index(action, '?'));
    String start = action.substring(0, firstWild);
    if (start.isEmpty()) {
      return "";
    }
    Set<String> starts = new LinkedHashSet<>();
    for (String n : names) {
      if (n.length() >= start.length()) {
        starts.add(n.substring(0, start.length()));
      }
    }
    String hint = Text.suggest(start, new ArrayList<>(starts));
    return hint == null ? "" : "did you mean " + Text.quote(service.prefix() + ":" + hint
        + action.substring(firstWild)) + "? ";
  }

  private static int index(String s, char c) {
    int i = s.indexOf(c);
    return i < 0 ? s.length() : i;
  }

  private List<String> prefixes() {
    return catalogue.services().stream().map(Service::prefix).toList();
  }

  private String catalogueHint() {
    return "check the name in the Service Authorization Reference; if AWS added it recently,"
        + " regenerate orgvend's IAM catalogue (" + catalogue.source() + ")";
  }
}
