package dev.orgvend.core.baseline;

import java.util.List;

/**
 * How one component of one account compares with the spec.
 *
 * @param component the component's name
 * @param status the worst of the findings, {@link Status#COMPLIANT} when there are none
 * @param findings what differs now (after a repair: what still differs)
 * @param repaired what a repair found and changed; empty for a read-only inspection
 */
public record ComponentResult(String component, Status status, List<Finding> findings,
    List<Finding> repaired) {
  public ComponentResult {
    findings = List.copyOf(findings);
    repaired = List.copyOf(repaired);
  }

  static ComponentResult of(String component, List<Finding> findings) {
    return new ComponentResult(component, Status.of(findings), findings, List.of());
  }
}
