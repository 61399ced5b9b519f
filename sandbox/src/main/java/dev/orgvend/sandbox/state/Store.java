package dev.orgvend.sandbox.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the sandbox keeps its state between restarts.
 *
 * <p>All state lives in memory in {@link Table}s; every change is staged here and written in one
 * transaction when the request that made it ends ({@link #commit()}), so a crash leaves either the
 * whole effect of a request on disk or none of it. The in-memory store writes nothing.
 */
public abstract class Store implements AutoCloseable {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Map<String, Table<?>> tables = new LinkedHashMap<>();
  private final List<Change> pending = new ArrayList<>();

  /** A change waiting for {@link #commit()}; {@code json == null} deletes the row. */
  record Change(String kind, String id, String json) {}

  /** Opens (and loads) the table of one kind of record. Kinds are unique per store. */
  public synchronized <V> Table<V> table(String kind, Class<V> type) {
    if (tables.containsKey(kind)) {
      throw new IllegalStateException("table opened twice: " + kind);
    }
    Table<V> table = new Table<>(this, kind, type);
    for (Map.Entry<String, String> row : load(kind).entrySet()) {
      table.restore(row.getKey(), decode(row.getValue(), type, kind));
    }
    tables.put(kind, table);
    return table;
  }

  synchronized void stage(String kind, String id, Object value) {
    pending.add(new Change(kind, id, value == null ? null : encode(value)));
  }

  /** Writes every staged change in one transaction. */
  public synchronized void commit() {
    if (pending.isEmpty()) {
      return;
    }
    List<Change> batch = List.copyOf(pending);
    pending.clear();
    write(batch);
  }

  /** Forgets everything: memory and disk. */
  public synchronized void clear() {
    pending.clear();
    tables.values().forEach(Table::forget);
    wipe();
  }

  /**
   * Every record of every table as JSON, by kind and id, for the admin dump. Members whose name
   * mentions a secret or a session token are replaced by {@code "***"}.
   */
  public synchronized Map<String, Map<String, com.fasterxml.jackson.databind.JsonNode>> dump() {
    Map<String, Map<String, com.fasterxml.jackson.databind.JsonNode>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Table<?>> entry : tables.entrySet()) {
      Map<String, com.fasterxml.jackson.databind.JsonNode> rows = new LinkedHashMap<>();
      entry.getValue().forEachRow((id, value) -> rows.put(id, redact(JSON.valueToTree(value))));
      out.put(entry.getKey(), rows);
    }
    return out;
  }

  private static com.fasterxml.jackson.databind.JsonNode redact(
      com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isObject()) {
      var obj = (com.fasterxml.jackson.databind.node.ObjectNode) node;
      List<String> names = new ArrayList<>();
      obj.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("secret") || lower.contains("sessiontoken")) {
          obj.put(name, "***");
        } else {
          redact(obj.get(name));
        }
      }
    } else if (node.isArray()) {
      node.forEach(Store::redact);
    }
    return node;
  }

  protected abstract Map<String, String> load(String kind);

  protected abstract void write(List<Change> batch);

  protected abstract void wipe();

  @Override
  public void close() {}

  private static String encode(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  private static <V> V decode(String json, Class<V> type, String kind) {
    try {
      return JSON.readValue(json, type);
    } catch (Exception e) {
      throw new IllegalStateException("stored " + kind + " record is unreadable: " + e.getMessage(), e);
    }
  }

  /** A store that keeps nothing beyond the process: for tests and throw-away sandboxes. */
  public static Store inMemory() {
    return new Store() {
      @Override
      protected Map<String, String> load(String kind) {
        return Map.of();
      }

      @Override
      protected void write(List<Change> batch) {}

      @Override
      protected void wipe() {}
    };
  }
}
