package dev.orgvend.core.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The limits AWS puts on the values a spec carries (see the Organizations and IAM API
 * references), checked up front so that a bad value fails at {@code plan}, not half-way through
 * {@code apply}. Each method returns the value, or null after reporting what is wrong with it.
 *
 * <p>The {@code *_PATTERN} strings are also in {@code orgvend.schema.json}; a test keeps them
 * equal, so they must stay valid in both Java and ECMAScript regex syntax.
 */
final class AwsRules {
  static final String ACCOUNT_NAME_PATTERN = "^[\\u0020-\\u007E]{1,50}$";
  static final String EMAIL_PATTERN =
      "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$";
  static final String ROLE_NAME_PATTERN = "^[\\w+=,.@-]{1,64}$";
  static final String ROLE_SESSION_NAME_PATTERN = "^[\\w+=,.@-]{2,64}$";
  static final String OU_NAME_PATTERN = "^[^/]{1,128}$";
  static final String TAG_TEXT_PATTERN = "^[\\p{L}\\p{Z}\\p{N}_.:/=+@-]*$";
  static final String REGION_PATTERN = "^[a-z]{2,4}(-[a-z]+){1,3}-[0-9]{1,2}$";

  static final int EMAIL_MIN = 6;
  static final int EMAIL_MAX = 64;
  static final int ACCOUNT_NAME_MAX = 50;
  static final int OU_NAME_MAX = 128;
  static final int MAX_TAGS = 50;
  static final int TAG_KEY_MAX = 128;
  static final int TAG_VALUE_MAX = 256;
  static final String RESERVED_TAG_PREFIX = "aws:";

  private static final Pattern ROLE_SESSION_NAME = Pattern.compile(ROLE_SESSION_NAME_PATTERN);
  private static final Pattern REGION = Pattern.compile(REGION_PATTERN);

  private final Values values;
  private final Problems problems;

  AwsRules(Values values) {
    this.values = values;
    this.problems = values.problems();
  }

  String accountName(Node node, String path) {
    return checked(values.string(node, path), AwsValues::accountName, node, path);
  }

  String email(Node node, String path) {
    return checked(values.string(node, path), AwsValues::email, node, path);
  }

  String roleName(Node node, String path) {
    return checked(values.string(node, path), AwsValues::roleName, node, path);
  }

  String roleSessionName(Node node, String path) {
    String name = values.string(node, path);
    if (name != null && !ROLE_SESSION_NAME.matcher(name).matches()) {
      return fail(node, path, Text.quote(name) + " is not a valid role session name (2 to 64 "
          + "letters, digits and + = , . @ _ -)");
    }
    return name;
  }

  String region(Node node, String path) {
    String region = values.string(node, path);
    if (region != null && !REGION.matcher(region).matches()) {
      return fail(node, path, Text.quote(region) + " is not an AWS region name like us-east-1");
    }
    return region;
  }

  IamUserAccessToBilling iamUserAccessToBilling(Node node, String path) {
    String text = values.string(node, path);
    if (text == null) {
      return null;
    }
    for (IamUserAccessToBilling value : IamUserAccessToBilling.values()) {
      if (value.name().equals(text)) {
        return value;
      }
    }
    return fail(node, path, "must be ALLOW or DENY, not " + Text.quote(text));
  }

  /** An OU's own name; it may not contain the path separator. */
  String ouName(Node node, String path) {
    return checked(values.string(node, path), AwsValues::ouName, node, path);
  }

  /** A tag mapping; null after reporting any bad key or value. Its size is left to the caller. */
  Map<String, String> tags(Node node, String path) {
    Node.Mapping mapping = values.mapping(node, path);
    if (mapping == null) {
      return null;
    }
    Map<String, String> tags = new LinkedHashMap<>();
    boolean ok = true;
    for (Node.Entry entry : mapping.entries().values()) {
      String keyPath = Text.keyPath(path, entry.key());
      String key = values.safe(entry.key(), entry.keyMark(), keyPath);
      if (key == null || !tagKey(key, entry.keyMark(), keyPath)) {
        ok = false;
        continue;
      }
      String value = values.string(entry.value(), keyPath);
      if (value == null || !reported(AwsValues.tagValue(value), entry.value().mark(), keyPath)) {
        ok = false;
        continue;
      }
      tags.put(key, value);
    }
    return ok ? tags : null;
  }

  /** Reports a tag count over the AWS limit. */
  boolean tagCount(int count, Mark mark, String path, String detail) {
    if (count <= MAX_TAGS) {
      return true;
    }
    problems.add(mark, path, count + " tags" + detail + "; AWS allows at most " + MAX_TAGS);
    return false;
  }

  private boolean tagKey(String key, Mark mark, String path) {
    return reported(AwsValues.tagKey(key), mark, path);
  }

  /** True when there is no problem; otherwise reports it and returns false. */
  private boolean reported(String problem, Mark mark, String path) {
    if (problem == null) {
      return true;
    }
    problems.add(mark, path, problem);
    return false;
  }

  /** The value when {@code check} finds nothing wrong; null after reporting what it found. */
  private String checked(String value, java.util.function.Function<String, String> check,
      Node node, String path) {
    if (value == null) {
      return null;
    }
    String problem = check.apply(value);
    return problem == null ? value : fail(node, path, problem);
  }

  private <T> T fail(Node node, String path, String message) {
    problems.add(node.mark(), path, message);
    return null;
  }
}
