package dev.orgvend.core.spec;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the position it came from. Jackson's own tree drops positions, and every
 * problem we report needs one, so {@link YamlReader} builds these from the token stream.
 *
 * <p>An alias is the very node its anchor named, so a tree may share subtrees; {@link #weight()}
 * says how many nodes a subtree stands for once shared parts are counted each time.
 */
sealed interface Node {
  Mark mark();

  long weight();

  /** "a string", "a mapping"…, for type-mismatch messages. */
  String kindName();

  enum ScalarKind {
    STRING("a string"),
    INTEGER("an integer"),
    DECIMAL("a decimal number"),
    BOOLEAN("a boolean"),
    NULL("null"),
    /** Stands in for a value already reported (an unknown alias, an unsupported tag). */
    INVALID("an unusable value");

    final String label;

    ScalarKind(String label) {
      this.label = label;
    }
  }

  /**
   * A scalar as YAML resolved it; {@code text} is the scalar as written (so {@code yes}, not
   * {@code true}); {@code value} is what YAML made of it: a {@code BigInteger}, {@code Double} or
   * {@code Boolean}, the text itself for strings, null for null.
   */
  record Scalar(Mark mark, ScalarKind kind, String text, Object value) implements Node {
    @Override
    public long weight() {
      return 1;
    }

    @Override
    public String kindName() {
      return kind.label;
    }

    boolean isNull() {
      return kind == ScalarKind.NULL;
    }
  }

  /** A mapping key with its position, and its value. */
  record Entry(Mark keyMark, String key, Node value) {}

  /** Keys in document order; a key appears once (the reader reports repeats). */
  record Mapping(Mark mark, Map<String, Entry> entries, long weight) implements Node {
    @Override
    public String kindName() {
      return "a mapping";
    }
  }

  record Sequence(Mark mark, List<Node> items, long weight) implements Node {
    @Override
    public String kindName() {
      return "a list";
    }
  }
}
