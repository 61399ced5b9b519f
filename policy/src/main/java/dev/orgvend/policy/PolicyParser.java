package dev.orgvend.policy;

import dev.orgvend.policy.JsonTree.Arr;
import dev.orgvend.policy.JsonTree.Member;
import dev.orgvend.policy.JsonTree.Obj;
import dev.orgvend.policy.JsonTree.Scalar;
import dev.orgvend.policy.JsonTree.ScalarKind;
import dev.orgvend.policy.JsonTree.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a service control policy: the IAM policy language as SCPs accept it since September
 * 2025 (Allow and Deny; Action or NotAction; Resource or NotResource; Condition; no Principal or
 * NotPrincipal), see "SCP syntax" in the Organizations User Guide. Every problem is reported with
 * its position; the parser never throws for bad input.
 */
public final class PolicyParser {
  static final Set<String> VERSIONS = Set.of(PolicyDocument.CURRENT_VERSION, "2008-10-17");
  private static final List<String> TOP_KEYS = List.of("Version", "Id", "Statement");
  private static final List<String> STATEMENT_KEYS = List.of("Sid", "Effect", "Action",
      "NotAction", "Resource", "NotResource", "Condition");
  private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");
  /** {@code *} or {@code service:action}; wildcards may appear anywhere since 2025. */
  static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+");

  private final String source;
  private final PositionMap positions;
  private final List<Problem> problems = new ArrayList<>();

  private PolicyParser(String source, PositionMap positions) {
    this.source = source;
    this.positions = positions;
  }

  /** Parses {@code text}; {@code source} names it in problems (usually the file name). */
  public static ParsedPolicy parse(String source, String text) {
    return parse(source, text, PositionMap.IDENTITY);
  }

  /**
   * Parses a policy embedded in a larger file: positions in problems and in the document are
   * mapped by {@code positions} into that file.
   */
  public static ParsedPolicy parse(String source, String text, PositionMap positions) {
    return new PolicyParser(source, positions).run(text);
  }

  private ParsedPolicy run(String text) {
    checkSize(text);
    Value root;
    try {
      root = JsonTree.parse(text, positions);
    } catch (JsonTree.SyntaxError e) {
      error(Rule.JSON, e.at, e.getMessage(), "fix the JSON syntax at this position");
      return new ParsedPolicy(source, null, problems);
    }
    if (!(root instanceof Obj doc)) {
      error(Rule.GRAMMAR, root.at(), "a policy must be a JSON object",
          "write {\"Version\": \"2012-10-17\", \"Statement\": [...]}");
      return new ParsedPolicy(source, null, problems);
    }
    checkKeys(doc, TOP_KEYS, "the policy");
    String version = version(doc);
    Member statementMember = doc.get("Statement");
    List<Statement> statements = new ArrayList<>();
    if (statementMember == null) {
      error(Rule.GRAMMAR, doc.at(), "the policy has no Statement",
          "add \"Statement\": [ {\"Effect\": ..., \"Action\": ..., \"Resource\": ...} ]");
    } else {
      List<Value> items = statementMember.value() instanceof Arr arr ? arr.items()
          : List.of(statementMember.value());
      if (items.isEmpty()) {
        error(Rule.GRAMMAR, statementMember.at(), "Statement is an empty list",
            "add at least one statement");
      }
      Map<String, Position> sids = new HashMap<>();
      for (int i = 0; i < items.size(); i++) {
        Statement s = statement(i, items.get(i), sids);
        if (s != null) {
          statements.add(s);
        }
      }
    }
    PolicyDocument document = new PolicyDocument(source, text, version, statements);
    return new ParsedPolicy(source, document, problems);
  }

  private void checkSize(String text) {
    int size = text.codePointCount(0, text.length());
    if (size > ScpLimits.MAX_CHARACTERS) {
      int minified = minifiedSize(text);
      String fix = minified <= ScpLimits.MAX_CHARACTERS
          ? "remove the whitespace outside strings (the document is " + minified
              + " characters without it) or split the policy in two"
          : "split the policy in two or shorten it (without whitespace it is still " + minified
              + " characters)";
      error(Rule.SIZE, positions.map(Position.START), "the policy has " + size
          + " characters; an SCP may have at most " + ScpLimits.MAX_CHARACTERS
          + ", and every character counts, whitespace included", fix);
    }
  }

