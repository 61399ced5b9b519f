package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgvend.sandbox.protocol.AwsException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a policy document before CreatePolicy or UpdatePolicy stores it: first its size, then
 * that it is one JSON object, then, for service control policies, the SCP grammar (the IAM policy
 * language without principals; see the SCP syntax page of the Organizations user guide). The
 * grammar is the current one, which also lets Allow statements use conditions, NotAction,
 * NotResource and specific resources. Other policy types are only checked to be JSON objects.
 */
final class PolicyDocuments {
  /** Sizes from the Organizations quotas page, for the types whose limit is not adjustable here. */
  private static final Map<String, Integer> OTHER_LIMITS = Map.of(
      "RESOURCE_CONTROL_POLICY", 5_120,
      "AISERVICES_OPT_OUT_POLICY", 2_500);
  private static final int DEFAULT_LIMIT = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
  private static final Set<String> TOP_KEYS = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "NotAction",
      "Resource", "NotResource", "Condition");
  private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");
  private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+");
  private static final Set<String> OPERATORS = Set.of("StringEquals", "StringNotEquals",
      "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
      "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
      "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals",
      "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool",
      "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals",
      "ArnNotLike");

  private PolicyDocuments() {}

  /**
   * Throws ConstraintViolation (POLICY_CONTENT_LIMIT_EXCEEDED) for an oversized document and
   * MalformedPolicyDocument for one that is not valid for {@code type}.
   */
  static void check(String type, String content, int maxScpChars) {
    int limit = type.equals(OrgInput.SCP) ? maxScpChars
        : OTHER_LIMITS.getOrDefault(type, DEFAULT_LIMIT);
    // Every character counts, whitespace included, as AWS counts documents sent through the API.
    if (content.codePointCount(0, content.length()) > limit) {
      throw OrgErrors.policyContentLimit(limit);
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(content);
    } catch (Exception e) {
      throw OrgErrors.malformedPolicy("the document is not valid JSON.");
    }
    if (doc == null || !doc.isObject()) {
      throw OrgErrors.malformedPolicy("the document must be a JSON object.");
    }
    if (type.equals(OrgInput.SCP)) {
      checkScp(doc);
    }
  }

  private static void checkScp(JsonNode doc) {
    onlyKeys(doc, TOP_KEYS, "the policy");
    JsonNode version = doc.get("Version");
    if (version == null || !version.isTextual() || !VERSIONS.contains(version.asText())) {
      throw bad("Version must be \"2012-10-17\".");
    }
    JsonNode statements = doc.get("Statement");
    if (statements == null) {
      throw bad("the policy has no Statement.");
    }
    List<JsonNode> list = statements.isArray() ? listOf(statements) : List.of(statements);
    if (list.isEmpty()) {
      throw bad("Statement must not be empty.");
    }
    Set<String> sids = new HashSet<>();
    for (JsonNode statement : list) {
      checkStatement(statement, sids);
    }
  }

  private static void checkStatement(JsonNode s, Set<String> sids) {
    if (!s.isObject()) {
      throw bad("each statement must be a JSON object.");
    }
    if (s.has("Principal") || s.has("NotPrincipal")) {
      throw bad("SCPs do not support the Principal and NotPrincipal elements.");
    }
    onlyKeys(s, STATEMENT_KEYS, "a statement");
    JsonNode sid = s.get("Sid");
    if (sid != null) {
      if (!sid.isTextual() || !SID.matcher(sid.asText()).matches()) {
        throw bad("Sid may contain only letters and digits.");
      }
      if (!sid.asText().isEmpty() && !sids.add(sid.asText())) {
        throw bad("the Sid " + sid.asText() + " is used more than once.");
      }
    }
    JsonNode effect = s.get("Effect");
    if (effect == null || !(effect.asText().equals("Allow") || effect.asText().equals("Deny"))) {
      throw bad("Effect must be Allow or Deny.");
    }
    String actionKey = exactlyOne(s, "Action", "NotAction");
    for (String action : strings(s.get(actionKey), actionKey)) {
      if (!ACTION.matcher(action).matches()) {
        throw bad("\"" + action + "\" is not an action (service:Action or *).");
      }
    }
    String resourceKey = exactlyOne(s, "Resource", "NotResource");
    for (String resource : strings(s.get(resourceKey), resourceKey)) {
      boolean arn = resource.startsWith("arn:") && resource.split(":", -1).length >= 6;
      if (!resource.equals("*") && !arn) {
        throw bad("\"" + resource + "\" is not a resource ARN or *.");
      }
    }
    if (s.has("Condition")) {
      checkCondition(s.get("Condition"));
    }
  }

  private static void checkCondition(JsonNode condition) {
    if (!condition.isObject() || condition.isEmpty()) {
      throw bad("Condition must be a non-empty JSON object.");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = condition.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> block = it.next();
      if (!isOperator(block.getKey())) {
        throw bad("\"" + block.getKey() + "\" is not a condition operator.");
      }
      JsonNode keys = block.getValue();
      if (!keys.isObject() || keys.isEmpty()) {
        throw bad("the " + block.getKey() + " block must map condition keys to values.");
      }
      keys.fields().forEachRemaining(k -> strings(k.getValue(), k.getKey()));
    }
  }

  static boolean isOperator(String name) {
    String base = name;
    for (String prefix : List.of("ForAnyValue:", "ForAllValues:")) {
      if (base.startsWith(prefix)) {
        base = base.substring(prefix.length());
      }
    }
    if (base.equals("Null")) {
      return true;
    }
    if (base.endsWith("IfExists")) {
      base = base.substring(0, base.length() - "IfExists".length());
    }
    return OPERATORS.contains(base);
  }

  private static String exactlyOne(JsonNode s, String a, String b) {
    if (s.has(a) == s.has(b)) {
      throw bad("a statement needs exactly one of " + a + " and " + b + ".");
    }
    return s.has(a) ? a : b;
  }

  /** A value that may be one scalar or a non-empty list of scalars, as strings. */
  private static List<String> strings(JsonNode node, String element) {
    List<JsonNode> items = node.isArray() ? listOf(node) : List.of(node);
    if (items.isEmpty()) {
      throw bad(element + " must not be empty.");
    }
    for (JsonNode item : items) {
      if (!item.isValueNode() || item.isNull()) {
        throw bad(element + " must hold strings.");
      }
    }
    return items.stream().map(JsonNode::asText).toList();
  }

  private static void onlyKeys(JsonNode node, Set<String> allowed, String where) {
    node.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        throw bad(where + " has an unsupported element: " + name + ".");
      }
    });
  }

  private static List<JsonNode> listOf(JsonNode array) {
    List<JsonNode> out = new java.util.ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static AwsException bad(String detail) {
    return OrgErrors.malformedPolicy(detail);
  }
}
