package dev.orgvend.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an awsQuery form body into the same tree shape an awsJson client would send, so one
 * operation implementation serves both protocols (CloudWatch speaks both).
 *
 * <p>{@code Tags.member.1.Key=a} becomes {@code {"Tags":[{"Key":"a"}]}} and {@code
 * Attributes.entry.1.key=k&Attributes.entry.1.value=v} becomes {@code {"Attributes":{"k":"v"}}}.
 * Scalars stay strings; readers convert them.
 */
public final class QueryInput {
  private QueryInput() {}

  /** Decoded form fields, in body order. Throws {@link IllegalArgumentException} if malformed. */
  public static Map<String, String> parseForm(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.put(decode(name), decode(value));
    }
    return fields;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The operation's members as a tree; {@code Action} and {@code Version} are left out. */
  public static ObjectNode toTree(Map<String, String> fields) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      String name = field.getKey();
      if (name.equals("Action") || name.equals("Version")) {
        continue;
      }
      insert(root, name.split("\\.", -1), field.getValue());
    }
    return (ObjectNode) convert(root);
  }

  @SuppressWarnings("unchecked")
  private static void insert(Map<String, Object> root, String[] path, String value) {
    Map<String, Object> node = root;
    for (int i = 0; i < path.length - 1; i++) {
      Object child = node.get(path[i]);
      if (!(child instanceof Map)) {
        child = new LinkedHashMap<String, Object>();
        node.put(path[i], child);
      }
      node = (Map<String, Object>) child;
    }
    String last = path[path.length - 1];
    if (!(node.get(last) instanceof Map)) {
      node.put(last, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static JsonNode convert(Object value) {
    if (!(value instanceof Map)) {
      return TextNode.valueOf((String) value);
    }
    Map<String, Object> map = (Map<String, Object>) value;
    if (map.size() == 1 && map.get("member") instanceof Map) {
      return list((Map<String, Object>) map.get("member"));
    }
    if (map.size() == 1 && map.get("entry") instanceof Map) {
      return entries((Map<String, Object>) map.get("entry"));
    }
    ObjectNode out = Nodes.object();
    map.forEach((k, v) -> out.set(k, convert(v)));
    return out;
  }

  private static ArrayNode list(Map<String, Object> members) {
    ArrayNode out = Nodes.array();
    for (Object item : byIndex(members).values()) {
      out.add(convert(item));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static ObjectNode entries(Map<String, Object> entries) {
    ObjectNode out = Nodes.map(Map.of());
    for (Object entry : byIndex(entries).values()) {
      if (entry instanceof Map) {
        Map<String, Object> kv = (Map<String, Object>) entry;
        Object key = kv.get("key");
        Object val = kv.get("value");
        if (key instanceof String) {
          out.set((String) key, val == null ? TextNode.valueOf("") : convert(val));
        }
      }
    }
    return out;
  }

  /** Members ordered by their 1-based index; non-numeric indexes are rejected. */
  private static TreeMap<Integer, Object> byIndex(Map<String, Object> indexed) {
    TreeMap<Integer, Object> sorted = new TreeMap<>();
    for (Map.Entry<String, Object> e : indexed.entrySet()) {
      int index;
      try {
        index = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("list index is not a number: " + e.getKey());
      }
      if (index < 1) {
        throw new IllegalArgumentException("list index must start at 1: " + e.getKey());
      }
      sorted.put(index, e.getValue());
    }
    return sorted;
  }
}
