package dev.orgvend.bench;

import dev.orgvend.core.baseline.ComponentRegistry;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.sandbox.Sandbox;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated organization of N accounts in an OU tree proportionate to N, the same every time:
 * one OU per ten accounts, five child OUs per OU filled breadth first (three levels at 1,000
 * accounts, four at 5,000), accounts spread unevenly over the leaf OUs (weights 1:2:3:4, so some
 * need a second page of 20) and one in a hundred in the root. It can be seeded into a sandbox and
 * written as a spec that matches it, or one with a few changes.
 */
final class OrgShape {
  static final int FAN_OUT = 5;
  static final int PAGE = 20;

  /** An OU: its parent's index ({@code -1} for the root) and its path of names. */
  record Unit(int index, String name, int parent, String path) {}

  /** An account: the unit it sits in ({@code -1} for the root) and its tags. */
  record Member(int index, String name, String email, int unit, Map<String, String> tags) {}

  /** What seeding made: OU and account ids, in the order of {@link #units} and {@link #members}. */
  record Seeded(List<String> ouIds, List<String> accountIds) {}

  private final List<Unit> units = new ArrayList<>();
  private final List<Member> members = new ArrayList<>();

  private OrgShape() {}

  static OrgShape of(int accounts) {
    OrgShape shape = new OrgShape();
    shape.buildUnits(Math.max(1, Math.round(accounts / 10f)));
    shape.placeAccounts(accounts);
    return shape;
  }

  List<Unit> units() {
    return units;
  }

  List<Member> members() {
    return members;
  }

  private void buildUnits(int count) {
    Deque<Integer> parents = new ArrayDeque<>();
    parents.add(-1);
    while (units.size() < count) {
      int parent = parents.poll();
      for (int k = 1; k <= FAN_OUT && units.size() < count; k++) {
        String name = parent < 0 ? "Unit" + k : units.get(parent).name() + "-" + k;
        String path = parent < 0 ? name : units.get(parent).path() + "/" + name;
        Unit unit = new Unit(units.size(), name, parent, path);
        units.add(unit);
        parents.add(unit.index());
      }
    }
  }

