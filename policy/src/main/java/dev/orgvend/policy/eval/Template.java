package dev.orgvend.policy.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy value that may hold policy variables ({@code ${aws:PrincipalTag/team}}, with an
 * optional default: {@code ${aws:PrincipalTag/team, 'none'}}), see "IAM policy elements:
 * Variables and tags". {@code ${*}}, {@code ${?}} and {@code ${$}} stand for those characters
 * written literally. With the old policy version, or where variables are not allowed, the
 * whole value is plain text.
 */
final class Template {
  /** A variable: the context key (lower case) and its default, or null. */
  record Variable(String key, String written, String fallback) {}

  private final List<Object> parts;
  private final boolean variables;

  private Template(List<Object> parts) {
    this.parts = parts;
    this.variables = parts.stream().anyMatch(p -> p instanceof Variable);
  }

  static Template plain(String value) {
    return new Template(List.of(value));
  }

  static Template parse(String value, boolean variablesAllowed) {
    if (!variablesAllowed || !value.contains("${")) {
      return plain(value);
    }
    List<Object> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      int start = value.indexOf("${", i);
      int end = start < 0 ? -1 : value.indexOf('}', start + 2);
      if (start < 0 || end < 0) {
        text.append(value, i, value.length());
        break;
      }
      text.append(value, i, start);
      String inner = value.substring(start + 2, end);
      if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
        if (text.length() > 0) {
          parts.add(text.toString());
          text.setLength(0);
        }
        parts.add(new Variable(null, inner, inner));
      } else {
        if (text.length() > 0) {
          parts.add(text.toString());
          text.setLength(0);
        }
        parts.add(variable(inner));
      }
      i = end + 1;
    }
    if (text.length() > 0) {
      parts.add(text.toString());
    }
    return new Template(List.copyOf(parts));
  }

  private static Variable variable(String inner) {
    int comma = inner.indexOf(',');
    String key = (comma < 0 ? inner : inner.substring(0, comma)).trim();
    String fallback = null;
    if (comma >= 0) {
      String d = inner.substring(comma + 1).trim();
      fallback = d.length() >= 2 && d.startsWith("'") && d.endsWith("'")
          ? d.substring(1, d.length() - 1) : d;
    }
    return new Variable(key.toLowerCase(Locale.ROOT), key, fallback);
  }

  boolean hasVariables() {
    return variables;
  }

  /** The variables' context keys as written, for lint. */
  List<String> variableKeys() {
    return parts.stream().filter(p -> p instanceof Variable v && v.key() != null)
        .map(p -> ((Variable) p).written()).toList();
  }

  /** The text when there are no variables to put in. */
  PatternText text() {
    return resolve(null);
  }

  /**
   * The value with every variable put in from {@code context}; null when a variable has no
   * value and no default, which makes the statement not apply ("IAM policy elements: Variables
   * and tags": a key that is not present causes the statement to be invalid).
   */
  PatternText resolve(RequestContext context) {
    StringBuilder chars = new StringBuilder();
    List<int[]> literalRuns = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof String s) {
        chars.append(s);
        continue;
      }
      Variable v = (Variable) part;
      String value;
      if (v.key() == null) {
        value = v.fallback();
      } else {
        String found = context == null ? null : context.singleValue(v.key());
        value = found != null ? found : v.fallback();
        if (value == null) {
          return null;
        }
      }
      literalRuns.add(new int[] {chars.length(), chars.length() + value.length()});
      chars.append(value);
    }
    boolean[] fromVariable = new boolean[chars.length()];
    for (int[] run : literalRuns) {
      for (int k = run[0]; k < run[1]; k++) {
        fromVariable[k] = true;
      }
    }
    return new PatternText(chars.toString(), fromVariable);
  }
}
