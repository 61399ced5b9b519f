package dev.orgvend.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A condition operator as IAM reads it: an optional set qualifier ({@code ForAnyValue:} or
 * {@code ForAllValues:}), a comparison, and an optional {@code IfExists} suffix. See "IAM JSON
 * policy elements: Condition operators" in the IAM User Guide.
 */
public record ConditionOperator(SetQualifier qualifier, Comparison comparison, boolean ifExists) {

  /** How the values of a multivalued key are combined. */
  public enum SetQualifier {
    NONE(""),
    FOR_ANY_VALUE("ForAnyValue:"),
    FOR_ALL_VALUES("ForAllValues:");

    private final String prefix;

    SetQualifier(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /** The kind of value a comparison reads. */
  public enum Family { STRING, NUMERIC, DATE, BOOL, BINARY, IP_ADDRESS, ARN, NULL }

  /** The comparisons; a negated one is true when its positive twin matches none of the values. */
  public enum Comparison {
    STRING_EQUALS("StringEquals", Family.STRING, null),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, STRING_EQUALS),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, null),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING,
        STRING_EQUALS_IGNORE_CASE),
    STRING_LIKE("StringLike", Family.STRING, null),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, STRING_LIKE),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, null),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, NUMERIC_EQUALS),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, null),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, null),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, null),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, null),
    DATE_EQUALS("DateEquals", Family.DATE, null),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, DATE_EQUALS),
    DATE_LESS_THAN("DateLessThan", Family.DATE, null),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, null),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, null),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, null),
    BOOL("Bool", Family.BOOL, null),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, null),
    IP_ADDRESS("IpAddress", Family.IP_ADDRESS, null),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP_ADDRESS, IP_ADDRESS),
    ARN_EQUALS("ArnEquals", Family.ARN, null),
    ARN_LIKE("ArnLike", Family.ARN, null),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, ARN_EQUALS),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, ARN_LIKE),
    NULL("Null", Family.NULL, null);

    private final String json;
    private final Family family;
    private final Comparison negates;

    Comparison(String json, Family family, Comparison negates) {
      this.json = json;
      this.family = family;
      this.negates = negates;
    }

    public String json() {
      return json;
    }

    public Family family() {
      return family;
    }

    /** True for the "Not" comparisons: true when the key is absent, NOR over the values. */
    public boolean negated() {
      return negates != null;
    }

    /** The comparison a negated one negates; itself for a positive one. */
    public Comparison positive() {
      return negates == null ? this : negates;
    }
  }

  private static final Map<String, Comparison> BY_NAME = new HashMap<>();

  static {
    for (Comparison c : Comparison.values()) {
      BY_NAME.put(c.json.toLowerCase(Locale.ROOT), c);
    }
  }

  /**
   * The operator named {@code name} (ignoring case, as IAM does), or null when it is not an
   * operator. {@code Null} takes no {@code IfExists}.
   */
  public static ConditionOperator parse(String name) {
    String rest = name.toLowerCase(Locale.ROOT);
    SetQualifier qualifier = SetQualifier.NONE;
    for (SetQualifier q : SetQualifier.values()) {
      String prefix = q.prefix.toLowerCase(Locale.ROOT);
      if (q != SetQualifier.NONE && rest.startsWith(prefix)) {
        qualifier = q;
        rest = rest.substring(prefix.length());
      }
    }
    boolean ifExists = false;
    Comparison comparison = BY_NAME.get(rest);
    if (comparison == null && rest.endsWith("ifexists")) {
      comparison = BY_NAME.get(rest.substring(0, rest.length() - "ifexists".length()));
      ifExists = true;
    }
    if (comparison == null || (ifExists && comparison == Comparison.NULL)) {
      return null;
    }
    return new ConditionOperator(qualifier, comparison, ifExists);
  }

  /** The canonical spelling, e.g. {@code ForAnyValue:StringLikeIfExists}. */
  public String json() {
    return qualifier.prefix + comparison.json + (ifExists ? "IfExists" : "");
  }

  /** All base operator names, for suggestions. */
  public static java.util.List<String> names() {
    return java.util.Arrays.stream(Comparison.values()).map(Comparison::json).toList();
  }
}
