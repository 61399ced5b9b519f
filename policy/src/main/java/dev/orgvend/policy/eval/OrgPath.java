package dev.orgvend.policy.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The direct path from the root to an account, root first: the levels whose attached SCPs
 * decide for a principal of that account ("SCP evaluation" in the Organizations User Guide).
 * Levels are shared, so the paths of thousands of accounts under one OU cost little. Immutable.
 */
public final class OrgPath {
  private final List<Level> levels;
  /** The levels' policies as arrays: the evaluator's inner loop. */
  final Level[] levelArray;
  final CompiledPolicy[][] policies;

  private OrgPath(List<Level> levels) {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("a path needs at least one level");
    }
    this.levels = List.copyOf(levels);
    this.levelArray = this.levels.toArray(Level[]::new);
    this.policies = new CompiledPolicy[levelArray.length][];
    for (int i = 0; i < levelArray.length; i++) {
      policies[i] = levelArray[i].policies().toArray(CompiledPolicy[]::new);
    }
  }

  public static OrgPath of(List<Level> levels) {
    return new OrgPath(levels);
  }

  public static OrgPath of(Level... levels) {
    return new OrgPath(List.of(levels));
  }

  public List<Level> levels() {
    return levels;
  }

  /** This path with one more level below it (an OU or the account). */
  public OrgPath then(Level level) {
    List<Level> more = new ArrayList<>(levels);
    more.add(level);
    return new OrgPath(more);
  }

  @Override
  public String toString() {
    return levels.stream().map(Level::describe).toList().toString();
  }
}
