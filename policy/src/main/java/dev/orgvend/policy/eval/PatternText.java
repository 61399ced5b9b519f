package dev.orgvend.policy.eval;

import dev.orgvend.policy.Wildcard;

/**
 * A policy value after its variables were put in: the characters, and which of them came from a
 * variable (those are matched as written, never as wildcards).
 */
record PatternText(String chars, boolean[] fromVariable) {
  static PatternText policyText(String text) {
    return new PatternText(text, new boolean[text.length()]);
  }

  Wildcard wildcard() {
    Wildcard.Builder b = Wildcard.builder();
    appendTo(b, 0, chars.length());
    return b.build();
  }

  void appendTo(Wildcard.Builder b, int from, int to) {
    for (int i = from; i < to; i++) {
      String c = String.valueOf(chars.charAt(i));
      if (fromVariable[i]) {
        b.literal(c);
      } else {
        b.pattern(c);
      }
    }
  }

  /** True when the text is exactly the wildcard {@code *} written in the policy. */
  boolean isAny() {
    return chars.equals("*") && !fromVariable[0];
  }
}
