package dev.orgvend.sandbox.state;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One kind of record, by id, kept in memory and written through its {@link Store}. Records are
 * immutable values; to change one, put a new value under the same id.
 *
 * <p>Not thread-safe: the sandbox runs every operation under one lock.
 */
public final class Table<V> {
  private final Store store;
  private final String kind;
  private final Class<V> type;
  private final Map<String, V> rows = new LinkedHashMap<>();
  private final java.util.List<Index<V>> indexes = new java.util.ArrayList<>();

  /** The ids of the rows that match a predicate, kept up to date as rows change. */
  private record Index<V>(Predicate<V> test, java.util.Set<String> ids) {
    void update(String id, V value) {
      if (value != null && test.test(value)) {
        ids.add(id);
      } else {
        ids.remove(id);
      }
    }
  }

  Table(Store store, String kind, Class<V> type) {
    this.store = store;
    this.kind = kind;
    this.type = type;
  }

  public Optional<V> find(String id) {
    return Optional.ofNullable(rows.get(id));
  }

  public V get(String id) {
    return rows.get(id);
  }

  public boolean contains(String id) {
    return rows.containsKey(id);
  }

  public void put(String id, V value) {
    rows.put(id, value);
    indexes.forEach(i -> i.update(id, value));
    store.stage(kind, id, value);
  }

  public void remove(String id) {
    if (rows.remove(id) != null) {
      indexes.forEach(i -> i.update(id, null));
      store.stage(kind, id, null);
    }
  }

  /**
   * A live, read-only view of the ids of rows matching {@code test}, so that hot paths (the
   * settling done before every request) need not scan the whole table.
   */
  public java.util.Set<String> index(Predicate<V> test) {
    Index<V> index = new Index<>(test, new java.util.LinkedHashSet<>());
    rows.forEach(index::update);
    indexes.add(index);
    return Collections.unmodifiableSet(index.ids());
  }

  /** Every record, in insertion order; a read-only view. */
  public Collection<V> values() {
    return Collections.unmodifiableCollection(rows.values());
  }

  public java.util.List<V> where(Predicate<V> filter) {
    return rows.values().stream().filter(filter).collect(Collectors.toList());
  }

  public int size() {
    return rows.size();
  }

  void forEachRow(java.util.function.BiConsumer<String, V> action) {
    rows.forEach(action);
  }

  Class<V> type() {
    return type;
  }

  void restore(String id, V value) {
    rows.put(id, value);
    indexes.forEach(i -> i.update(id, value));
  }

  void forget() {
    rows.clear();
    indexes.forEach(i -> i.ids().clear());
  }
}
