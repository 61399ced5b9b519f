package dev.orgvend.core.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems for one file and hands them back in file order. */
final class Problems {
  /**
   * Stops hostile or badly broken input (say an alias repeated thousands of times) from producing
   * a wall of text; real specs stay far below it.
   */
  static final int LIMIT = 200;

  private final String file;
  private final List<Problem> found = new ArrayList<>();
  private int dropped;

  Problems(String file) {
    this.file = file;
  }

  void add(Mark at, String path, String message) {
    if (found.size() >= LIMIT) {
      dropped++;
      return;
    }
    found.add(new Problem(file, at.line(), at.column(), path, message));
  }

  int count() {
    return found.size() + dropped;
  }

  boolean isEmpty() {
    return count() == 0;
  }

  /** The problems sorted by line and column; ties keep the order they were found in. */
  List<Problem> sorted() {
    List<Problem> out = new ArrayList<>(found);
    out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    if (dropped > 0) {
      out.add(new Problem(file, 0, 0, "", "and " + dropped + " more problems not shown"));
    }
    return out;
  }
}
