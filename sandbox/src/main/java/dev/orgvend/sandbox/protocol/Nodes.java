package dev.orgvend.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Builders for operation output trees. Operations answer with a Jackson tree that each protocol
 * renders its own way; two node kinds carry what JSON alone cannot say: a {@link Timestamp} (epoch
 * seconds in JSON, ISO-8601 in XML) and a {@link MapNode} (a plain object in JSON, {@code
 * entry/key/value} in XML).
 */
public final class Nodes {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Nodes() {}

  public static ObjectNode object() {
    return F.objectNode();
  }

  public static ArrayNode array() {
    return F.arrayNode();
  }

  public static <T> ArrayNode array(Collection<T> items, Function<T, JsonNode> mapper) {
    ArrayNode out = F.arrayNode();
    for (T item : items) {
      out.add(mapper.apply(item));
    }
    return out;
  }

  public static ArrayNode strings(Collection<String> items) {
    ArrayNode out = F.arrayNode();
    items.forEach(out::add);
    return out;
  }

  public static Timestamp time(Instant instant) {
    return new Timestamp(instant);
  }

  public static MapNode map(Map<String, String> entries) {
    MapNode out = new MapNode();
    entries.forEach(out::put);
    return out;
  }

  /** A point in time; JSON protocols write it as epoch seconds, Query as ISO-8601. */
  public static final class Timestamp extends DecimalNode {
    private final Instant instant;

    Timestamp(Instant instant) {
      super(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
      this.instant = instant;
    }

    public Instant instant() {
      return instant;
    }
  }

  /** A string-to-string map; Query renders it as entry/key/value elements. */
  public static final class MapNode extends ObjectNode {
    MapNode() {
      super(F);
    }
  }
}
