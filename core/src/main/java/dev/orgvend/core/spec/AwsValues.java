package dev.orgvend.core.spec;

import java.util.regex.Pattern;

/**
 * AWS's limits on single values as pure checks, shared by the spec loader (which reports at the
 * value's line), the baseline components (whose settings the loader checks) and saved plans
 * (which report at the value's JSON path): the one place for AWS value rules. Lengths and
 * patterns are those of the API models (Organizations CreateAccount, CreateOrganizationalUnit and
 * Tag; Account PutAlternateContact; SNS CreateTopic and Subscribe; CloudWatch PutMetricAlarm;
 * IAM CreateAccountAlias). orgvend is stricter where AWS takes anything: no value may hold a
 * control or invisible character, tabs and line breaks included. Each check returns what is
 * wrong in one sentence that quotes the value safely, or null when the value is fine.
 */
public final class AwsValues {
  /** Longest string a spec or a saved plan may hold. */
  public static final int MAX_STRING = 4096;

  private static final Pattern ACCOUNT_NAME = Pattern.compile(AwsRules.ACCOUNT_NAME_PATTERN);
  private static final Pattern EMAIL = Pattern.compile(AwsRules.EMAIL_PATTERN);
  private static final Pattern ROLE_NAME = Pattern.compile(AwsRules.ROLE_NAME_PATTERN);
  private static final Pattern TAG_TEXT = Pattern.compile(AwsRules.TAG_TEXT_PATTERN);
  private static final Pattern TAG_CHAR = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+@-]");
  private static final Pattern CONTACT_EMAIL = Pattern.compile("[\\w+=.#|!&-]+@[\\w.-]+\\.\\w+");
  private static final Pattern CONTACT_PHONE = Pattern.compile("[\\s0-9()+-]+");
  private static final Pattern ALARM_EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern ACCOUNT_ALIAS =
      Pattern.compile("^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");

  private AwsValues() {}

  /** The value in double quotes, escaped and cut short so it cannot disturb a terminal. */
  public static String quote(String value) {
    return Text.quote(value);
  }

  /**
   * A value over {@link #MAX_STRING} or with a control or invisible character (tabs and line
   * breaks included: every value is one line of text); {@code container} names what holds it,
   * e.g. "spec".
   */
  public static String unsafe(String text, String container) {
    if (text.length() > MAX_STRING) {
      return "is " + text.length() + " characters long; no value in a " + container
          + " may be longer than " + MAX_STRING;
    }
    int bad = Text.forbiddenChar(text);
    if (bad >= 0) {
      return Text.quote(text) + " contains " + Text.describe(bad) + "; remove it";
    }
    return null;
  }

  public static String accountName(String name) {
    if (name.isEmpty() || name.length() > AwsRules.ACCOUNT_NAME_MAX) {
      return "account name " + Text.quote(name) + " is " + name.length()
          + " characters long; AWS allows 1 to " + AwsRules.ACCOUNT_NAME_MAX;
    }
    if (!ACCOUNT_NAME.matcher(name).matches()) {
      return "account name " + Text.quote(name)
          + " may only contain printable ASCII characters (space to ~)";
    }
    return null;
  }

  public static String email(String email) {
    if (email.length() < AwsRules.EMAIL_MIN || email.length() > AwsRules.EMAIL_MAX) {
      return "e-mail address " + Text.quote(email) + " is " + email.length()
          + " characters long; AWS requires " + AwsRules.EMAIL_MIN + " to " + AwsRules.EMAIL_MAX;
    }
    if (!EMAIL.matcher(email).matches()) {
      return Text.quote(email) + " is not a valid e-mail address";
    }
    return null;
  }

  public static String roleName(String role) {
    if (!ROLE_NAME.matcher(role).matches()) {
      return Text.quote(role) + " is not a valid IAM role name (1 to 64 letters, digits and"
          + " + = , . @ _ -)";
    }
    return null;
  }

  /**
   * An OU's own name. AWS takes any character (CreateOrganizationalUnit's pattern is
   * {@code [\s\S]*}); orgvend refuses control and invisible characters, as in every value, and
   * the path separator.
   */
  public static String ouName(String name) {
    int bad = Text.forbiddenChar(name);
    if (bad >= 0) {
      return "OU name " + Text.quote(name) + " contains " + Text.describe(bad) + "; remove it";
    }
    if (name.isEmpty() || name.length() > AwsRules.OU_NAME_MAX) {
      return "OU name " + Text.quote(name) + " is " + name.length()
          + " characters long; AWS allows 1 to " + AwsRules.OU_NAME_MAX;
    }
    if (name.indexOf(OuPath.SEPARATOR) >= 0) {
      return "OU name " + Text.quote(name) + " contains '/', which orgvend uses to separate OU"
          + " names in paths; nest the OU under units instead";
    }
    return null;
  }

  /** A written OU path: well formed, and every name in it within AWS's limits. */
  public static String ouPath(String text) {
    String reason = OuPath.invalidReason(text);
    if (reason != null) {
      return Text.quote(text) + " is not an OU path: " + reason;
    }
    for (String name : OuPath.parse(text).segments()) {
      String problem = ouName(name);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  public static String tagKey(String key) {
    if (key.regionMatches(true, 0, AwsRules.RESERVED_TAG_PREFIX, 0,
        AwsRules.RESERVED_TAG_PREFIX.length())) {
      return "tag keys starting with \"aws:\" are reserved for AWS";
    }
    return tagText("tag key", key, 1, AwsRules.TAG_KEY_MAX);
  }

  public static String tagValue(String value) {
    return tagText("tag value", value, 0, AwsRules.TAG_VALUE_MAX);
  }

  private static String tagText(String what, String text, int min, int max) {
    if (text.length() < min || text.length() > max) {
      return what + " " + Text.quote(text) + " is " + text.length()
          + " characters long; AWS allows " + min + " to " + max;
    }
    if (TAG_TEXT.matcher(text).matches()) {
      return null;
    }
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!TAG_CHAR.matcher(Character.toString(cp)).matches()) {
        return what + " " + Text.quote(text) + " contains " + Text.quote(Character.toString(cp))
            + "; AWS allows only letters, digits, spaces and _ . : / = + - @ in tags";
      }
    }
    return null;
  }

  // Alternate contacts: PutAlternateContact in the Account Management API. AWS puts no pattern
  // on the name and title and allows blanks around the address and in the phone number; orgvend
  // takes no control characters anywhere (see unsafe) and no blanks around the address.

  public static String contactName(String name) {
    return text("contact name", name, 1, 64, null, null);
  }

  public static String contactTitle(String title) {
    return text("contact title", title, 1, 50, null, null);
  }

  public static String contactEmail(String email) {
    return text("contact e-mail address", email, 1, 254, CONTACT_EMAIL,
        "an address such as security@example.com");
  }

  public static String contactPhone(String phone) {
    return text("phone number", phone, 1, 25, CONTACT_PHONE, "digits, spaces, ( ) + and -");
  }

  // The billing alarm: SNS Subscribe (an e-mail endpoint), SNS CreateTopic, CloudWatch
  // PutMetricAlarm (AlarmName 1-255, AlarmDescription 0-1024, a dimension value).

  public static String alarmEmail(String email) {
    String problem = text("e-mail address", email, 3, 254, null, null);
    if (problem == null && !ALARM_EMAIL.matcher(email).matches()) {
      return Text.quote(email) + " is not an e-mail address";
    }
    return problem;
  }

  public static String topicName(String name) {
    return text("SNS topic name", name, 1, 256, TOPIC_NAME, "letters, digits, - and _");
  }

  public static String alarmName(String name) {
    return text("alarm name", name, 1, 255, null, null);
  }

  public static String alarmDescription(String description) {
    return text("alarm description", description, 0, 1024, null, null);
  }

  public static String currency(String code) {
    return text("currency code", code, 3, 3, CURRENCY, "three capital letters, e.g. USD");
  }

  /** An IAM account alias (CreateAccountAlias). */
  public static String accountAlias(String alias) {
    return text("account alias", alias, 3, 63, ACCOUNT_ALIAS, "lower-case letters, digits and"
        + " dashes, starting and ending with a letter or digit, with no two dashes in a row");
  }

  /**
   * The checks every AWS string shares: no control or invisible character, a length in
   * {@code min..max} characters and, when given, the {@code pattern} that {@code shape} describes.
   */
  private static String text(String what, String value, int min, int max, Pattern pattern,
      String shape) {
    int bad = Text.forbiddenChar(value);
    if (bad >= 0) {
      return what + " " + Text.quote(value) + " contains " + Text.describe(bad) + "; remove it";
    }
    if (value.length() < min || value.length() > max) {
      return what + " " + Text.quote(value) + " is " + value.length() + " characters long; AWS"
          + " allows " + (min == max ? "exactly " + min : min + " to " + max);
    }
    if (pattern != null && !pattern.matcher(value).matches()) {
      return Text.quote(value) + " is not a valid " + what + " (" + shape + ")";
    }
    return null;
  }
}
