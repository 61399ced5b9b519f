package dev.orgvend.sandbox.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgvend.sandbox.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a role's trust policy lets a caller assume it. Understands Allow and Deny
 * statements, {@code Action} patterns and {@code Principal.AWS} given as {@code *}, an account id,
 * an account root ARN, a user or role ARN, or an assumed-role session ARN. Conditions are not
 * evaluated (a documented sandbox limitation), except {@code sts:ExternalId} equality.
 */
final class TrustPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrustPolicy() {}

  static boolean allows(String document, Principal caller, String externalId) {
    JsonNode policy;
    try {
      policy = JSON.readTree(document);
    } catch (Exception e) {
      return false;
    }
    boolean allowed = false;
    for (JsonNode statement : items(policy.path("Statement"))) {
      if (!actionMatches(statement.path("Action")) || !principalMatches(statement.path("Principal"), caller)) {
        continue;
      }
      String effect = statement.path("Effect").asText();
      if (effect.equals("Deny")) {
        return false;
      }
      if (effect.equals("Allow") && externalIdMatches(statement.path("Condition"), externalId)) {
        allowed = true;
      }
    }
    return allowed;
  }

  private static boolean actionMatches(JsonNode action) {
    for (JsonNode a : items(action)) {
      if (wildcard(a.asText().toLowerCase(Locale.ROOT), "sts:assumerole")) {
        return true;
      }
    }
    return false;
  }

  private static boolean principalMatches(JsonNode principal, Principal caller) {
    if (principal.isTextual()) {
      return principal.asText().equals("*");
    }
    for (JsonNode p : items(principal.path("AWS"))) {
      String value = p.asText();
      if (value.equals("*")
          || value.equals(caller.accountId())
          || value.equals("arn:aws:iam::" + caller.accountId() + ":root")
          || value.equals(caller.arn())
          || (caller.roleArn() != null && value.equals(caller.roleArn()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean externalIdMatches(JsonNode condition, String externalId) {
    JsonNode required = condition.path("StringEquals").path("sts:ExternalId");
    if (required.isMissingNode()) {
      return true;
    }
    for (JsonNode value : items(required)) {
      if (value.asText().equals(externalId)) {
        return true;
      }
    }
    return false;
  }

  private static List<JsonNode> items(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(out::add);
    } else if (!node.isMissingNode() && !node.isNull()) {
      out.add(node);
    }
    return out;
  }

  /** Glob match with {@code *} and {@code ?}, as IAM uses in action names. */
  static boolean wildcard(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
