package dev.orgvend.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns YAML text into a {@link Node} tree that remembers where each value came from.
 *
 * <p>Jackson drives SnakeYAML's event parser, not its composer, so the composer's guards
 * ({@code maxAliasesForCollections}, {@code nestingDepthLimit}) never run and Jackson hands aliases
 * over unexpanded. This reader therefore enforces its own limits: nesting depth, and a budget of
 * nodes that counts an aliased subtree every time it is used, which is what stops "billion
 * laughs" documents. Only the code point limit is left to SnakeYAML, as a second line behind the
 * loader's byte-size check.
 */
final class YamlReader {
  static final int MAX_DEPTH = 32;
  static final long MAX_NODES = 100_000;

  private static final String MERGE_KEY = "<<";
  private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";
  private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "map",
      "seq");

  private final YAMLFactory factory;

  YamlReader(int maxCodePoints) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(maxCodePoints);
    this.factory = YAMLFactory.builder()
        .loaderOptions(options)
        // "defaults:" with nothing after it means null, as in YAML itself; Jackson would say "".
        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
        // YAML 1.2 booleans only: yes, no, on and off stay text (the "Norway problem").
        .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
        .build();
  }

  /** The document's root, or null once the reason there is none has been reported. */
  Node read(String text, Problems problems) {
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(Mark.NONE, "", "the file has no content; start it with \"version: 1\"");
        return null;
      }
      Node root = new Builder(parser, problems).value(first, "", 0);
      if (parser.nextToken() != null) {
        problems.add(mark(parser), "", "a second YAML document starts here; "
            + "put the whole spec in one document");
        return null;
      }
      return root;
    } catch (LimitReached e) {
      return null;
    } catch (JsonProcessingException e) {
      reportSyntaxError(e, problems);
      return null;
    } catch (IOException | RuntimeException e) {
      // SnakeYAML signals some malformed input with unchecked exceptions; whatever the input,
      // the user gets a message, never a stack trace.
      problems.add(Mark.NONE, "", "cannot read the YAML: " + describe(e));
      return null;
    }
  }

  private static void reportSyntaxError(JsonProcessingException e, Problems problems) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      org.yaml.snakeyaml.error.Mark at = marked.getProblemMark();
      // SyntaxErrors leaves out any input the parser quotes: a spec may hold secrets by mistake.
      String message = "YAML syntax error: " + SyntaxErrors.yaml(marked.getProblem());
      org.yaml.snakeyaml.error.Mark context = marked.getContextMark();
      if (marked.getContext() != null && context != null) {
        message += " (" + marked.getContext() + " at line " + (context.getLine() + 1)
            + ", column " + (context.getColumn() + 1) + ")";
      }
      problems.add(new Mark(at.getLine() + 1, at.getColumn() + 1), "", message);
      return;
    }
    JsonLocation at = e.getLocation();
    Mark mark = at == null || at.getLineNr() < 1 ? Mark.NONE
        : new Mark(at.getLineNr(), Math.max(1, at.getColumnNr()));
    problems.add(mark, "", "YAML syntax error: " + describe(e));
  }

  private static String describe(Exception e) {
    String message = e instanceof JsonProcessingException j ? j.getOriginalMessage()
        : e.getMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    String firstLine = message.lines().findFirst().orElse("");
    // Jackson only takes scalar keys and says so by quoting a SnakeYAML event; say it plainly.
    if (firstLine.startsWith("Expected a field name")) {
      return "a mapping key must be a plain value, not "
          + (firstLine.contains("SequenceStart") ? "a list" : "a mapping");
    }
    String jackson = e instanceof JsonProcessingException j ? SyntaxErrors.json(j) : null;
    return jackson != null && !jackson.equals("malformed JSON") ? jackson
        : SyntaxErrors.yaml(firstLine);
  }

  private static Mark mark(JsonParser parser) {
    JsonLocation at = parser.currentTokenLocation();
    return new Mark(at.getLineNr(), at.getColumnNr());
  }

  /** Unwinds the builder once a limit is hit; the problem is reported before it is thrown. */
  private static final class LimitReached extends RuntimeException {
    LimitReached() {
      super(null, null, false, false);
    }
  }

  /** Builds one document; holds the anchors seen so far and the node budget. */
  private static final class Builder {
    private final JsonParser parser;
    private final Problems problems;
    private final Map<String, Node> anchors = new HashMap<>();
    private long nodes;

    Builder(JsonParser parser, Problems problems) {
      this.parser = parser;
      this.problems = problems;
    }

    Node value(JsonToken token, String path, int depth) throws IOException {
      Mark mark = mark(parser);
      if (depth > MAX_DEPTH) {
        problems.add(mark, path, "nested more than " + MAX_DEPTH + " levels deep");
        throw new LimitReached();
      }
      boolean tagOk = checkTag(mark, path);
      Object anchor = parser.getObjectId();
      Node node;
      if (token == JsonToken.VALUE_STRING
          && parser instanceof YAMLParser yaml
          && yaml.isCurrentAlias()) {
        return alias(parser.getText(), mark, path);
      } else if (token == JsonToken.START_OBJECT) {
        node = mapping(mark, path, depth);
      } else if (token == JsonToken.START_ARRAY) {
        node = sequence(mark, path, depth);
      } else {
        node = scalar(token, mark);
      }
      spend(1, mark, path);
      if (!tagOk) {
        node = invalid(mark);
      }
      if (anchor != null) {
        anchors.put(anchor.toString(), node);
      }
      return node;
    }

    private Node alias(String name, Mark mark, String path) {
      Node target = anchors.get(name);
      if (target == null) {
        // Also catches an alias inside its own anchor's node, which YAML cannot express anyway.
        problems.add(mark, path,
            "alias *" + Text.shown(name) + " refers to no anchor defined before it");
        return invalid(mark);
      }
      spend(target.weight(), mark, path);
      return target;
    }

    private void spend(long weight, Mark mark, String path) {
      nodes += weight;
      if (nodes > MAX_NODES) {
        problems.add(mark, path, "the document expands to more than " + MAX_NODES
            + " values (aliases count each time they are used); orgvend stops reading here");
        throw new LimitReached();
      }
    }

    private static boolean isInvalid(Node node) {
      return node instanceof Node.Scalar scalar && scalar.kind() == Node.ScalarKind.INVALID;
    }

    /** A placeholder for a value already reported as unusable; later checks stay quiet. */
    private static Node invalid(Mark mark) {
      return new Node.Scalar(mark, Node.ScalarKind.INVALID, "", null);
    }

    /** Whether the current value has no tag or a core-schema one; reports any other tag. */
    private boolean checkTag(Mark mark, String path) throws IOException {
      Object tag = parser.getTypeId();
      if (tag == null) {
        return true;
      }
      String name = tag.toString();
      if (name.startsWith(CORE_TAG_PREFIX) && CORE_TAGS.contains(
          name.substring(CORE_TAG_PREFIX.length()))) {
        return true;
      }
      String shown = name.startsWith(CORE_TAG_PREFIX)
          ? "!!" + name.substring(CORE_TAG_PREFIX.length()) : "!" + name;
      problems.add(mark, path, "the YAML tag " + Text.quote(shown) + " is not supported here");
      return false;
    }

    private Node mapping(Mark mark, String path, int depth) throws IOException {
      Map<String, Node.Entry> entries = new LinkedHashMap<>();
      List<Node> merged = new ArrayList<>();
      long weight = 1;
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        Mark keyMark = mark(parser);
        String key = parser.currentName();
        String keyPath = Text.keyPath(path, key);
        Node value = value(parser.nextToken(), keyPath, depth + 1);
        weight += value.weight();
        if (key.equals(MERGE_KEY)) {
          addMergeSources(value, keyPath, merged);
          continue;
        }
        Node.Entry earlier = entries.putIfAbsent(key, new Node.Entry(keyMark, key, value));
        if (earlier != null) {
          problems.add(keyMark, keyPath,
              "duplicate key; it is already set at " + earlier.keyMark().describe());
        }
      }
      // YAML merge keys: keys written in the mapping win over merged ones, earlier sources win
      // over later ones.
      for (Node source : merged) {
        for (Node.Entry entry : ((Node.Mapping) source).entries().values()) {
          entries.putIfAbsent(entry.key(), entry);
        }
      }
      return new Node.Mapping(mark, entries, weight);
    }

    private void addMergeSources(Node value, String path, List<Node> into) {
      if (value instanceof Node.Mapping) {
        into.add(value);
        return;
      }
      if (value instanceof Node.Sequence list && list.items().stream()
          .allMatch(item -> item instanceof Node.Mapping || isInvalid(item))) {
        list.items().stream().filter(item -> item instanceof Node.Mapping).forEach(into::add);
        return;
      }
      if (isInvalid(value)) {
        return;
      }
      problems.add(value.mark(), path,
          "the merge key << takes a mapping or a list of mappings, not " + value.kindName());
    }

    private Node sequence(Mark mark, String path, int depth) throws IOException {
      List<Node> items = new ArrayList<>();
      long weight = 1;
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        Node item = value(t, Text.indexPath(path, items.size()), depth + 1);
        weight += item.weight();
        items.add(item);
      }
      return new Node.Sequence(mark, List.copyOf(items), weight);
    }

    /**
     * A YAML float. Jackson cannot convert YAML's {@code .inf} and {@code .nan}, which are valid
     * YAML; they must be reported as the decimal numbers they are, not as syntax errors.
     */
    private double decimal(String text) throws IOException {
      switch (text.toLowerCase(java.util.Locale.ROOT)) {
        case ".inf", "+.inf" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-.inf" -> {
          return Double.NEGATIVE_INFINITY;
        }
        case ".nan" -> {
          return Double.NaN;
        }
        default -> {
          return parser.getDoubleValue();
        }
      }
    }

    private Node scalar(JsonToken token, Mark mark) throws IOException {
      String text = parser.getText();
      return switch (token) {
        case VALUE_NUMBER_INT -> new Node.Scalar(
            mark, Node.ScalarKind.INTEGER, text, parser.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT -> new Node.Scalar(mark, Node.ScalarKind.DECIMAL, text,
            decimal(text));
        case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(
            mark, Node.ScalarKind.BOOLEAN, text, token == JsonToken.VALUE_TRUE);
        case VALUE_NULL -> new Node.Scalar(mark, Node.ScalarKind.NULL, text, null);
        // Strings, and anything exotic (a !!binary value) read as its text.
        default -> {
          String string = text == null ? "" : text;
          yield new Node.Scalar(mark, Node.ScalarKind.STRING, string, string);
        }
      };
    }
  }
}
