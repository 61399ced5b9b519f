package dev.orgvend.core.spec;

import dev.orgvend.core.output.Printable;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text helpers for messages: safe quoting, field paths and "did you mean" suggestions. */
final class Text {
  /** Longest piece of a user value a message repeats; the rest is cut off. */
  static final int QUOTE_LIMIT = Printable.QUOTE_LIMIT;

  private static final int MAX_CANDIDATES = 2000;
  private static final int MAX_SUGGESTED_LENGTH = 160;

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

  private Text() {}

  /** The value in double quotes, escaped and cut short as {@link Printable#quote} does. */
  static String quote(String value) {
    return Printable.quote(value);
  }

  /**
   * The first character a spec value may not contain, or -1: any control character (tabs and
   * line breaks too: every spec value is a single line, and a line break in an OU name would be
   * shown by AWS in every listing), and the format characters that reorder or hide text.
   */
  static int forbiddenChar(String value) {
    return Printable.firstUnsafe(value);
  }

  /** {@code the control character U+000A} or {@code the invisible character U+202E}. */
  static String describe(int cp) {
    return (Character.getType(cp) == Character.CONTROL ? "the control character "
        : "the invisible character ") + Printable.name(cp);
  }

  /**
   * A number or word as written when it is short and plain (so {@code 6}, not {@code "6"}),
   * otherwise quoted as by {@link #quote}.
   */
  static String shown(String value) {
    return value.length() <= 20 && PLAIN_VALUE.matcher(value).matches() ? value : quote(value);
  }

  /**
   * {@code parent.key}, or {@code parent["odd key"]} when the key is not a short plain word.
   */
  static String keyPath(String parent, String key) {
    if (key.length() <= QUOTE_LIMIT && PLAIN_KEY.matcher(key).matches()) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "[" + quote(key) + "]";
  }

  static String indexPath(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /**
   * The candidate closest to {@code typed}, ignoring case, when it is close enough to be a likely
   * typo; null otherwise. Ties go to the earlier candidate.
   */
  static String suggest(String typed, Collection<String> candidates) {
    if (candidates.size() > MAX_CANDIDATES || typed.length() > MAX_SUGGESTED_LENGTH) {
      return null; // keeps hostile input from making us compare thousands of long strings
    }
    String lowered = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(lowered, candidate.toLowerCase(Locale.ROOT));
      int allowed = Math.max(1, candidate.length() / 3);
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * Edit distance counting insertions, deletions, substitutions and swaps of neighbours (optimal
   * string alignment), so "emial" is one edit from "email".
   */
  static int distance(String a, String b) {
    if (a.length() > MAX_SUGGESTED_LENGTH || b.length() > MAX_SUGGESTED_LENGTH) {
      return Integer.MAX_VALUE;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
