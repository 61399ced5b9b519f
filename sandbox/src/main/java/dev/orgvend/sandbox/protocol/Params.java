package dev.orgvend.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed, validating access to a request's members. Each service supplies {@link Rules} that turn
 * a {@link Violation} into the error that service really answers (Organizations says {@code
 * InvalidInputException} with a Reason, IAM says {@code ValidationError}, SNS {@code
 * InvalidParameter}…), so operation code only states the constraints.
 */
public final class Params {

  /** How a service reports bad input. */
  @FunctionalInterface
  public interface Rules {
    AwsException reject(Violation violation);
  }

  public enum Kind {
    MISSING,
    TOO_SHORT,
    TOO_LONG,
    PATTERN,
    ENUM,
    TOO_SMALL,
    TOO_LARGE,
    WRONG_TYPE,
    TOO_MANY
  }

  /**
   * What was wrong: which member, its value (null if absent), and the broken constraint, worded
   * to follow "must" ({@code "have length less than or equal to 64"}, {@code "not be null"}), as
   * AWS's "Member must …" messages are.
   */
  public record Violation(String member, String value, Kind kind, String constraint) {}

  private final ObjectNode input;
  private final Rules rules;

  public Params(ObjectNode input, Rules rules) {
    this.input = input;
    this.rules = rules;
  }

  public Rules rules() {
    return rules;
  }

  public boolean has(String member) {
    JsonNode node = input.get(member);
    return node != null && !node.isNull();
  }

  public Text text(String member) {
    return new Text(member, node(member));
  }

  public Num integer(String member) {
    return new Num(member, node(member));
  }

  /**
   * A floating-point member (CloudWatch's {@code Threshold}); null when absent. Query clients send
   * it as text, JSON clients as a number; infinities and NaN are rejected.
   */
  public Double decimal(String member) {
    JsonNode node = node(member);
    if (node == null) {
      return null;
    }
    double value;
    if (node.isNumber()) {
      value = node.doubleValue();
    } else {
      try {
        value = Double.parseDouble(node.asText().trim());
      } catch (NumberFormatException e) {
        throw rules.reject(new Violation(member, node.asText(), Kind.WRONG_TYPE, "be a number"));
      }
    }
    if (!Double.isFinite(value)) {
      throw rules.reject(
          new Violation(member, node.asText(), Kind.WRONG_TYPE, "be a finite number"));
    }
    return value;
  }

  public boolean bool(String member, boolean fallback) {
    JsonNode node = node(member);
    if (node == null) {
      return fallback;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.asText();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw rules.reject(new Violation(member, text, Kind.WRONG_TYPE, "be true or false"));
  }

  /** A list member; absent means empty. Items are raw nodes (objects or scalars). */
  public List<JsonNode> list(String member, int max) {
    JsonNode node = node(member);
    List<JsonNode> items = new ArrayList<>();
    if (node == null || (node.isTextual() && node.asText().isEmpty())) {
      return items;
    }
    if (!node.isArray()) {
      throw rules.reject(new Violation(member, node.asText(), Kind.WRONG_TYPE, "be a list"));
    }
    node.forEach(items::add);
    if (items.size() > max) {
      throw rules.reject(
          new Violation(member, String.valueOf(items.size()), Kind.TOO_MANY,
              "have length less than or equal to " + max));
    }
    return items;
  }

  /** A list of strings; absent means empty. */
  public List<String> strings(String member, int max) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : list(member, max)) {
      if (!item.isValueNode()) {
        throw rules.reject(new Violation(member, null, Kind.WRONG_TYPE, "be a list of strings"));
      }
      out.add(item.asText());
    }
    return out;
  }

  /** A string-to-string map; absent means empty. */
  public Map<String, String> map(String member) {
    JsonNode node = node(member);
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (!node.isObject()) {
      throw rules.reject(new Violation(member, node.asText(), Kind.WRONG_TYPE, "be a map"));
    }
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** A nested structure, validated with the same rules; absent gives an empty one. */
  public Params struct(String member) {
    JsonNode node = node(member);
    if (node == null) {
      return new Params(Nodes.object(), rules);
    }
    if (!node.isObject()) {
      throw rules.reject(new Violation(member, node.asText(), Kind.WRONG_TYPE, "be a structure"));
    }
    return new Params((ObjectNode) node, rules);
  }

  /** Wraps an item of a list of structures. */
  public Params of(JsonNode item, String member) {
    if (!item.isObject()) {
      throw rules.reject(new Violation(member, item.asText(), Kind.WRONG_TYPE, "be a structure"));
    }
    return new Params((ObjectNode) item, rules);
  }

  private JsonNode node(String member) {
    JsonNode node = input.get(member);
    return node == null || node.isNull() ? null : node;
  }

  /** A string member under validation. */
  public final class Text {
    private final String member;
    private final String value;
    private final boolean present;

    Text(String member, JsonNode node) {
      this.member = member;
      this.present = node != null;
      if (node != null && !node.isValueNode()) {
        throw rules.reject(new Violation(member, null, Kind.WRONG_TYPE, "be a string"));
      }
      this.value = node == null ? null : node.asText();
    }

    public Text required() {
      if (!present) {
        throw rules.reject(new Violation(member, null, Kind.MISSING, "not be null"));
      }
      return this;
    }

    public Text length(int min, int max) {
      if (present) {
        int n = value.codePointCount(0, value.length());
        if (n < min) {
          throw rules.reject(
              new Violation(member, value, Kind.TOO_SHORT, "have length greater than or equal to " + min));
        }
        if (n > max) {
          throw rules.reject(
              new Violation(member, value, Kind.TOO_LONG, "have length less than or equal to " + max));
        }
      }
      return this;
    }

    public Text pattern(Pattern pattern) {
      if (present && !pattern.matcher(value).matches()) {
        throw rules.reject(
            new Violation(
                member, value, Kind.PATTERN, "satisfy regular expression pattern: " + pattern));
      }
      return this;
    }

    public Text oneOf(Collection<String> allowed) {
      if (present && !allowed.contains(value)) {
        throw rules.reject(
            new Violation(member, value, Kind.ENUM, "satisfy enum value set: " + allowed));
      }
      return this;
    }

    /** The value, or null when absent. */
    public String get() {
      return value;
    }

    public String orElse(String fallback) {
      return present ? value : fallback;
    }
  }

  /** An integer member under validation. */
  public final class Num {
    private final String member;
    private final Long value;

    Num(String member, JsonNode node) {
      this.member = member;
      if (node == null) {
        value = null;
      } else if (node.isIntegralNumber()) {
        value = node.longValue();
      } else {
        try {
          value = Long.parseLong(node.asText().trim());
        } catch (NumberFormatException e) {
          throw rules.reject(new Violation(member, node.asText(), Kind.WRONG_TYPE, "be a whole number"));
        }
      }
    }

    public Num required() {
      if (value == null) {
        throw rules.reject(new Violation(member, null, Kind.MISSING, "not be null"));
      }
      return this;
    }

    public Num range(long min, long max) {
      if (value != null && value < min) {
        throw rules.reject(
            new Violation(member, value.toString(), Kind.TOO_SMALL, "have value greater than or equal to " + min));
      }
      if (value != null && value > max) {
        throw rules.reject(
            new Violation(member, value.toString(), Kind.TOO_LARGE, "have value less than or equal to " + max));
      }
      return this;
    }

    public Integer get() {
      return value == null ? null : value.intValue();
    }

    public int orElse(int fallback) {
      return value == null ? fallback : value.intValue();
    }
  }
}
