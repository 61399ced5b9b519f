package dev.orgvend.policy;

/** Where something is in a policy file: 1-based line and column (in characters). */
public record Position(int line, int column) implements Comparable<Position> {
  /** For problems about the whole document. */
  public static final Position START = new Position(1, 1);

  @Override
  public int compareTo(Position other) {
    return line != other.line ? Integer.compare(line, other.line)
        : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
