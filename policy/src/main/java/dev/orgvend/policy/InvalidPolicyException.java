package dev.orgvend.policy;

import java.util.List;

/** A policy document that does not pass the SCP grammar; carries every error. */
public final class InvalidPolicyException extends RuntimeException {
  private final transient List<Problem> problems;

  public InvalidPolicyException(String source, List<Problem> problems) {
    super(Text.printable(source) + " is not a valid service control policy: "
        + (problems.isEmpty() ? "unknown problem" : problems.get(0).toString())
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
