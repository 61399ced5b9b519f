package dev.orgvend.policy;

import java.util.Comparator;

/**
 * One thing wrong with a policy or its attachments: where (file, line, column), how bad, which
 * rule found it, what is wrong and what to do about it.
 *
 * @param source the file (or other name) the policy came from, as the user gave it
 * @param at the position of the element at fault
 * @param message what is wrong, with any text from the policy quoted by {@link Text#quote}
 * @param fix what to do about it
 */
public record Problem(String source, Position at, Severity severity, Rule rule, String message,
    String fix) {

  /** File order: by source, then position, then rule. */
  public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::source)
      .thenComparing(Problem::at).thenComparing(Problem::rule);

  /** {@code file:line:column: severity: message; fix [rule]}, safe to print. */
  @Override
  public String toString() {
    return Text.printable(source) + ":" + at + ": " + severity.label() + ": " + message + "; "
        + fix + " [" + rule.id() + "]";
  }
}
