package dev.orgvend.sandbox.http;

/**
 * Makes text a client sent safe to print on one terminal line: control characters (C0, DEL, C1),
 * and the invisible and bidirectional formatting characters that can make a line read as
 * something else, become {@code \\uXXXX}; a backslash becomes two. Long text is cut.
 */
final class LogText {
  static final int MAX_LENGTH = 200;

  private LogText() {}

  static String escape(String text) {
    if (text == null) {
      return "-";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
    int shown = 0;
    for (int i = 0; i < text.length(); i++) {
      if (shown == MAX_LENGTH) {
        out.append('…');
        break;
      }
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (hidden(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
      shown++;
    }
    return out.toString();
  }

  /** Characters that do not show as themselves on a terminal. */
  static boolean hidden(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c' // Arabic letter mark
        || (c >= '\u200b' && c <= '\u200f') // zero-width spaces and joiners, LRM, RLM
        || (c >= '\u2028' && c <= '\u202e') // line and paragraph separators, bidi embeddings
        || (c >= '\u2060' && c <= '\u2069') // word joiner, invisible operators, bidi isolates
        || c == '\ufeff'; // byte-order mark, also a zero-width no-break space
  }
}
