package dev.orgvend.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.orgvend.core.output.Printable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JSON or YAML syntax error says, without the input's own text. A file given by mistake
 * (a credentials file as the plan, a secret pasted into the spec) must not have its content
 * repeated on the terminal, where logs and CI keep it: parsers quote the token they choke on
 * ({@code Unrecognized token 'wJalrXUtnFEMI...'}), so orgvend says what kind of token it was and
 * where, never which.
 */
public final class SyntaxErrors {
  /** Jackson's {@code Unexpected character ('x' (code 120))}. */
  private static final Pattern CHARACTER_CODE = Pattern.compile("\\(code (\\d+)\\)");
  /** A quoted fragment in a SnakeYAML problem. */
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
  /** SnakeYAML quotes token ids ({@code <block end>}) and single characters ({@code \t(TAB)}). */
  private static final Pattern HARMLESS = Pattern.compile("<[a-z ]+>|\\\\?.(\\([A-Z]+\\))?");

  private SyntaxErrors() {}

  /** Why JSON did not parse, in orgvend's words; no part of the input is repeated. */
  public static String json(JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (m.startsWith("Unrecognized token") || m.startsWith("Non-standard token")) {
      return "a bare word where a JSON value belongs (text must be in double quotes; the only"
          + " bare words are true, false and null)";
    }
    if (m.startsWith("Unexpected character")) {
      return "unexpected " + character(m) + expectation(m);
    }
    if (m.startsWith("Unexpected end-of-input")) {
      return "the JSON ends too early" + (m.contains("close marker for Object")
          ? ": an object is not closed" : m.contains("close marker for Array")
          ? ": a list is not closed" : m.contains("quote") ? ": a string is not closed" : "");
    }
    if (m.startsWith("Illegal unquoted character")) {
      return "a control character inside a string (write it as an escape such as \\n)";
    }
    if (m.startsWith("Unexpected close marker")) {
      return "a closing bracket that does not match the one that opened";
    }
    if (m.startsWith("Duplicate field")) {
      return "a member appears twice";
    }
    if (m.startsWith("Trailing token")) {
      return "there is more after the end of the JSON object";
    }
    if (m.contains("umeric value") || m.startsWith("Leading zeroes")
        || m.startsWith("Invalid number")) {
      return "a number that cannot be read";
    }
    if (m.startsWith("Unrecognized character escape")) {
      return "an unknown escape sequence in a string";
    }
    return "malformed JSON";
  }

  /**
   * A SnakeYAML problem ({@code mapping values are not allowed here}) with any quoted input left
   * out: token names such as {@code '<block end>'} and single characters stay, longer quoted
   * text becomes {@code '…'}; an undefined tag handle is not named.
   */
  public static String yaml(String problem) {
    if (problem == null) {
      return "malformed YAML";
    }
    String first = problem.lines().findFirst().orElse("");
    if (first.startsWith("found undefined tag handle")) {
      return "found an undefined tag handle";
    }
    Matcher quoted = QUOTED.matcher(first);
    StringBuilder out = new StringBuilder();
    while (quoted.find()) {
      String kept = HARMLESS.matcher(quoted.group(1)).matches() ? quoted.group(0) : "'…'";
      quoted.appendReplacement(out, Matcher.quoteReplacement(kept));
    }
    quoted.appendTail(out);
    return Printable.of(out.toString());
  }

  /** The character Jackson quotes, by kind: a letter or digit is part of a word, so not shown. */
  private static String character(String message) {
    Matcher code = CHARACTER_CODE.matcher(message);
    if (!code.find()) {
      return "character";
    }
    int cp = Integer.parseInt(code.group(1));
    if (Character.isLetterOrDigit(cp)) {
      return Character.isDigit(cp) ? "digit" : "letter";
    }
    if (Printable.isUnsafe(cp) || Character.isWhitespace(cp)) {
      return "character " + Printable.name(cp);
    }
    return "character '" + Character.toString(cp) + "'";
  }

  private static String expectation(String message) {
    if (message.contains("double-quote to start field name")) {
      return "; expected a member name in double quotes";
    }
    if (message.contains("comma to separate Object entries")) {
      return "; expected a comma between members or the end of the object";
    }
    if (message.contains("comma to separate Array entries")) {
      return "; expected a comma between items or the end of the list";
    }
    if (message.contains("colon to separate field name and value")) {
      return "; expected a colon after the member name";
    }
    if (message.contains("was expecting (JSON String")) {
      return "; expected a JSON value";
    }
    return "";
  }
}
