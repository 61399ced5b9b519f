package dev.orgvend.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.SandboxSettings.Knob;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Settings as the admin API's JSON ({@code GET}/{@code POST /_sandbox/settings}), written and read
 * knob by knob from {@link SandboxSettings}'s table: durations in milliseconds, enums in lower
 * case, rates as {@code "RATE:BURST"}.
 */
final class SettingsJson {
  private SettingsJson() {}

  static ObjectNode write(SandboxSettings settings) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Knob<?> knob : SandboxSettings.knobs()) {
      out.set(knob.name(), toJson(settings, knob));
    }
    return out;
  }

  /**
   * Applies the members present in {@code patch}; the others keep their values.
   *
   * @throws IllegalArgumentException naming the member that is unknown or wrong
   */
  static SandboxSettings merge(SandboxSettings settings, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw new IllegalArgumentException("send a JSON object with the settings to change");
    }
    SandboxSettings out = settings;
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      Knob<?> knob = SandboxSettings.knob(member.getKey()).orElseThrow(() ->
          new IllegalArgumentException("unknown setting: " + member.getKey() + " (the settings"
              + " are " + SandboxSettings.knobs().stream().map(Knob::name)
              .collect(Collectors.joining(", ")) + ")"));
      out = apply(out, knob, member.getValue());
    }
    return out;
  }

  private static <T> JsonNode toJson(SandboxSettings settings, Knob<T> knob) {
    return knob.type().toJson(settings.get(knob));
  }

  private static <T> SandboxSettings apply(SandboxSettings settings, Knob<T> knob,
      JsonNode value) {
    T parsed;
    try {
      parsed = knob.type().merge(settings.get(knob), value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(knob.name() + " " + e.getMessage());
    }
    return settings.with(knob, parsed);
  }
}
