package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgvend.sandbox.protocol.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and checks Organizations tag lists ({@code [{Key, Value}]}). */
final class Tagging {
  static final int MAX_TAGS = 50;
  /** Entries one request may carry at all; beyond MAX_TAGS they earn the quota error. */
  private static final int MAX_LIST = 1000;
  private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private Tagging() {}

  /** The tags in {@code member}; more than {@link #MAX_TAGS} is a quota violation. */
  static Map<String, String> read(Params params, String member) {
    List<JsonNode> items = params.list(member, MAX_LIST);
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode item : items) {
      Params tag = params.of(item, member);
      String key = key(tag.text("Key").required().length(1, 128).pattern(TAG_TEXT).get());
      String value = tag.text("Value").required().length(0, 256).pattern(TAG_TEXT).get();
      if (tags.put(key, value) != null) {
        throw OrgErrors.invalidInput("DUPLICATE_TAG_KEY",
            "You provided the tag key " + key + " more than once.");
      }
    }
    checkCount(tags);
    return tags;
  }

  static List<String> readKeys(Params params, String member) {
    List<String> keys = params.strings(member, MAX_LIST);
    for (String key : keys) {
      if (key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches()) {
        throw OrgErrors.invalidInput("INVALID_PATTERN", "Invalid tag key: " + key);
      }
      key(key);
    }
    return keys;
  }

  static void checkCount(Map<String, String> tags) {
    if (tags.size() > MAX_TAGS) {
      throw OrgErrors.tagLimit(MAX_TAGS);
    }
  }

  /** Keys starting with {@code aws:} belong to AWS. */
  private static String key(String key) {
    if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      throw OrgErrors.systemTagKey(key);
    }
    return key;
  }
}
