package dev.orgvend.core.spec;

import java.util.ArrayList;
import java.util.List;

/** The OU tree the spec wants under the organization's root. */
public record OrganizationSpec(List<OrganizationalUnitSpec> units) {
  /** AWS allows at most this many levels of OUs below the root. */
  public static final int MAX_OU_DEPTH = 5;

  public OrganizationSpec {
    units = List.copyOf(units);
  }

  public static OrganizationSpec empty() {
    return new OrganizationSpec(List.of());
  }

  /**
   * Every OU's path, parents before their children, siblings in spec order: an order in which
   * the OUs can be created.
   */
  public List<OuPath> ouPaths() {
    List<OuPath> paths = new ArrayList<>();
    collect(units, paths);
    return List.copyOf(paths);
  }

  /** Whether the path names the root or an OU of this tree. */
  public boolean contains(OuPath path) {
    return path.isRoot() || ouPaths().contains(path);
  }

  private static void collect(List<OrganizationalUnitSpec> level, List<OuPath> into) {
    for (OrganizationalUnitSpec unit : level) {
      into.add(unit.path());
      collect(unit.units(), into);
    }
  }
}
