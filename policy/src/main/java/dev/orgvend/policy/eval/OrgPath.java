package dev.orgvend.policy.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The direct path from the root to an account, root first: the levels whose attached SCPs
 * decide for a principal of that account ("SCP evaluation" in the Organizations User Guide).
 * Levels are shared, so the paths of thousands of accounts under one OU cost little.
 */
public record OrgPath(List<Level> levels) {
  public OrgPath {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("a path needs at least one level");
    }
    levels = List.copyOf(levels);
  }

  public static OrgPath of(Level... levels) {
    return new OrgPath(List.of(levels));
  }

  /** This path with one more level below it (an OU or the account). */
  public OrgPath then(Level level) {
    List<Level> more = new ArrayList<>(levels);
    more.add(level);
    return new OrgPath(more);
  }
}
