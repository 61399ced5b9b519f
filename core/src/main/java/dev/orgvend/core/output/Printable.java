package dev.orgvend.core.output;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * The one place where text from AWS or from a file is made safe to show: every character that
 * could act on a terminal or fool a reader instead of being read is written as a visible escape.
 * That is C0 and C1 control characters and DEL (ESC starts terminal commands, CR and LF forge
 * lines, U+0085 is a line break too), line and paragraph separators, format characters (the
 * bidirectional overrides and isolates U+202A-U+202E and U+2066-U+2069, the marks U+200E,
 * U+200F and U+061C, zero-width characters), lone surrogates and unassigned code points.
 *
 * <pre>{@code
 * Printable.of("Evil" + (char) 27 + "[2J")   // Evil\x1b[2J
 * Printable.quote("a \"b\"")                 // "a \"b\""
 * }</pre>
 *
 * <p>Terminal text and logs use {@link #of}, messages that quote a value use {@link #quote},
 * XML and HTML reports use {@link #xml}, and JSON output uses {@link #jsonEscapes}, which keeps
 * the value intact for a JSON reader while a terminal showing the JSON sees escapes instead.
 */
public final class Printable {
  /** Longest piece of a value that {@link #quote} repeats; the rest is cut off. */
  public static final int QUOTE_LIMIT = 64;

  private Printable() {}

  /** Whether the code point must be escaped before it is shown. */
  public static boolean isUnsafe(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED -> true;
      default -> false;
    };
  }

  /** The first code point of {@code text} that {@link #isUnsafe} is true for, or -1. */
  public static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isUnsafe(cp)) {
        return cp;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /** {@code U+001B}: how messages name a code point. */
  public static String name(int cp) {
    return String.format(Locale.ROOT, "U+%04X", cp);
  }

  /** The text with every unsafe character escaped; {@code "null"} for null. */
  public static String of(String text) {
    if (text == null) {
      return "null";
    }
    if (firstUnsafe(text) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      append(out, cp);
    }
    return out.toString();
  }

  /** {@link #of} of the value's {@code toString()}. */
  public static String of(Object value) {
    return of(value == null ? null : value.toString());
  }

  /**
   * The value in double quotes for a message: quotes and backslashes escaped as well, so the
   * quoted text cannot seem to end early, and cut after {@link #QUOTE_LIMIT} code points.
   */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    int shown = 0;
    for (int i = 0; i < value.length(); ) {
      if (shown == QUOTE_LIMIT) {
        out.append('…');
        break;
      }
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      shown++;
      if (cp == '"' || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else {
        append(out, cp);
      }
    }
    return out.append('"').toString();
  }

  /**
   * Text for an XML 1.0 or HTML element or quoted attribute: unsafe characters escaped as by
   * {@link #of} (so the result holds only characters XML 1.0 allows), then markup characters
   * written as entities.
   */
  public static String xml(String text) {
    if (text == null) {
      return "";
    }
    String safe = of(text);
    StringBuilder out = new StringBuilder(safe.length() + 16);
    for (int i = 0; i < safe.length(); i++) {
      char c = safe.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Escapes for Jackson's JSON generators: the unsafe characters become {@code \\uXXXX}, which
   * any JSON reader turns back into the same text. Surrogates are escaped one UTF-16 unit at a
   * time, which keeps pairs valid and makes lone ones writable.
   */
  public static CharacterEscapes jsonEscapes() {
    return JsonEscapes.INSTANCE;
  }

  private static void append(StringBuilder out, int cp) {
    if (!isUnsafe(cp)) {
      out.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (cp <= 0xFF) {
          out.append(String.format(Locale.ROOT, "\\x%02x", cp));
        } else if (cp <= 0xFFFF) {
          out.append(String.format(Locale.ROOT, "\\u%04x", cp));
        } else {
          out.append(String.format(Locale.ROOT, "\\U%08x", cp));
        }
      }
    }
  }

  private static final class JsonEscapes extends CharacterEscapes {
    static final JsonEscapes INSTANCE = new JsonEscapes();
    private final int[] ascii;

    private JsonEscapes() {
      ascii = standardAsciiEscapesForJSON();
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      boolean unsafe = Character.isSurrogate((char) ch) || isUnsafe(ch);
      return unsafe ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
    }
  }
}
