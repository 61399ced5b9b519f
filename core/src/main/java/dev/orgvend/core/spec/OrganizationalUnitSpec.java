package dev.orgvend.core.spec;

import java.util.List;
import java.util.Objects;

/**
 * An OU the spec wants, with the OUs it contains.
 *
 * @param path where the OU sits; its last segment is the OU's name
 * @param units the child OUs, in spec order
 */
public record OrganizationalUnitSpec(OuPath path, List<OrganizationalUnitSpec> units) {
  public OrganizationalUnitSpec {
    Objects.requireNonNull(path, "path");
    if (path.isRoot()) {
      throw new IllegalArgumentException("An OU cannot be the root");
    }
    units = List.copyOf(units);
  }

  public String name() {
    return path.name();
  }
}
