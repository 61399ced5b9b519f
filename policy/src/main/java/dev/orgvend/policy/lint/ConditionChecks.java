package dev.orgvend.policy.lint;

import dev.orgvend.policy.ConditionClause;
import dev.orgvend.policy.ConditionOperator;
import dev.orgvend.policy.ConditionOperator.Comparison;
import dev.orgvend.policy.ConditionOperator.Family;
import dev.orgvend.policy.ConditionOperator.SetQualifier;
import dev.orgvend.policy.Located;
import dev.orgvend.policy.PolicyDocument;
import dev.orgvend.policy.Problem;
import dev.orgvend.policy.Rule;
import dev.orgvend.policy.Severity;
import dev.orgvend.policy.Statement;
import dev.orgvend.policy.Text;
import dev.orgvend.policy.Wildcard;
import dev.orgvend.policy.catalogue.ActionCatalogue;
import dev.orgvend.policy.catalogue.ActionCatalogue.KeyType;
import dev.orgvend.policy.eval.ConditionValues;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conditions that do not test what they seem to ("IAM JSON policy elements: Condition
 * operators", "Single-valued vs. multivalued context keys", "IAM policy elements: Variables and
 * tags"): unknown keys, values the operator cannot read, operators of the wrong type for the key,
 * wildcards under an operator that compares literally, set operators on the wrong kind of key,
 * session ARNs where aws:PrincipalArn holds role ARNs, an MFA test that misses long-term keys,
 * and variables where they are not replaced.
 */
final class ConditionChecks {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)\\}");

  private final ActionCatalogue catalogue;

  ConditionChecks(ActionCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  void check(PolicyDocument doc, List<Problem> out) {
    for (Statement s : doc.statements()) {
      for (ConditionClause c : s.conditions()) {
        check(doc, s, c, out);
      }
      if (doc.supportsVariables()) {
        for (Located r : s.resources()) {
          resourceVariables(doc.source(), r, out);
        }
      }
    }
  }

  private void check(PolicyDocument doc, Statement s, ConditionClause c, List<Problem> out) {
    String source = doc.source();
    ConditionOperator op = c.operator();
    Comparison cmp = op.comparison();
    String key = c.key().value();
    if (!op.json().equals(c.operatorName().value())) {
      out.add(warning(source, c.operatorName(), Rule.GRAMMAR, "the operator "
          + Text.quote(c.operatorName().value()) + " is not written as AWS documents it",
          "write " + Text.quote(op.json())));
    }
    KeyType type = knownKey(source, s, c, out);
    if (type != null) {
      keyType(source, c, type, out);
    }
    if (cmp == Comparison.NULL && op.qualifier() != SetQualifier.NONE) {
      out.add(warning(source, c.operatorName(), Rule.SET_OPERATOR, "Null tests whether the key is"
          + " present; " + op.qualifier().prefix() + " does not apply to it",
          "write \"Null\" without the qualifier"));
    }
    for (Located v : c.values()) {
      value(doc, s, c, v, out);
    }
    if (cmp == Comparison.BOOL && !op.ifExists() && op.qualifier() == SetQualifier.NONE
        && s.isDeny() && key.equalsIgnoreCase("aws:MultiFactorAuthPresent")
        && c.values().stream().anyMatch(v -> v.value().equalsIgnoreCase("false"))) {
      out.add(warning(source, c.operatorName(), Rule.MFA_WITHOUT_IF_EXISTS,
          "aws:MultiFactorAuthPresent is absent from requests signed with long-term access keys,"
              + " so Bool false does not match them and this Deny lets them through",
          "write \"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}"));
    }
  }

  /** The key's type from the catalogue; reports an unknown key. Null when not known. */
  private KeyType knownKey(String source, Statement s, ConditionClause c, List<Problem> out) {
    String key = c.key().value();
    int colon = key.indexOf(':');
    if (colon <= 0 || colon == key.length() - 1) {
      out.add(new Problem(source, c.key().at(), Severity.ERROR, Rule.UNKNOWN_CONDITION_KEY,
          Text.quote(key) + " is not a condition key", "write prefix:Key, such as"
              + " \"aws:PrincipalArn\" or \"ec2:InstanceType\""));
      return null;
    }
    KeyType type = catalogue.conditionKeyType(key).orElse(null);
    if (type != null) {
      return type;
    }
    String prefix = key.substring(0, colon).toLowerCase(Locale.ROOT);
    boolean global = prefix.equals("aws");
    List<String> candidates = global
        ? catalogue.globalConditionKeys().stream().map(ActionCatalogue.ConditionKey::pattern)
            .filter(k -> !Wildcard.hasWildcard(k)).toList()
        : catalogue.service(prefix).map(sv -> sv.conditionKeys().stream()
            .map(ActionCatalogue.ConditionKey::pattern).toList()).orElse(List.of());
    String hint = Text.suggest(key, candidates);
    ConditionOperator op = c.operator();
    boolean alwaysTrue = op.comparison().negated() || op.ifExists()
        || op.qualifier() == SetQualifier.FOR_ALL_VALUES
        || (op.comparison() == Comparison.NULL
            && c.values().stream().anyMatch(v -> v.value().equalsIgnoreCase("true")));
    String effect = alwaysTrue
        ? "no request carries it, so this test is always true"
            + (s.isDeny() ? " and the Deny applies to every request it names" : "")
        : "no request carries it, so this test is never true"
            + (s.isDeny() ? " and the Deny never applies" : " and the Allow never applies");
    boolean knownService = global || catalogue.service(prefix).isPresent();
    out.add(new Problem(source, c.key().at(), global || !knownService ? Severity.ERROR
        : Severity.WARNING, Rule.UNKNOWN_CONDITION_KEY, Text.quote(key) + " is not a known"
            + " condition key: " + effect,
        hint != null ? "did you mean " + Text.quote(hint) + "?"
            : "check the key in \"AWS global condition context keys\" or the service's page of"
                + " the Service Authorization Reference (catalogue: " + catalogue.source() + ")"));
    return null;
  }

  private void keyType(String source, ConditionClause c, KeyType type, List<Problem> out) {
    ConditionOperator op = c.operator();
    Family family = op.comparison().family();
    String key = c.key().value();
    boolean fits = switch (family) {
      case STRING, NULL -> true;
      case NUMERIC -> type.family() == Family.NUMERIC || type.family() == Family.DATE;
      case ARN -> type.family() == Family.ARN;
      default -> type.family() == family;
    };
    if (!fits) {
      out.add(warning(source, c.operatorName(), Rule.OPERATOR_FOR_KEY, op.comparison().json()
          + " compares " + name(family) + " values, but " + key + " holds " + name(type.family())
          + " values, so the test does not work as written", "use "
          + suggestedOperator(type.family()) + " with " + key));
    }
    if (family == Family.NULL) {
      return;
    }
    if (type.multivalued() && op.qualifier() == SetQualifier.NONE) {
      out.add(warning(source, c.operatorName(), Rule.SET_OPERATOR, key + " can carry several"
          + " values; without ForAnyValue: or ForAllValues: the test does not match a request"
          + " that carries it", "write \"ForAnyValue:" + op.comparison().json()
          + (op.ifExists() ? "IfExists" : "") + "\" (any value) or \"ForAllValues:…\" (every"
          + " value)"));
    } else if (!type.multivalued() && op.qualifier() != SetQualifier.NONE) {
      out.add(warning(source, c.operatorName(), Rule.SET_OPERATOR, key + " has a single value;"
          + " " + op.qualifier().prefix() + " is meant for multivalued keys and can make the"
          + " statement broader than it looks (ForAllValues: is true when the key is absent)",
          "write " + Text.quote(op.comparison().json() + (op.ifExists() ? "IfExists" : ""))));
    }
  }

  private static String name(Family f) {
    return switch (f) {
      case IP_ADDRESS -> "IP address";
      case ARN -> "ARN";
      case BOOL -> "boolean";
      default -> f.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String suggestedOperator(Family f) {
    return switch (f) {
      case NUMERIC -> "a Numeric operator";
      case DATE -> "a Date operator";
      case BOOL -> "Bool";
      case IP_ADDRESS -> "IpAddress or NotIpAddress";
      case ARN -> "ArnLike or ArnNotLike";
      case BINARY -> "BinaryEquals";
      default -> "a String operator";
    };
  }

  private void value(PolicyDocument doc, Statement s, ConditionClause c, Located v,
      List<Problem> out) {
    String source = doc.source();
    Comparison cmp = c.operator().comparison();
    Family family = cmp.family();
    String value = v.value();
    if (!ConditionValues.valid(family, value)) {
      out.add(new Problem(source, v.at(), Severity.ERROR, Rule.CONDITION_VALUE,
          Text.quote(value) + " is not " + ConditionValues.expected(family) + ", so "
              + cmp.json() + " never matches it", "write " + ConditionValues.expected(family)));
    }
    Comparison positive = cmp.positive();
    String withoutVariables = VARIABLE.matcher(value).replaceAll("");
    if ((positive == Comparison.STRING_EQUALS || positive == Comparison.STRING_EQUALS_IGNORE_CASE)
        && Wildcard.hasWildcard(withoutVariables)) {
      String like = cmp.negated() ? "StringNotLike" : "StringLike";
      String arn = cmp.negated() ? "ArnNotLike" : "ArnLike";
      out.add(warning(source, v, Rule.WILDCARD_IN_EQUALS, cmp.json() + " compares"
          + " literally: " + Text.quote(value) + " matches only that exact text, wildcard"
          + " included", "use " + like + (value.startsWith("arn:") ? " or " + arn : "")
          + " to match a pattern"));
    }
    if (c.key().value().equalsIgnoreCase("aws:PrincipalArn")
        && value.startsWith("arn:") && value.contains(":assumed-role/")) {
      out.add(warning(source, v, Rule.ASSUMED_ROLE_ARN, "aws:PrincipalArn holds the ARN of"
          + " the role (arn:aws:iam::ACCOUNT:role/NAME), never the session ARN "
          + Text.quote(value) + ", so this value never matches",
          "write the role's ARN, e.g. arn:aws:iam::*:role/NAME"));
    }
    if (doc.supportsVariables()) {
      Matcher m = VARIABLE.matcher(value);
      while (m.find()) {
        variable(source, v, m.group(1), family, out);
      }
    }
  }

  private void variable(String source, Located v, String inner, Family family,
      List<Problem> out) {
    String key = inner.contains(",") ? inner.substring(0, inner.indexOf(',')).trim() : inner.trim();
    if (key.equals("*") || key.equals("?") || key.equals("$")) {
      return;
    }
    if (family != Family.STRING && family != Family.ARN) {
      out.add(warning(source, v, Rule.POLICY_VARIABLE, "policy variables are replaced only"
          + " under String and ARN operators; here ${" + Text.printable(key)
          + "} is compared as written", "compare a literal value, or use a String operator"));
      return;
    }
    variableKey(source, v, key, out);
  }

  private void variableKey(String source, Located v, String key, List<Problem> out) {
    KeyType type = catalogue.conditionKeyType(key).orElse(null);
    if (type == null) {
      out.add(warning(source, v, Rule.POLICY_VARIABLE, "${" + Text.printable(key)
          + "} names no known condition key; with no value the statement does not apply",
          "check the key's spelling, or give a default: ${" + Text.printable(key)
              + ", 'value'}"));
    } else if (type.multivalued()) {
      out.add(warning(source, v, Rule.POLICY_VARIABLE, Text.printable(key)
          + " is multivalued and cannot be a policy variable; the statement does not apply",
          "use a single-valued key"));
    }
  }

  private void resourceVariables(String source, Located r, List<Problem> out) {
    Matcher m = VARIABLE.matcher(r.value());
    int colons = 0;
    int scanned = 0;
    while (m.find()) {
      for (; scanned < m.start(); scanned++) {
        colons += r.value().charAt(scanned) == ':' ? 1 : 0;
      }
      String key = m.group(1).contains(",")
          ? m.group(1).substring(0, m.group(1).indexOf(',')).trim() : m.group(1).trim();
      if (key.equals("*") || key.equals("?") || key.equals("$")) {
        continue;
      }
      if (colons < 5) {
        out.add(warning(source, r, Rule.POLICY_VARIABLE, "a policy variable in a Resource"
            + " may only stand in the resource part, after the fifth colon",
            "write the partition, service, region and account literally or with *"));
      }
      variableKey(source, r, key, out);
    }
  }

  private static Problem warning(String source, Located at, Rule rule, String message,
      String fix) {
    return new Problem(source, at.at(), Severity.WARNING, rule, message, fix);
  }
}
