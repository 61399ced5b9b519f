package dev.orgvend.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code organization.units} into the OU tree, checking names, duplicates and depth. */
final class UnitsBinder {
  static final List<String> ORGANIZATION_KEYS = List.of("units");
  static final List<String> UNIT_KEYS = List.of("name", "units");

  private final Values values;
  private final AwsRules rules;
  private final Map<OuPath, Mark> defined = new LinkedHashMap<>();

  UnitsBinder(Values values, AwsRules rules) {
    this.values = values;
    this.rules = rules;
  }

  /** Every OU path with a valid name, including ones that had other problems. */
  Map<OuPath, Mark> defined() {
    return defined;
  }

  OrganizationSpec bind(Node organization) {
    if (organization == null) {
      return OrganizationSpec.empty();
    }
    Node.Mapping mapping = values.mapping(organization, "organization", ORGANIZATION_KEYS);
    Node units = mapping == null ? null : Values.optional(mapping, "units");
    if (units == null) {
      return OrganizationSpec.empty();
    }
    return new OrganizationSpec(level(units, "organization.units", OuPath.root(), 0, false));
  }

  /**
   * One list of sibling OUs. {@code parent} is null when an ancestor's name was unusable: the
   * children are still checked, but have no path to register.
   */
  private List<OrganizationalUnitSpec> level(
      Node node, String path, OuPath parent, int parentDepth, boolean tooDeep) {
    List<Node> items = values.list(node, path);
    List<OrganizationalUnitSpec> units = new ArrayList<>();
    if (items == null) {
      return units;
    }
    for (int i = 0; i < items.size(); i++) {
      OrganizationalUnitSpec unit =
          unit(items.get(i), Text.indexPath(path, i), parent, parentDepth + 1, tooDeep);
      if (unit != null) {
        units.add(unit);
      }
    }
    return units;
  }

  private OrganizationalUnitSpec unit(
      Node node, String path, OuPath parent, int depth, boolean tooDeep) {
    if (node instanceof Node.Scalar scalar && scalar.kind() == Node.ScalarKind.STRING) {
      values.problems().add(node.mark(), path, "expected a mapping like {name: "
          + Text.quote(scalar.text()) + "}, found a string");
      return null;
    }
    Node.Mapping mapping = values.mapping(node, path, UNIT_KEYS);
    if (mapping == null) {
      return null;
    }
    String namePath = Text.keyPath(path, "name");
    Node nameNode = values.required(mapping, path, "name");
    String name = nameNode == null ? null : rules.ouName(nameNode, namePath);
    OuPath self = parent == null || name == null ? null : parent.child(name);
    if (self != null) {
      register(self, nameNode.mark(), namePath);
    }
    if (depth > OrganizationSpec.MAX_OU_DEPTH && !tooDeep) {
      String which = self == null ? "this OU" : "OU " + Text.quote(self.toString());
      values.problems().add(mapping.mark(), path, which + " is " + depth
          + " levels below the root; AWS allows at most " + OrganizationSpec.MAX_OU_DEPTH);
      tooDeep = true; // its descendants are too deep as well; once is enough to say so
    }
    Node children = Values.optional(mapping, "units");
    List<OrganizationalUnitSpec> units = children == null ? List.of()
        : level(children, Text.keyPath(path, "units"), self, depth, tooDeep);
    return self == null ? null : new OrganizationalUnitSpec(self, units);
  }

  private void register(OuPath self, Mark mark, String path) {
    OuPath parent = self.parent().orElseThrow();
    if (parent.isRoot() && self.name().equals(OuPath.ROOT_NAME)) {
      values.problems().add(mark, path, "a top-level OU cannot be called \"Root\": in ou paths "
          + "that name means the organization's root");
      return;
    }
    Mark earlier = defined.putIfAbsent(self, mark);
    if (earlier != null) {
      String where = parent.isRoot() ? "the root" : Text.quote(parent.toString());
      values.problems().add(mark, path, "OU " + Text.quote(self.name())
          + " is already defined under " + where + " at " + earlier.describe());
    }
  }
}
