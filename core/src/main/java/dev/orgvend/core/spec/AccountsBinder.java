package dev.orgvend.core.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads {@code accounts}, applying defaults and checking references and duplicates. */
final class AccountsBinder {
  static final List<String> ACCOUNT_KEYS = List.of(
      "name", "email", "ou", "tags", "roleName", "iamUserAccessToBilling", "baseline");

  /** Where a value was first seen, to name both places in a duplicate's message. */
  private record Seen(String path, Mark mark) {}

  private final Values values;
  private final AwsRules rules;
  private final Problems problems;
  private final AccountDefaults defaults;
  private final Map<OuPath, Mark> ous;
  private final Set<String> baselines;
  private final Map<String, Seen> names = new HashMap<>();
  private final Map<String, Seen> emails = new HashMap<>();

  AccountsBinder(Values values, AwsRules rules, AccountDefaults defaults, Map<OuPath, Mark> ous,
      Set<String> baselines) {
    this.values = values;
    this.rules = rules;
    this.problems = values.problems();
    this.defaults = defaults;
    this.ous = ous;
    this.baselines = baselines;
  }

  List<AccountSpec> bind(Node accounts) {
    List<AccountSpec> out = new ArrayList<>();
    List<Node> items = accounts == null ? List.of() : values.list(accounts, "accounts");
    if (items == null) {
      return out;
    }
    for (int i = 0; i < items.size(); i++) {
      int before = problems.count();
      AccountSpec account = account(items.get(i), Text.indexPath("accounts", i));
      if (account != null && problems.count() == before) {
        out.add(account);
      }
    }
    return out;
  }

  private AccountSpec account(Node node, String path) {
    if (node instanceof Node.Scalar scalar && scalar.kind() == Node.ScalarKind.STRING) {
      problems.add(node.mark(), path, "expected a mapping with at least name and email, found "
          + "a string");
      return null;
    }
    Node.Mapping mapping = values.mapping(node, path, ACCOUNT_KEYS);
    if (mapping == null) {
      return null;
    }
    String name = name(mapping, path);
    String email = email(mapping, path);
    OuPath ou = ou(Values.optional(mapping, "ou"), Text.keyPath(path, "ou"));
    Map<String, String> tags = tags(mapping, path);
    String roleName = defaults.roleName();
    Node roleNode = Values.optional(mapping, "roleName");
    if (roleNode != null) {
      roleName = rules.roleName(roleNode, Text.keyPath(path, "roleName"));
    }
    IamUserAccessToBilling billing = defaults.iamUserAccessToBilling();
    Node billingNode = Values.optional(mapping, "iamUserAccessToBilling");
    if (billingNode != null) {
      billing = rules.iamUserAccessToBilling(billingNode,
          Text.keyPath(path, "iamUserAccessToBilling"));
    }
    String baseline = defaults.baseline();
    Node baselineNode = Values.optional(mapping, "baseline");
    if (baselineNode != null) {
      baseline = baselineReference(values, baselineNode, Text.keyPath(path, "baseline"),
          baselines);
    }
    if (name == null || email == null || ou == null || tags == null || roleName == null
        || billing == null || (baselineNode != null && baseline == null)) {
      return null;
    }
    return new AccountSpec(name, email, ou, tags, roleName, billing, baseline);
  }

  private String name(Node.Mapping mapping, String path) {
    Node node = values.required(mapping, path, "name");
    String namePath = Text.keyPath(path, "name");
    String name = node == null ? null : rules.accountName(node, namePath);
    if (name != null) {
      Seen earlier = names.putIfAbsent(name, new Seen(path, node.mark()));
      if (earlier != null) {
        problems.add(node.mark(), namePath, "account name " + Text.quote(name)
            + " is already used by " + earlier.path() + " at " + earlier.mark().describe());
      }
    }
    return name;
  }

  private String email(Node.Mapping mapping, String path) {
    Node node = values.required(mapping, path, "email");
    String emailPath = Text.keyPath(path, "email");
    String email = node == null ? null : rules.email(node, emailPath);
    if (email != null) {
      // AWS treats addresses that differ only in case as the same root user.
      String key = email.toLowerCase(Locale.ROOT);
      Seen earlier = emails.putIfAbsent(key, new Seen(path, node.mark()));
      if (earlier != null) {
        problems.add(node.mark(), emailPath, "e-mail address " + Text.quote(email)
            + " is already used by " + earlier.path() + " at " + earlier.mark().describe()
            + " (addresses are compared ignoring case)");
      }
    }
    return email;
  }

  private OuPath ou(Node node, String path) {
    if (node == null) {
      return OuPath.root();
    }
    String text = values.string(node, path);
    if (text == null) {
      return null;
    }
    String reason = OuPath.invalidReason(text);
    if (reason != null) {
      problems.add(node.mark(), path, Text.quote(text) + " is not an OU path: " + reason);
      return null;
    }
    OuPath ou = OuPath.parse(text);
    if (!ou.isRoot() && !ous.containsKey(ou)) {
      List<String> known = ous.keySet().stream().map(OuPath::toString).toList();
      String suggestion = Text.suggest(text, known);
      problems.add(node.mark(), path, "OU path " + Text.quote(text)
          + " is not defined under organization.units"
          + (suggestion == null ? "" : "; did you mean " + Text.quote(suggestion) + "?"));
      return null;
    }
    return ou;
  }

  private Map<String, String> tags(Node.Mapping mapping, String path) {
    Node node = Values.optional(mapping, "tags");
    if (node == null) {
      return defaults.tags();
    }
    String tagsPath = Text.keyPath(path, "tags");
    Map<String, String> own = rules.tags(node, tagsPath);
    if (own == null) {
      return null;
    }
    Map<String, String> merged = new LinkedHashMap<>(defaults.tags());
    merged.putAll(own);
    int inherited = merged.size() - own.size();
    // A defaults.tags over the limit is reported once, there, not again for every account.
    if (defaults.tags().size() <= AwsRules.MAX_TAGS
        && !rules.tagCount(merged.size(), node.mark(), tagsPath,
            inherited == 0 ? "" : " (" + inherited + " of them from defaults.tags)")) {
      return null;
    }
    return merged;
  }

  /** A baseline name that must be defined under {@code baselines}; null after a report. */
  static String baselineReference(Values values, Node node, String path, Set<String> defined) {
    String name = values.string(node, path);
    if (name == null || defined.contains(name)) {
      return name;
    }
    String suggestion = Text.suggest(name, defined);
    values.problems().add(node.mark(), path, "baseline " + Text.quote(name)
        + " is not defined under baselines"
        + (suggestion == null ? "" : "; did you mean " + Text.quote(suggestion) + "?"));
    return null;
  }
}
