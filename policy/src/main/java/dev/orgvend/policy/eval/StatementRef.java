package dev.orgvend.policy.eval;

import dev.orgvend.policy.Statement;
import dev.orgvend.policy.Text;

/** A statement of a named policy: what a {@link Decision} points at. */
public record StatementRef(String policy, Statement statement) {
  /** {@code statement "Sid" (line L) of policy "name"}. */
  public String describe() {
    return "statement " + statement.label() + " (line " + statement.at().line() + ") of policy "
        + Text.quote(policy);
  }
}
