package dev.orgvend.core.spec;

import java.util.List;

/** What loading a spec gave: a checked spec, or every problem found. */
public sealed interface SpecResult {

  /** The file passed every check. */
  record Valid(Spec spec) implements SpecResult {}

  /** The problems, sorted by position in the file; never empty. */
  record Invalid(List<Problem> problems) implements SpecResult {
    public Invalid {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("An invalid spec has at least one problem");
      }
    }
  }
}
