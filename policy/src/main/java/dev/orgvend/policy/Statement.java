package dev.orgvend.policy;

import java.util.List;

/**
 * One statement of a policy, with the positions of its elements.
 *
 * @param index 0-based position in the policy's {@code Statement} list
 * @param at where the statement's object starts
 * @param sid the {@code Sid}, or null when there is none
 * @param notAction true when the statement uses {@code NotAction}
 * @param actions the action patterns of {@code Action} or {@code NotAction}
 * @param actionAt where the {@code Action}/{@code NotAction} element is
 * @param notResource true when the statement uses {@code NotResource}
 * @param resources the patterns of {@code Resource} or {@code NotResource}
 * @param resourceAt where the {@code Resource}/{@code NotResource} element is
 * @param conditions every key test of the {@code Condition} element, in document order
 * @param conditionAt where the {@code Condition} element is, or null when there is none
 */
public record Statement(int index, Position at, String sid, Effect effect, boolean notAction,
    List<Located> actions, Position actionAt, boolean notResource, List<Located> resources,
    Position resourceAt, List<ConditionClause> conditions, Position conditionAt) {

  public Statement {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    conditions = List.copyOf(conditions);
  }

  /** {@code "Sid"} quoted, or {@code #N} (1-based) when the statement has no Sid. */
  public String label() {
    return sid == null || sid.isEmpty() ? "#" + (index + 1) : Text.quote(sid);
  }

  public boolean isDeny() {
    return effect == Effect.DENY;
  }
}
