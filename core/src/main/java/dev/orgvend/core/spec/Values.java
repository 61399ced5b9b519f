package dev.orgvend.core.spec;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;

/**
 * Reads typed values out of {@link Node}s, reporting a problem and returning null whenever a
 * value has the wrong type or is unsafe to use. Callers skip further checks on a null, so one
 * mistake gives one message.
 */
final class Values {
  /** No spec value needs to be longer; longer ones are rejected before any other check. */
  static final int MAX_STRING = AwsValues.MAX_STRING;

  private final Problems problems;

  Values(Problems problems) {
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  /**
   * The node as a mapping whose keys are all in {@code known}, reporting any other key with a
   * suggestion; null (after a report) when the node is not a mapping.
   */
  Node.Mapping mapping(Node node, String path, Collection<String> known) {
    Node.Mapping mapping = mapping(node, path);
    if (mapping != null) {
      for (Node.Entry entry : mapping.entries().values()) {
        if (!known.contains(entry.key())) {
          unknownKey(entry, path, known);
        }
      }
    }
    return mapping;
  }

  /** The node as a mapping with any keys; null (after a report) when it is not a mapping. */
  Node.Mapping mapping(Node node, String path) {
    if (node instanceof Node.Mapping mapping) {
      return mapping;
    }
    mismatch(node, path, "a mapping");
    return null;
  }

  List<Node> list(Node node, String path) {
    if (node instanceof Node.Sequence sequence) {
      return sequence.items();
    }
    mismatch(node, path, "a list");
    return null;
  }

  /**
   * The value of an optional key, or null when the key is absent or its value is null: writing
   * {@code defaults:} with everything under it commented out means "no defaults".
   */
  static Node optional(Node.Mapping mapping, String key) {
    Node.Entry entry = mapping.entries().get(key);
    if (entry == null || entry.value() instanceof Node.Scalar s && s.isNull()) {
      return null;
    }
    return entry.value();
  }

  /** The value of a required key, or null after reporting that it is missing. */
  Node required(Node.Mapping mapping, String path, String key) {
    Node.Entry entry = mapping.entries().get(key);
    if (entry == null) {
      problems.add(mapping.mark(), path, "missing required key \"" + key + "\"");
      return null;
    }
    if (entry.value() instanceof Node.Scalar s && s.isNull()) {
      problems.add(s.mark(), Text.keyPath(path, key), "needs a value");
      return null;
    }
    return entry.value();
  }

  /** A string scalar free of control characters and of sane length; null after a report. */
  String string(Node node, String path) {
    if (!(node instanceof Node.Scalar scalar) || scalar.kind() != Node.ScalarKind.STRING) {
      mismatch(node, path, "a string");
      return null;
    }
    return safe(scalar.text(), node.mark(), path);
  }

  /** {@code text} if it has no forbidden characters and is not overly long; else null. */
  String safe(String text, Mark mark, String path) {
    String problem = AwsValues.unsafe(text, "spec");
    if (problem != null) {
      problems.add(mark, path, problem);
      return null;
    }
    return text;
  }

  /** An integer scalar within {@code min..max}; null after a report. */
  Integer integer(Node node, String path, int min, int max, String why) {
    if (!(node instanceof Node.Scalar scalar) || scalar.kind() != Node.ScalarKind.INTEGER) {
      mismatch(node, path, "an integer");
      return null;
    }
    BigInteger value = (BigInteger) scalar.value();
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      problems.add(node.mark(), path, Text.shown(scalar.text()) + " is out of range; " + why);
      return null;
    }
    return value.intValueExact();
  }

  /**
   * Checks every string in an opaque subtree (baseline configuration) for the same hazards as
   * {@link #string}, so nothing unsafe reaches later stages unchecked.
   */
  void checkStrings(Node node, String path) {
    if (node instanceof Node.Scalar scalar) {
      if (scalar.kind() == Node.ScalarKind.STRING) {
        safe(scalar.text(), node.mark(), path);
      }
    } else if (node instanceof Node.Mapping mapping) {
      for (Node.Entry entry : mapping.entries().values()) {
        String keyPath = Text.keyPath(path, entry.key());
        safe(entry.key(), entry.keyMark(), keyPath);
        checkStrings(entry.value(), keyPath);
      }
    } else if (node instanceof Node.Sequence sequence) {
      for (int i = 0; i < sequence.items().size(); i++) {
        checkStrings(sequence.items().get(i), Text.indexPath(path, i));
      }
    }
  }

  private void unknownKey(Node.Entry entry, String path, Collection<String> known) {
    String keyPath = Text.keyPath(path, entry.key());
    String suggestion = Text.suggest(entry.key(), known);
    String message = suggestion != null
        ? "unknown key; did you mean \"" + suggestion + "\"?"
        : "unknown key; expected one of: " + String.join(", ", known);
    problems.add(entry.keyMark(), keyPath, message);
  }

  /** Reports that {@code node} is not the kind of value expected at {@code path}. */
  void mismatch(Node node, String path, String expected) {
    if (node instanceof Node.Scalar scalar && scalar.kind() == Node.ScalarKind.INVALID) {
      return; // already reported where it was read
    }
    String found = node.kindName();
    if (node instanceof Node.Scalar scalar
        && expected.equals("a string")
        && scalar.kind() != Node.ScalarKind.STRING
        && scalar.kind() != Node.ScalarKind.NULL) {
      // YAML reads 1234 and true as a number and a boolean; say how to keep them as text.
      problems.add(node.mark(), path, "expected a string, found " + found + " ("
          + Text.shown(scalar.text()) + "); quote it to use it as text: "
          + Text.quote(scalar.text()));
      return;
    }
    if (node instanceof Node.Scalar scalar && scalar.isNull() && expected.equals("a string")) {
      problems.add(node.mark(), path, "expected a string, found null; write \"\" for an empty "
          + "string");
      return;
    }
    problems.add(node.mark(), path, "expected " + expected + ", found " + found);
  }
}
