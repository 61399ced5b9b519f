package dev.orgvend.core.baseline;

import java.util.List;

/** Every component result of one account's baseline. */
public record AccountResult(String accountId, List<ComponentResult> components) {
  public AccountResult {
    components = List.copyOf(components);
  }

  public Status status() {
    Status worst = Status.COMPLIANT;
    for (ComponentResult c : components) {
      worst = worst.worse(c.status());
    }
    return worst;
  }

  public List<Finding> findings() {
    return components.stream().flatMap(c -> c.findings().stream()).toList();
  }

  public List<Finding> drift() {
    return findings().stream().filter(Finding::isDrift).toList();
  }

  public List<Finding> repaired() {
    return components.stream().flatMap(c -> c.repaired().stream()).toList();
  }
}
