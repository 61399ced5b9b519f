package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgvend.sandbox.protocol.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and checks Organizations tag lists ({@code [{Key, Value}]}). */
final class Tagging {
  static final int MAX_TAGS = 50;
  private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private Tagging() {}

  static Map<String, String> read(Params params, String member) {
    List<JsonNode> items = params.list(member, MAX_TAGS);
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode item : items) {
      Params tag = params.of(item, member);
      String key = tag.text("Key").required().length(1, 128).pattern(TAG_TEXT).get();
      String value = tag.text("Value").required().length(0, 256).pattern(TAG_TEXT).get();
      if (tags.put(key, value) != null) {
        throw OrgErrors.invalidInput("DUPLICATE_TAG_KEY",
            "You provided the tag key " + key + " more than once.");
      }
    }
    return tags;
  }

  static List<String> readKeys(Params params, String member) {
    List<String> keys = params.strings(member, MAX_TAGS);
    for (String key : keys) {
      if (key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches()) {
        throw OrgErrors.invalidInput("INVALID_PATTERN", "Invalid tag key: " + key);
      }
    }
    return keys;
  }
}
