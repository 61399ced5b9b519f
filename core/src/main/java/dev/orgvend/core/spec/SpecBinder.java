package dev.orgvend.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a document tree into a {@link Spec}, reporting every problem on the way. Sections are
 * read in dependency order (baselines and OUs before the accounts that refer to them) and each
 * keeps going after a problem, so one run lists everything wrong with the file.
 */
final class SpecBinder {
  static final List<String> TOP_KEYS =
      List.of("version", "settings", "defaults", "organization", "accounts", "baselines");
  static final List<String> SETTINGS_KEYS = List.of("region", "roleSessionName", "concurrency");
  static final List<String> DEFAULTS_KEYS =
      List.of("roleName", "iamUserAccessToBilling", "baseline", "tags");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Problems problems;
  private final Values values;
  private final AwsRules rules;
  private final BaselineValidator validator;

  /**
   * Every name under {@code baselines}, usable or not: a reference to a broken baseline is
   * reported once, at the baseline, not again as "not defined" at each account.
   */
  private final Set<String> baselineNames = new LinkedHashSet<>();

  SpecBinder(Problems problems, BaselineValidator validator) {
    this.problems = problems;
    this.values = new Values(problems);
    this.rules = new AwsRules(values);
    this.validator = validator;
  }

  /** The spec, or null when anything was reported. */
  Spec bind(Node root) {
    Node.Mapping top = values.mapping(root, "", TOP_KEYS);
    if (top == null) {
      return null;
    }
    version(top);
    Settings settings = settings(Values.optional(top, "settings"));
    Map<String, BaselineSpec> baselines = baselines(Values.optional(top, "baselines"));
    UnitsBinder units = new UnitsBinder(values, rules);
    OrganizationSpec organization = units.bind(Values.optional(top, "organization"));
    AccountDefaults defaults = defaults(Values.optional(top, "defaults"));
    List<AccountSpec> accounts =
        new AccountsBinder(values, rules, defaults, units.defined(), baselineNames)
            .bind(Values.optional(top, "accounts"));
    if (!problems.isEmpty()) {
      return null;
    }
    return new Spec(
        Spec.CURRENT_VERSION, settings, defaults, organization, accounts, baselines);
  }

  private void version(Node.Mapping top) {
    Node node = values.required(top, "", "version");
    if (node == null) {
      return;
    }
    if (!(node instanceof Node.Scalar scalar) || scalar.kind() != Node.ScalarKind.INTEGER) {
      values.mismatch(node, "version", "the integer " + Spec.CURRENT_VERSION);
    } else if (!scalar.value().equals(BigInteger.valueOf(Spec.CURRENT_VERSION))) {
      problems.add(node.mark(), "version", "unsupported spec version "
          + Text.shown(scalar.text()) + "; this orgvend reads version " + Spec.CURRENT_VERSION);
    }
  }

  private Settings settings(Node node) {
    Settings settings = Settings.defaults();
    Node.Mapping mapping = node == null ? null : values.mapping(node, "settings", SETTINGS_KEYS);
    if (mapping == null) {
      return settings;
    }
    String region = settings.region();
    Node regionNode = Values.optional(mapping, "region");
    if (regionNode != null) {
      region = rules.region(regionNode, "settings.region");
    }
    String sessionName = settings.roleSessionName();
    Node sessionNode = Values.optional(mapping, "roleSessionName");
    if (sessionNode != null) {
      sessionName = rules.roleSessionName(sessionNode, "settings.roleSessionName");
    }
    Integer concurrency = settings.concurrency();
    Node concurrencyNode = Values.optional(mapping, "concurrency");
    if (concurrencyNode != null) {
      concurrency = values.integer(concurrencyNode, "settings.concurrency", 1,
          Settings.MAX_CONCURRENCY, "AWS allows 1 to " + Settings.MAX_CONCURRENCY
              + " account creations in progress at once");
    }
    if (region == null || sessionName == null || concurrency == null) {
      return settings; // the problem is reported; the spec will not be used
    }
    return new Settings(region, sessionName, concurrency);
  }

  /**
   * The defaults, with AWS's own standing in for any value that had a problem so the accounts
   * can still be checked against something.
   */
  private AccountDefaults defaults(Node node) {
    AccountDefaults aws = AccountDefaults.aws();
    Node.Mapping mapping = node == null ? null : values.mapping(node, "defaults", DEFAULTS_KEYS);
    if (mapping == null) {
      return aws;
    }
    String roleName = aws.roleName();
    Node roleNode = Values.optional(mapping, "roleName");
    if (roleNode != null) {
      roleName = orElse(rules.roleName(roleNode, "defaults.roleName"), aws.roleName());
    }
    IamUserAccessToBilling billing = aws.iamUserAccessToBilling();
    Node billingNode = Values.optional(mapping, "iamUserAccessToBilling");
    if (billingNode != null) {
      billing = orElse(rules.iamUserAccessToBilling(billingNode,
          "defaults.iamUserAccessToBilling"), billing);
    }
    String baseline = null;
    Node baselineNode = Values.optional(mapping, "baseline");
    if (baselineNode != null) {
      baseline = AccountsBinder.baselineReference(values, baselineNode, "defaults.baseline",
          baselineNames);
    }
    Map<String, String> tags = Map.of();
    Node tagsNode = Values.optional(mapping, "tags");
    if (tagsNode != null) {
      tags = orElse(rules.tags(tagsNode, "defaults.tags"), Map.of());
      rules.tagCount(tags.size(), tagsNode.mark(), "defaults.tags", "");
    }
    return new AccountDefaults(roleName, billing, baseline, tags);
  }

  private Map<String, BaselineSpec> baselines(Node node) {
    Map<String, BaselineSpec> baselines = new LinkedHashMap<>();
    Node.Mapping mapping = node == null ? null : values.mapping(node, "baselines");
    if (mapping == null) {
      return baselines;
    }
    for (Node.Entry entry : mapping.entries().values()) {
      baselineNames.add(entry.key());
      String path = Text.keyPath("baselines", entry.key());
      String name = values.safe(entry.key(), entry.keyMark(), path);
      Node.Mapping components = values.mapping(entry.value(), path);
      if (name == null || components == null) {
        continue;
      }
      int before = problems.count();
      values.checkStrings(components, path);
      Map<String, JsonNode> converted = new LinkedHashMap<>();
      components.entries().forEach((key, component) -> converted.put(key, json(component.value())));
      if (problems.count() == before) {
        new ComponentChecks(problems, validator).check(components, path, converted);
      }
      baselines.put(name, new BaselineSpec(name, converted));
    }
    return baselines;
  }

  /** A Jackson copy of an opaque subtree, for the components that will read it. */
  private static JsonNode json(Node node) {
    if (node instanceof Node.Mapping mapping) {
      ObjectNode object = JSON.objectNode();
      mapping.entries().forEach((key, entry) -> object.set(key, json(entry.value())));
      return object;
    }
    if (node instanceof Node.Sequence sequence) {
      ArrayNode array = JSON.arrayNode();
      sequence.items().forEach(item -> array.add(json(item)));
      return array;
    }
    Node.Scalar scalar = (Node.Scalar) node;
    return switch (scalar.kind()) {
      case STRING -> JSON.textNode(scalar.text());
      case INTEGER -> JSON.numberNode((BigInteger) scalar.value());
      case DECIMAL -> JSON.numberNode((Double) scalar.value());
      case BOOLEAN -> JSON.booleanNode((Boolean) scalar.value());
      case NULL, INVALID -> JSON.nullNode();
    };
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