  /** Characters left when whitespace outside JSON strings is removed. */
  static int minifiedSize(String text) {
    int count = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (inString) {
        count++;
        if (escaped) {
          escaped = false;
        } else if (cp == '\\') {
          escaped = true;
        } else if (cp == '"') {
          inString = false;
        }
      } else if (cp == '"') {
        inString = true;
        count++;
      } else if (cp != ' ' && cp != '\t' && cp != '\n' && cp != '\r') {
        count++;
      }
    }
    return count;
  }

  private String version(Obj doc) {
    Member m = doc.get("Version");
    if (m == null) {
      error(Rule.VERSION, doc.at(), "the policy has no Version",
          "add \"Version\": \"2012-10-17\" (every SCP must have it)");
      return null;
    }
    if (!(m.value() instanceof Scalar s) || s.kind() != ScalarKind.STRING
        || !VERSIONS.contains(s.text())) {
      error(Rule.VERSION, m.value().at(), "Version must be \"2012-10-17\"",
          "write \"Version\": \"2012-10-17\"");
      return null;
    }
    if (!s.text().equals(PolicyDocument.CURRENT_VERSION)) {
      problems.add(new Problem(source, s.at(), Severity.WARNING, Rule.VERSION,
          "Version " + Text.quote(s.text()) + " is the old policy language: policy variables"
              + " such as ${aws:PrincipalTag/team} are literal text in it",
          "write \"Version\": \"2012-10-17\""));
    }
    return s.text();
  }

  private Statement statement(int index, Value value, Map<String, Position> sids) {
    if (!(value instanceof Obj s)) {
      error(Rule.GRAMMAR, value.at(), "statement #" + (index + 1) + " is not a JSON object",
          "write each statement as {\"Effect\": ..., \"Action\": ..., \"Resource\": ...}");
      return null;
    }
    int before = errorCount();
    for (String refused : List.of("Principal", "NotPrincipal")) {
      Member m = s.get(refused);
      if (m != null) {
        error(Rule.PRINCIPAL, m.at(), "SCPs do not support the " + refused + " element",
            "remove it: an SCP applies to every IAM user and role in the accounts below it; to"
                + " target or exempt principals, use a Condition on aws:PrincipalArn");
      }
    }
    checkKeys(s, STATEMENT_KEYS, "a statement");
    String sid = sid(s, sids);
    Effect effect = effect(s, index);
    Member action = exactlyOne(s, "Action", "NotAction", index,
        "add \"Action\": \"service:Action\" (or NotAction to name what is exempt)");
    List<Located> actions = action == null ? List.of() : strings(action, "an action");
    for (Located a : actions) {
      if (!ACTION.matcher(a.value()).matches()) {
        error(Rule.GRAMMAR, a.at(), Text.quote(a.value()) + " is not an action",
            "write service:Action, such as \"s3:GetObject\", \"ec2:Describe*\" or \"*\"");
      }
    }
    Member resource = exactlyOne(s, "Resource", "NotResource", index,
        "add \"Resource\": \"*\" (or specific ARNs)");
    List<Located> resources = resource == null ? List.of() : strings(resource, "a resource");
    for (Located r : resources) {
      if (!r.value().equals("*") && !isArnPattern(r.value())) {
        error(Rule.GRAMMAR, r.at(), Text.quote(r.value()) + " is not an ARN",
            "write \"*\" or an ARN such as \"arn:aws:s3:::bucket/*\"");
      }
    }
    Member condition = s.get("Condition");
    List<ConditionClause> clauses = condition == null ? List.of() : conditions(condition);
    if (errorCount() > before || effect == null) {
      return null;
    }
    return new Statement(index, s.at(), sid, effect, action.name().equals("NotAction"), actions,
        action.at(), resource.name().equals("NotResource"), resources, resource.at(), clauses,
        condition == null ? null : condition.at());
  }

  /** {@code arn:partition:service:region:account:resource}, wildcards allowed anywhere. */
  static boolean isArnPattern(String value) {
    if (!value.startsWith("arn:")) {
      return false;
    }
    int colons = 0;
    for (int i = 0; i < value.length() && colons < 5; i++) {
      if (value.charAt(i) == ':') {
        colons++;
      }
    }
    return colons >= 5;
  }

  private String sid(Obj s, Map<String, Position> sids) {
    Member m = s.get("Sid");
    if (m == null) {
      return null;
    }
    if (!(m.value() instanceof Scalar v) || v.kind() != ScalarKind.STRING
        || !SID.matcher(v.text()).matches()) {
      error(Rule.GRAMMAR, m.value().at(), "Sid may contain only letters and digits",
          "write a Sid such as \"DenyOutsideEu\"");
      return null;
    }
    if (!v.text().isEmpty()) {
      Position first = sids.putIfAbsent(v.text(), v.at());
      if (first != null) {
        error(Rule.GRAMMAR, v.at(), "the Sid " + Text.quote(v.text())
            + " is already used at line " + first.line(), "give every statement its own Sid");
      }
    }
    return v.text();
  }

  private Effect effect(Obj s, int index) {
    Member m = s.get("Effect");
    if (m == null) {
      error(Rule.GRAMMAR, s.at(), "statement #" + (index + 1) + " has no Effect",
          "add \"Effect\": \"Deny\" or \"Effect\": \"Allow\"");
      return null;
    }
    if (m.value() instanceof Scalar v && v.kind() == ScalarKind.STRING) {
      for (Effect e : Effect.values()) {
        if (e.json().equals(v.text())) {
          return e;
        }
      }
    }
    error(Rule.GRAMMAR, m.value().at(), "Effect must be \"Allow\" or \"Deny\"",
        "write \"Allow\" or \"Deny\", with that capitalisation");
    return null;
  }

  private Member exactlyOne(Obj s, String a, String b, int index, String fix) {
    Member ma = s.get(a);
    Member mb = s.get(b);
    if (ma != null && mb != null) {
      error(Rule.GRAMMAR, mb.at(), "a statement may have " + a + " or " + b + ", not both",
          "keep one of them");
      return null;
    }
    if (ma == null && mb == null) {
      error(Rule.GRAMMAR, s.at(), "statement #" + (index + 1) + " has neither " + a + " nor " + b,
          fix);
      return null;
    }
    return ma != null ? ma : mb;
  }

  /** A string or a non-empty list of strings. */
  private List<Located> strings(Member m, String what) {
    List<Value> items = m.value() instanceof Arr arr ? arr.items() : List.of(m.value());
    if (items.isEmpty()) {
      error(Rule.GRAMMAR, m.value().at(), m.name() + " is an empty list",
          "list at least one value, or remove the statement");
    }
    List<Located> out = new ArrayList<>();
    for (Value item : items) {
      if (item instanceof Scalar v && v.kind() == ScalarKind.STRING) {
        out.add(new Located(v.text(), v.at()));
      } else {
        error(Rule.GRAMMAR, item.at(), m.name() + " must hold strings; this is not " + what
            + " in quotes", "write each value as a JSON string");
      }
    }
    return out;
  }

  private List<ConditionClause> conditions(Member condition) {
    List<ConditionClause> clauses = new ArrayList<>();
    if (!(condition.value() instanceof Obj blocks) || blocks.members().isEmpty()) {
      error(Rule.GRAMMAR, condition.value().at(),
          "Condition must be a JSON object of operators, such as {\"StringEquals\": {...}}",
          "write \"Condition\": {\"Operator\": {\"key\": \"value\"}} or remove Condition");
      return clauses;
    }
    checkDuplicates(blocks, "operator");
    for (Member block : blocks.members()) {
      ConditionOperator operator = ConditionOperator.parse(block.name());
      if (operator == null) {
        String hint = Text.suggest(stripQualifier(block.name()), ConditionOperator.names());
        error(Rule.GRAMMAR, block.at(), Text.quote(block.name()) + " is not a condition operator",
            hint != null ? "did you mean " + Text.quote(hint) + "?"
                : "use an operator such as StringEquals, StringNotLike, ArnNotLike, Bool, Null");
        continue;
      }
      if (!(block.value() instanceof Obj keys) || keys.members().isEmpty()) {
        error(Rule.GRAMMAR, block.value().at(), "the " + block.name()
            + " block must map condition keys to values",
            "write {\"aws:RequestedRegion\": [\"eu-west-1\"]} or similar");
        continue;
      }
      checkDuplicates(keys, "condition key");
      for (Member key : keys.members()) {
        List<Located> values = conditionValues(key);
        if (values != null) {
          clauses.add(new ConditionClause(new Located(block.name(), block.at()), operator,
              new Located(key.name(), key.at()), values));
        }
      }
    }
    return clauses;
  }

  private static String stripQualifier(String name) {
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }

  private List<Located> conditionValues(Member key) {
    List<Value> items = key.value() instanceof Arr arr ? arr.items() : List.of(key.value());
    if (items.isEmpty()) {
      error(Rule.GRAMMAR, key.value().at(), "the condition key " + Text.quote(key.name())
          + " has an empty list of values", "list at least one value");
      return null;
    }
    List<Located> values = new ArrayList<>();
    for (Value item : items) {
      if (item instanceof Scalar v && v.kind() != ScalarKind.NULL) {
        values.add(new Located(v.text(), v.at()));
      } else {
        error(Rule.GRAMMAR, item.at(), "condition values must be strings, numbers or booleans",
            "write the value in quotes, such as \"true\" or \"eu-west-1\"");
        return null;
      }
    }
    return values;
  }

  private void checkKeys(Obj obj, List<String> allowed, String where) {
    checkDuplicates(obj, "element");
    for (Member m : obj.members()) {
      if (!allowed.contains(m.name()) && !m.name().equals("Principal")
          && !m.name().equals("NotPrincipal")) {
        String hint = Text.suggest(m.name(), allowed);
        error(Rule.GRAMMAR, m.at(), where + " has an element SCPs do not know: "
            + Text.quote(m.name()), hint != null ? "did you mean " + Text.quote(hint) + "?"
                : "remove it; allowed: " + String.join(", ", allowed));
      }
    }
  }

  private void checkDuplicates(Obj obj, String what) {
    Map<String, Position> seen = new HashMap<>();
    for (Member m : obj.members()) {
      Position first = seen.putIfAbsent(m.name(), m.at());
      if (first != null) {
        error(Rule.GRAMMAR, m.at(), "the " + what + " " + Text.quote(m.name())
            + " appears twice (first at line " + first.line() + ")",
            "merge the two into one; JSON readers keep only one of them");
      }
    }
  }

  private int errorCount() {
    return (int) problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
  }

  private void error(Rule rule, Position at, String message, String fix) {
    problems.add(new Problem(source, at, Severity.ERROR, rule, message, fix));
  }
}
