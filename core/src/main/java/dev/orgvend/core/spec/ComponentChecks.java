package dev.orgvend.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Puts a {@link BaselineValidator}'s findings about one baseline into the file: an unknown
 * component at its key, a bad setting at the value its pointer leads to.
 */
final class ComponentChecks {
  private final Problems problems;
  private final BaselineValidator validator;

  ComponentChecks(Problems problems, BaselineValidator validator) {
    this.problems = problems;
    this.validator = validator;
  }

  void check(Node.Mapping components, String path, Map<String, JsonNode> settings) {
    for (Node.Entry entry : components.entries().values()) {
      String componentPath = Text.keyPath(path, entry.key());
      if (!validator.knows(entry.key())) {
        String suggestion = Text.suggest(entry.key(), validator.componentNames());
        problems.add(entry.keyMark(), componentPath, "unknown baseline component"
            + (suggestion != null ? "; did you mean " + Text.quote(suggestion) + "?"
                : "; this orgvend knows " + String.join(", ", validator.componentNames())));
        continue;
      }
      for (BaselineValidator.Issue issue : validator.validate(entry.key(),
          settings.get(entry.key()))) {
        place(entry.value(), componentPath, issue);
      }
    }
  }

  /** Follows the issue's pointer through the node tree as far as it leads, and reports there. */
  private void place(Node node, String path, BaselineValidator.Issue issue) {
    Mark mark = node.mark();
    String at = path;
    for (String token : tokens(issue.pointer())) {
      if (node instanceof Node.Mapping mapping && mapping.entries().containsKey(token)) {
        Node.Entry entry = mapping.entries().get(token);
        node = entry.value();
        at = Text.keyPath(at, token);
        mark = issue.atKey() ? entry.keyMark() : node.mark();
      } else if (node instanceof Node.Sequence sequence && isIndex(token)
          && Integer.parseInt(token) < sequence.items().size()) {
        int index = Integer.parseInt(token);
        node = sequence.items().get(index);
        at = Text.indexPath(at, index);
        mark = node.mark();
      } else {
        break; // the key is missing: report at the value that should have held it
      }
    }
    problems.add(mark, at, issue.message());
  }

  private static String[] tokens(String pointer) {
    if (pointer == null || pointer.isEmpty()) {
      return new String[0];
    }
    String[] raw = pointer.substring(1).split("/", -1);
    for (int i = 0; i < raw.length; i++) {
      raw[i] = raw[i].replace("~1", "/").replace("~0", "~");
    }
    return raw;
  }

  private static boolean isIndex(String token) {
    return !token.isEmpty() && token.length() < 9 && token.chars().allMatch(Character::isDigit);
  }
}
