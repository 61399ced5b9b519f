package dev.orgvend.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgvend.core.output.Printable;
import dev.orgvend.core.spec.BaselineValidator.Issue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a component's settings out of the spec's JSON tree, recording an {@link Issue} (with a
 * JSON Pointer to the offending value) instead of throwing. Each getter returns null after a
 * report, or when an optional key is absent or null, as elsewhere in the spec.
 */
public final class ConfigReader {
  private final JsonNode node;
  private final String pointer;
  private final List<Issue> issues;

  private ConfigReader(JsonNode node, String pointer, List<Issue> issues) {
    this.node = node;
    this.pointer = pointer;
    this.issues = issues;
  }

  /** A reader over a component's whole settings value, collecting issues into {@code issues}. */
  public static ConfigReader of(JsonNode settings, List<Issue> issues) {
    return new ConfigReader(settings, "", issues);
  }

  /** The raw value, for components whose settings are a single scalar. */
  public JsonNode node() {
    return node;
  }

  /** Whether nothing has been reported so far, by this reader or any other on the same list. */
  public boolean clean() {
    return issues.isEmpty();
  }

  /** Reports a problem with the value as a whole. */
  public void problem(String message) {
    issues.add(new Issue(pointer, message));
  }

  /** Reports a problem with the value under {@code key}. */
  public void problem(String key, String message) {
    issues.add(new Issue(at(key), message));
  }

  /**
   * Checks that the value is a mapping whose keys are all among {@code allowed}; false (after a
   * report) when it is not a mapping. Unknown keys are reported and otherwise ignored.
   */
  public boolean mapping(String... allowed) {
    if (node == null || !node.isObject()) {
      problem("expected a mapping of settings (" + String.join(", ", allowed) + "), found "
          + kind(node));
      return false;
    }
    List<String> known = Arrays.asList(allowed);
    node.fieldNames().forEachRemaining(key -> {
      if (!known.contains(key)) {
        String likely = closest(key, known);
        issues.add(new Issue(at(key), likely != null
            ? "unknown setting; did you mean \"" + likely + "\"?"
            : "unknown setting; expected one of: " + String.join(", ", allowed), true));
      }
    });
    return true;
  }

  /** The known key a typo most likely meant: at most a third of its letters off. */
  private static String closest(String typed, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(typed.toLowerCase(java.util.Locale.ROOT),
          k.toLowerCase(java.util.Locale.ROOT));
      if (d <= Math.max(1, k.length() / 3) && d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance, for short keys only. */
  private static int distance(String a, String b) {
    if (a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** A nested mapping, or null when absent (or null, or reported as not a mapping). */
  public ConfigReader child(String key, String... allowed) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    ConfigReader child = new ConfigReader(value, at(key), issues);
    return child.mapping(allowed) ? child : null;
  }

  public boolean has(String key) {
    return value(key) != null;
  }

  /** A string, or null when absent; reported when not a string. */
  public String text(String key) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      problem(key, "expected a string, found " + kind(value));
      return null;
    }
    return value.asText();
  }

  /** A string that, when present, has {@code min..max} characters and matches {@code pattern}. */
  public String text(String key, int min, int max, Pattern pattern, String what) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    if (text.length() < min || text.length() > max) {
      problem(key, quote(text) + " is " + text.length() + " characters long; " + what
          + " takes " + min + " to " + max);
      return null;
    }
    if (pattern != null && !pattern.matcher(text).matches()) {
      problem(key, quote(text) + " is not a valid " + what);
      return null;
    }
    return text;
  }

  /**
   * A string that passes {@code check}, one of the {@code AwsValues} checks (null when the
   * value is fine, else what is wrong with it); null when absent or reported.
   */
  public String checked(String key, java.util.function.Function<String, String> check) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    String problem = check.apply(text);
    if (problem != null) {
      problem(key, problem);
      return null;
    }
    return text;
  }

  /** One string or a list of strings; null when absent. */
  public List<String> texts(String key) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (!value.isArray() || value.isEmpty()) {
      problem(key, "expected a string or a non-empty list of strings, found " + kind(value));
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        issues.add(new Issue(at(key) + "/" + i, "expected a string, found " + kind(item)));
        return null;
      }
      out.add(item.asText());
    }
    return out;
  }

  /** A number within {@code min..max}; null when absent. */
  public Double number(String key, double min, double max) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      problem(key, "expected a number, found " + kind(value));
      return null;
    }
    double d = value.asDouble();
    if (!Double.isFinite(d) || d < min || d > max) {
      problem(key, value.asText() + " is out of range; expected " + plain(min) + " to "
          + plain(max));
      return null;
    }
    return d;
  }

  /** A whole number within {@code min..max}; null when absent. */
  public Integer integer(String key, int min, int max) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      problem(key, "expected a whole number, found " + kind(value));
      return null;
    }
    if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
      problem(key, value.asText() + " is out of range; expected " + min + " to " + max);
      return null;
    }
    return value.asInt();
  }

  /** true or false; null when absent. */
  public Boolean bool(String key) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      problem(key, "expected true or false, found " + kind(value));
      return null;
    }
    return value.asBoolean();
  }

  /** The keys present, in spec order. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    if (node != null && node.isObject()) {
      node.fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private JsonNode value(String key) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  private String at(String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  private static String kind(JsonNode value) {
    if (value == null || value.isNull()) {
      return "nothing";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    return value.isIntegralNumber() ? "an integer" : "a number";
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** Quotes a user value for a message, cut short and with invisible characters escaped. */
  static String quote(String value) {
    return Printable.quote(value);
  }
}
