package dev.orgvend.policy;

import java.util.Arrays;

/**
 * A pattern with IAM's two wildcards, {@code *} (any run of characters, also none) and {@code ?}
 * (exactly one character), compiled once and matched without regular expressions. Matching is
 * exact (case-sensitive): callers that compare ignoring case lower both sides first.
 *
 * <p>A pattern may mix wildcard and literal parts ({@link Builder#literal}), so a value put in
 * by a policy variable is matched as written even when it contains {@code *} or {@code ?}.
 */
public final class Wildcard {
  private enum Kind { ANY, EXACT, PREFIX, GENERAL }

  private static final Wildcard ANY = new Wildcard("*", new boolean[] {true});

  private final String chars;
  private final boolean[] wild;
  private final Kind kind;

  private Wildcard(String chars, boolean[] wild) {
    this.chars = chars;
    this.wild = wild;
    this.kind = kindOf(chars, wild);
  }

  /** {@code *} and {@code ?} in {@code pattern} are wildcards; every other character is itself. */
  public static Wildcard compile(String pattern) {
    if (pattern.equals("*")) {
      return ANY;
    }
    boolean[] wild = new boolean[pattern.length()];
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      wild[i] = c == '*' || c == '?';
    }
    return new Wildcard(pattern, wild);
  }

  /** A pattern that matches exactly {@code text}, wildcard characters included. */
  public static Wildcard literal(String text) {
    return new Wildcard(text, new boolean[text.length()]);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Assembles a pattern from wildcard and literal parts. */
  public static final class Builder {
    private final StringBuilder chars = new StringBuilder();
    private boolean[] wild = new boolean[16];

    private Builder() {}

    public Builder pattern(String part) {
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        add(c, c == '*' || c == '?');
      }
      return this;
    }

    public Builder literal(String part) {
      for (int i = 0; i < part.length(); i++) {
        add(part.charAt(i), false);
      }
      return this;
    }

    private void add(char c, boolean isWild) {
      if (chars.length() == wild.length) {
        wild = Arrays.copyOf(wild, wild.length * 2);
      }
      wild[chars.length()] = isWild;
      chars.append(c);
    }

    public Wildcard build() {
      return new Wildcard(chars.toString(), Arrays.copyOf(wild, chars.length()));
    }
  }

  private static Kind kindOf(String chars, boolean[] wild) {
    int wilds = 0;
    for (boolean w : wild) {
      wilds += w ? 1 : 0;
    }
    if (wilds == 0) {
      return Kind.EXACT;
    }
    if (wilds == 1 && chars.charAt(chars.length() - 1) == '*' && wild[chars.length() - 1]) {
      return chars.length() == 1 ? Kind.ANY : Kind.PREFIX;
    }
    return Kind.GENERAL;
  }

  /** True when the pattern matches all of {@code s}. */
  public boolean matches(String s) {
    return switch (kind) {
      case ANY -> true;
      case EXACT -> chars.equals(s);
      case PREFIX -> s.length() >= chars.length() - 1
          && s.regionMatches(0, chars, 0, chars.length() - 1);
      case GENERAL -> general(s);
    };
  }

  /** Greedy match that backtracks only to the last {@code *}: linear for typical patterns. */
  private boolean general(String s) {
    int p = 0;
    int i = 0;
    int star = -1;
    int resume = 0;
    int n = chars.length();
    while (i < s.length()) {
      if (p < n && wild[p] && chars.charAt(p) == '*') {
        star = p++;
        resume = i;
      } else if (p < n && ((wild[p] && chars.charAt(p) == '?')
          || (!wild[p] && chars.charAt(p) == s.charAt(i)))) {
        p++;
        i++;
      } else if (star >= 0) {
        p = star + 1;
        i = ++resume;
      } else {
        return false;
      }
    }
    while (p < n && wild[p] && chars.charAt(p) == '*') {
      p++;
    }
    return p == n;
  }

  /** True when the pattern has no wildcard. */
  public boolean isLiteral() {
    return kind == Kind.EXACT;
  }

  /** True for the pattern {@code *} alone. */
  public boolean isAny() {
    return kind == Kind.ANY;
  }

  /** True when {@code s} contains {@code *} or {@code ?}. */
  public static boolean hasWildcard(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }

  @Override
  public String toString() {
    return chars;
  }
}
