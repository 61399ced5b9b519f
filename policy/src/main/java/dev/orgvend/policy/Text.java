package dev.orgvend.policy;

import java.util.Collection;
import java.util.Locale;

/**
 * Text helpers for messages: quoting values from policy files so they can never carry terminal
 * control sequences, and "did you mean" suggestions.
 */
public final class Text {
  /** Longest piece of a value a message repeats; the rest is cut off. */
  static final int QUOTE_LIMIT = 80;

  private static final int MAX_SUGGESTED_LENGTH = 128;

  private Text() {}

  /** The value in double quotes, invisible characters escaped, long values cut short. */
  public static String quote(String value) {
    return "\"" + escaped(value, QUOTE_LIMIT, true) + "\"";
  }

  /** The value with invisible characters escaped, not cut, without quotes (file names). */
  public static String printable(String value) {
    return escaped(value, Integer.MAX_VALUE, false);
  }

  private static String escaped(String value, int limit, boolean quoted) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < value.length(); ) {
      if (shown == limit) {
        out.append('…');
        break;
      }
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      shown++;
      switch (cp) {
        case '"' -> out.append(quoted ? "\\\"" : "\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (isInvisible(cp)) {
            out.append(String.format("\\u%04X", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
  }

  /**
   * The candidate closest to {@code typed}, ignoring case, when it is close enough to be a likely
   * typo; null otherwise. Ties go to the earlier candidate.
   */
  public static String suggest(String typed, Collection<String> candidates) {
    if (typed.length() > MAX_SUGGESTED_LENGTH) {
      return null;
    }
    String lowered = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (Math.abs(candidate.length() - typed.length()) > Math.max(1, candidate.length() / 3)) {
        continue;
      }
      int distance = distance(lowered, candidate.toLowerCase(Locale.ROOT));
      int allowed = Math.max(1, candidate.length() / 3);
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Edit distance with swaps of neighbours (optimal string alignment). */
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
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
