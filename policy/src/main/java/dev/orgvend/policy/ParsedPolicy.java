package dev.orgvend.policy;

import java.util.List;

/**
 * What {@link PolicyParser} made of a document: the policy (null when it is not even JSON, or
 * has no statement that could be read) and every grammar problem found. A document with errors
 * keeps the statements that were well formed, so lint can go on checking them.
 */
public record ParsedPolicy(String source, PolicyDocument document, List<Problem> problems) {
  public ParsedPolicy {
    problems = List.copyOf(problems);
  }

  /** True when no problem is an error: AWS would accept the document. */
  public boolean ok() {
    return document != null && problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
  }

  /** The document, or {@link InvalidPolicyException} listing the errors. */
  public PolicyDocument orThrow() {
    if (!ok()) {
      throw new InvalidPolicyException(source,
          problems.stream().filter(p -> p.severity() == Severity.ERROR).toList());
    }
    return document;
  }
}
