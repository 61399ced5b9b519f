package dev.orgvend.core.check;

import dev.orgvend.core.baseline.ComponentResult;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import java.util.List;

/**
 * How one spec account compares with AWS: its place and tags in the organization and every
 * component of its baseline.
 *
 * @param name the account's name in the spec
 * @param accountId the AWS account id, or null when the account does not exist yet
 * @param ouPath where the spec puts the account
 * @param baseline the spec's baseline name, or null
 * @param components {@code placement}, {@code tags}, then each baseline component
 */
public record AccountCheck(String name, String email, String accountId, String ouPath,
    String baseline, List<ComponentResult> components) {
  /** The pseudo-component for the account's existence and OU. */
  public static final String PLACEMENT = "placement";
  public static final String TAGS = "tags";

  public AccountCheck {
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
}
