package dev.orgvend.sandbox.iam;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The structural checks IAM makes on the policy documents a role carries, and the way IAM hands
 * them back. Only the grammar is checked (JSON, Version, Statement, the fields a statement must and
 * must not have); action and resource names are not looked up.
 */
final class PolicyDocuments {
  /** Which kind of document: who may assume a role, or what the role may do. */
  enum Kind {
    TRUST,
    PERMISSIONS
  }

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
  private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
  private static final Set<String> STATEMENT_FIELDS = Set.of("Sid", "Effect", "Principal",
      "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");

  private PolicyDocuments() {}

  /** Throws {@code MalformedPolicyDocument} unless {@code document} is a policy of that kind. */
  static void check(String document, Kind kind) {
    JsonNode root;
    try {
      root = JSON.readTree(document);
    } catch (Exception e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      throw IamErrors.malformedPolicy("This policy contains invalid Json");
    }
    root.fieldNames().forEachRemaining(name -> {
      if (!TOP_LEVEL.contains(name)) {
        throw IamErrors.malformedPolicy("Syntax errors in policy.");
      }
    });
    JsonNode version = root.get("Version");
    if (version != null && !VERSIONS.contains(version.asText())) {
      throw IamErrors.malformedPolicy("The policy failed legacy parsing");
    }
    for (JsonNode statement : statements(root.get("Statement"))) {
      checkStatement(statement, kind);
    }
  }

  private static List<JsonNode> statements(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.isObject()) {
      out.add(node);
    } else if (node != null && node.isArray()) {
      node.forEach(out::add);
    }
    if (out.isEmpty() || out.stream().anyMatch(s -> !s.isObject())) {
      throw IamErrors.malformedPolicy("Syntax errors in policy.");
    }
    return out;
  }

  private static void checkStatement(JsonNode statement, Kind kind) {
    statement.fieldNames().forEachRemaining(name -> {
      if (!STATEMENT_FIELDS.contains(name)) {
        throw IamErrors.malformedPolicy("Syntax errors in policy.");
      }
    });
    JsonNode effect = statement.get("Effect");
    if (effect == null) {
      throw IamErrors.malformedPolicy("Missing required field Effect");
    }
    if (!effect.asText().equals("Allow") && !effect.asText().equals("Deny")) {
      throw IamErrors.malformedPolicy("Syntax errors in policy.");
    }
    boolean actions = statement.has("Action") || statement.has("NotAction");
    boolean resources = statement.has("Resource") || statement.has("NotResource");
    boolean principals = statement.has("Principal") || statement.has("NotPrincipal");
    if (kind == Kind.TRUST) {
      if (!principals) {
        throw IamErrors.malformedPolicy("Missing required field Principal");
      }
      if (!actions) {
        throw IamErrors.malformedPolicy("Missing required field Action");
      }
      if (resources) {
        throw IamErrors.malformedPolicy("Has prohibited field Resource");
      }
    } else {
      if (principals) {
        throw IamErrors.malformedPolicy("Policy document should not specify a principal.");
      }
      if (!actions) {
        throw IamErrors.malformedPolicy("Policy statement must contain actions.");
      }
      if (!resources) {
        throw IamErrors.malformedPolicy("Policy statement must contain resources.");
      }
    }
  }

  /** The size IAM charges against its quotas: characters other than white space. */
  static int chargedLength(String document) {
    return (int) document.codePoints().filter(c -> !Character.isWhitespace(c)).count();
  }

  /**
   * The document as IAM returns it in GetRole, ListRoles and GetRolePolicy: percent-encoded
   * (RFC 3986, unreserved characters kept), so clients must URL-decode it.
   */
  static String urlEncode(String document) {
    StringBuilder out = new StringBuilder(document.length() * 2);
    for (byte b : document.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
