package dev.orgvend.policy;

import java.util.List;

/**
 * One key test inside a statement's {@code Condition}: {@code "Operator": {"key": values}}.
 *
 * @param operatorName the operator as written
 * @param operator the parsed operator
 * @param key the condition key as written (keys compare ignoring case)
 * @param values the values, as strings (JSON numbers and booleans as written)
 */
public record ConditionClause(Located operatorName, ConditionOperator operator, Located key,
    List<Located> values) {
  public ConditionClause {
    values = List.copyOf(values);
  }
}
