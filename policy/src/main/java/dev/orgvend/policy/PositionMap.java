package dev.orgvend.policy;

/**
 * Turns a position in a policy's text into a position in the file the text came from, so a
 * policy embedded in another file (a block in a YAML spec) is reported at the file's own lines.
 */
@FunctionalInterface
public interface PositionMap {
  /** The policy is the whole file. */
  PositionMap IDENTITY = p -> p;

  Position map(Position inPolicy);

  /**
   * The policy text starts at {@code line} of the file and every line of it is indented by
   * {@code indent} characters there (a YAML block scalar).
   */
  static PositionMap block(int line, int indent) {
    return p -> new Position(p.line() + line - 1, p.column() + indent);
  }
}
