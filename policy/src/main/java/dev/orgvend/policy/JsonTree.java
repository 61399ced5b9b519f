package dev.orgvend.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON tree that remembers where every value and member name was written. Jackson's tree
 * model forgets positions, so the policy parser reads the token stream into this instead.
 * Duplicate member names are kept (the parser reports them); nothing else is lenient.
 */
final class JsonTree {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .build();

  /** A JSON value and the position of its first character. */
  sealed interface Value permits Obj, Arr, Scalar {
    Position at();
  }

  record Member(String name, Position at, Value value) {}

  record Obj(Position at, List<Member> members) implements Value {
    Member get(String name) {
      for (Member m : members) {
        if (m.name.equals(name)) {
          return m;
        }
      }
      return null;
    }
  }

  record Arr(Position at, List<Value> items) implements Value {}

  enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

  /** A string, number, boolean or null; {@code text} is the string, or the literal as written. */
  record Scalar(Position at, ScalarKind kind, String text) implements Value {}

  /** Malformed JSON, with the position the parser stopped at. */
  static final class SyntaxError extends Exception {
    final Position at;

    SyntaxError(Position at, String message) {
      super(message, null, false, false);
      this.at = at;
    }
  }

  static Value parse(String text, PositionMap positions) throws SyntaxError {
    return new JsonTree(positions).read(text);
  }

  private final PositionMap positions;

  private JsonTree(PositionMap positions) {
    this.positions = positions;
  }

  private Value read(String text) throws SyntaxError {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new SyntaxError(positions.map(Position.START), "the document is empty");
      }
      Value root = read(p);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        throw new SyntaxError(at(p.currentTokenLocation()),
            "unexpected content after the end of the JSON document");
      }
      return root;
    } catch (JsonParseException e) {
      JsonLocation loc = e.getLocation();
      throw new SyntaxError(loc == null ? positions.map(Position.START) : at(loc), describe(e));
    } catch (IOException e) {
      throw new SyntaxError(positions.map(Position.START),
          "the document could not be read: " + e.getMessage());
    }
  }

  private Value read(JsonParser p) throws IOException {
    Position at = at(p.currentTokenLocation());
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        List<Member> members = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          Position nameAt = at(p.currentTokenLocation());
          p.nextToken();
          members.add(new Member(name, nameAt, read(p)));
        }
        return new Obj(at, List.copyOf(members));
      }
      case START_ARRAY -> {
        List<Value> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p));
        }
        return new Arr(at, List.copyOf(items));
      }
      case VALUE_STRING -> {
        return new Scalar(at, ScalarKind.STRING, p.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Scalar(at, ScalarKind.NUMBER, p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Scalar(at, ScalarKind.BOOLEAN, p.getText());
      }
      case VALUE_NULL -> {
        return new Scalar(at, ScalarKind.NULL, "null");
      }
      default -> throw new JsonParseException(p, "unexpected " + token);
    }
  }

  private Position at(JsonLocation loc) {
    return positions.map(
        new Position(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr())));
  }

  /** Jackson's message without its source excerpt, quoting whatever it quotes safely. */
  private static String describe(JsonParseException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return "malformed JSON";
    }
    int cut = message.indexOf('\n');
    String first = cut < 0 ? message : message.substring(0, cut);
    return "malformed JSON: " + Text.printable(first);
  }
}