  private void placeAccounts(int accounts) {
    List<Unit> leaves = units.stream().filter(u -> childUnits(u.index()) == 0).toList();
    int inRoot = accounts / 100;
    int rest = accounts - inRoot;
    double[] weights = new double[leaves.size()];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 1 + i % 4;
      total += weights[i];
    }
    // Largest remainder: each leaf gets its share of the weights, rounded so they sum to rest.
    int[] counts = new int[leaves.size()];
    int given = 0;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = (int) Math.floor(rest * weights[i] / total);
      given += counts[i];
    }
    for (int i = 0; given < rest; i = (i + 1) % counts.length, given++) {
      counts[i]++;
    }
    int next = 0;
    for (int i = 0; i < inRoot; i++) {
      members.add(member(next++, -1));
    }
    for (int leaf = 0; leaf < leaves.size(); leaf++) {
      for (int i = 0; i < counts[leaf]; i++) {
        members.add(member(next++, leaves.get(leaf).index()));
      }
    }
  }

  private static Member member(int index, int unit) {
    String name = String.format("acct-%05d", index);
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("managed-by", "orgvend");
    tags.put("cost-center", "cc-" + index % 50);
    return new Member(index, name, name + "@example.com", unit, tags);
  }

  private int childUnits(int parent) {
    return (int) units.stream().filter(u -> u.parent() == parent).count();
  }

  private int childAccounts(int parent) {
    return (int) members.stream().filter(m -> m.unit() == parent).count();
  }

  /** Puts the tree and the accounts straight into the sandbox's state. */
  Seeded seed(Sandbox sandbox) {
    return sandbox.seed(s -> {
      List<String> ouIds = new ArrayList<>();
      for (Unit u : units) {
        ouIds.add(s.organizationalUnit(u.parent() < 0 ? s.rootId() : ouIds.get(u.parent()),
            u.name()));
      }
      List<String> accountIds = new ArrayList<>();
      for (Member m : members) {
        accountIds.add(s.account(m.name(), m.email(),
            m.unit() < 0 ? s.rootId() : ouIds.get(m.unit()), m.tags()));
      }
      return new Seeded(List.copyOf(ouIds), List.copyOf(accountIds));
    });
  }

  /**
   * The fewest Organizations calls that tell a planner what it needs, by the route orgvend takes
   * with the SDK it uses: ListRoots, then for the root and every OU one
   * ListOrganizationalUnitsForParent and one ListAccountsForParent per page of 20 (an empty
   * answer still costs one call: only asking shows that an OU has no children), one
   * ListTagsForResource per account the spec names, and one ListCreateAccountStatus.
   */
  Map<String, Long> minimumCallsByParent(int taggedAccounts) {
    Map<String, Long> calls = new LinkedHashMap<>();
    long ouPages = pages(childUnits(-1));
    long accountPages = pages(childAccounts(-1) + 1); // the management account sits in the root
    for (Unit u : units) {
      ouPages += pages(childUnits(u.index()));
      accountPages += pages(childAccounts(u.index()));
    }
    calls.put("ListRoots", 1L);
    calls.put("ListOrganizationalUnitsForParent", ouPages);
    calls.put("ListAccountsForParent", accountPages);
    calls.put("ListTagsForResource", (long) taggedAccounts);
    calls.put("ListCreateAccountStatus", 1L);
    return calls;
  }

  /**
   * The same with ListAccounts instead of ListAccountsForParent, for an SDK whose Account model
   * has the newer {@code Paths} member (each account's place in the tree): one page per 20
   * accounts in all. The AWS SDK for Java 2.40.2 does not have it yet.
   */
  Map<String, Long> minimumCallsWithPaths(int taggedAccounts) {
    Map<String, Long> calls = minimumCallsByParent(taggedAccounts);
    calls.remove("ListAccountsForParent");
    calls.put("ListAccounts", pages(members.size() + 1));
    return calls;
  }

  private static long pages(int items) {
    return Math.max(1, (items + PAGE - 1) / PAGE);
  }

  /** How deep the tree goes (1 = OUs only directly under the root). */
  int depth() {
    return units.stream().mapToInt(u -> u.path().split("/").length).max().orElse(0);
  }

  /** A spec that matches the organization exactly: planning it finds nothing to change. */
  Spec spec(ComponentRegistry registry, String baselineYaml) {
    return parse(registry, yaml(baselineYaml, null));
  }

  /** A few changes for the planner to find; see {@link Changes}. */
  Spec specWithChanges(ComponentRegistry registry, Changes changes) {
    return parse(registry, yaml(null, changes));
  }

  /**
   * One change per hundred accounts of each kind (at least one): accounts moved to another leaf
   * OU, accounts retagged, new accounts; plus one new OU with one new account in it.
   */
  record Changes(int each) {
    static Changes forSize(int accounts) {
      return new Changes(Math.max(1, accounts / 100));
    }

    /** What the plan should contain: CreateOu, CreateAccount, MoveAccount, RetagAccount. */
    Map<String, Integer> expected() {
      Map<String, Integer> out = new LinkedHashMap<>();
      out.put("CreateOu", 1);
      out.put("CreateAccount", each + 1);
      out.put("MoveAccount", each);
      out.put("RetagAccount", each);
      return out;
    }
  }

  private String yaml(String baselineYaml, Changes changes) {
    StringBuilder y = new StringBuilder("version: 1\n");
    y.append("defaults: {tags: {managed-by: orgvend}")
        .append(baselineYaml == null ? "" : ", baseline: std").append("}\n");
    if (baselineYaml != null) {
      y.append("baselines:\n  std:\n").append(baselineYaml.indent(4));
    }
    y.append("organization:\n  units:\n");
    appendUnits(y, -1, 2, changes);
    y.append("accounts:\n");
    List<Unit> leaves = units.stream().filter(u -> childUnits(u.index()) == 0).toList();
    int stride = changes == null ? 0 : Math.max(2, members.size() / changes.each());
    for (Member m : members) {
      String ou = m.unit() < 0 ? null : units.get(m.unit()).path();
      String costCenter = m.tags().get("cost-center");
      if (changes != null && m.index() % stride == 0 && m.index() / stride < changes.each()) {
        ou = otherLeaf(leaves, ou);
      } else if (changes != null && m.index() % stride == 1
          && m.index() / stride < changes.each()) {
        costCenter = "cc-changed";
      }
      account(y, m.name(), m.email(), ou, costCenter);
    }
    if (changes != null) {
      for (int i = 0; i < changes.each(); i++) {
        String name = String.format("new-%05d", i);
        account(y, name, name + "@example.com", leaves.get(i % leaves.size()).path(), "cc-new");
      }
      account(y, "new-in-new-ou", "new-in-new-ou@example.com", units.get(0).path() + "/NewUnit",
          "cc-new");
    }
    return y.toString();
  }

  private static String otherLeaf(List<Unit> leaves, String current) {
    for (Unit leaf : leaves) {
      if (!leaf.path().equals(current)) {
        return leaf.path();
      }
    }
    return null;
  }

  private static void account(StringBuilder y, String name, String email, String ou,
      String costCenter) {
    y.append("  - {name: ").append(name).append(", email: ").append(email);
    if (ou != null) {
      y.append(", ou: ").append(ou);
    }
    y.append(", tags: {cost-center: ").append(costCenter).append("}}\n");
  }

  private void appendUnits(StringBuilder y, int parent, int indent, Changes changes) {
    String pad = " ".repeat(indent);
    for (Unit u : units) {
      if (u.parent() != parent) {
        continue;
      }
      y.append(pad).append("- name: ").append(u.name()).append('\n');
      boolean extra = changes != null && u.index() == 0;
      if (childUnits(u.index()) > 0 || extra) {
        y.append(pad).append("  units:\n");
        appendUnits(y, u.index(), indent + 4, changes);
        if (extra) {
          y.append(pad).append("    - name: NewUnit\n");
        }
      }
    }
  }

  private static Spec parse(ComponentRegistry registry, String yaml) {
    SpecResult result = SpecLoader.create(registry).parse("bench.yaml", yaml);
    if (result instanceof SpecResult.Valid valid) {
      return valid.spec();
    }
    throw new IllegalStateException("generated spec is invalid: "
        + ((SpecResult.Invalid) result).problems());
  }
}
