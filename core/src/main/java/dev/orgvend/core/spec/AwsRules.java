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

  private static final Pattern ACCOUNT_NAME = Pattern.compile(ACCOUNT_NAME_PATTERN);
  private static final Pattern EMAIL = Pattern.compile(EMAIL_PATTERN);
  private static final Pattern ROLE_NAME = Pattern.compile(ROLE_NAME_PATTERN);
  private static final Pattern ROLE_SESSION_NAME = Pattern.compile(ROLE_SESSION_NAME_PATTERN);
  private static final Pattern REGION = Pattern.compile(REGION_PATTERN);
  private static final Pattern TAG_TEXT = Pattern.compile(TAG_TEXT_PATTERN);
  private static final Pattern TAG_CHAR = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+@-]");

  private final Values values;
  private final Problems problems;

  AwsRules(Values values) {
    this.values = values;
    this.problems = values.problems();
  }

  String accountName(Node node, String path) {
    String name = values.string(node, path);
    if (name == null) {
      return null;
    }
    if (name.isEmpty() || name.length() > ACCOUNT_NAME_MAX) {
      return fail(node, path, "account name " + Text.quote(name) + " is " + name.length()
          + " characters long; AWS allows 1 to " + ACCOUNT_NAME_MAX);
    }
    if (!ACCOUNT_NAME.matcher(name).matches()) {
      return fail(node, path, "account name " + Text.quote(name)
          + " may only contain printable ASCII characters (space to ~)");
    }
    return name;
  }

  String email(Node node, String path) {
    String email = values.string(node, path);
    if (email == null) {
      return null;
    }
    if (email.length() < EMAIL_MIN || email.length() > EMAIL_MAX) {
      return fail(node, path, "e-mail address " + Text.quote(email) + " is " + email.length()
          + " characters long; AWS requires " + EMAIL_MIN + " to " + EMAIL_MAX);
    }
    if (!EMAIL.matcher(email).matches()) {
      return fail(node, path, Text.quote(email) + " is not a valid e-mail address");
    }
    return email;
  }

  String roleName(Node node, String path) {
    String role = values.string(node, path);
    if (role != null && !ROLE_NAME.matcher(role).matches()) {
      return fail(node, path, Text.quote(role) + " is not a valid IAM role name (1 to 64 "
          + "letters, digits and + = , . @ _ -)");
    }
    return role;
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
    String name = values.string(node, path);
    if (name == null) {
      return null;
    }
    if (name.isEmpty() || name.length() > OU_NAME_MAX) {
      return fail(node, path, "OU name " + Text.quote(name) + " is " + name.length()
          + " characters long; AWS allows 1 to " + OU_NAME_MAX);
    }
    if (name.indexOf(OuPath.SEPARATOR) >= 0) {
      return fail(node, path, "OU name " + Text.quote(name) + " contains '/', which orgvend "
          + "uses to separate OU names in paths; nest the OU under units instead");
    }
    return name;
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
      if (value == null || !tagText("tag value", value, 0, TAG_VALUE_MAX, entry.value().mark(),
          keyPath)) {
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
    if (key.regionMatches(true, 0, RESERVED_TAG_PREFIX, 0, RESERVED_TAG_PREFIX.length())) {
      problems.add(mark, path, "tag keys starting with \"aws:\" are reserved for AWS");
      return false;
    }
    return tagText("tag key", key, 1, TAG_KEY_MAX, mark, path);
  }

  private boolean tagText(String what, String text, int min, int max, Mark mark, String path) {
    if (text.length() < min || text.length() > max) {
      problems.add(mark, path, what + " " + Text.quote(text) + " is " + text.length()
          + " characters long; AWS allows " + min + " to " + max);
      return false;
    }
    if (TAG_TEXT.matcher(text).matches()) {
      return true;
    }
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!TAG_CHAR.matcher(Character.toString(cp)).matches()) {
        problems.add(mark, path, what + " " + Text.quote(text) + " contains "
            + Text.quote(Character.toString(cp)) + "; AWS allows only letters, digits, spaces "
            + "and _ . : / = + - @ in tags");
        break;
      }
    }
    return false;
  }

  private <T> T fail(Node node, String path, String message) {
    problems.add(node.mark(), path, message);
    return null;
  }
}
