package dev.orgvend.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named baseline: component name to that component's configuration. The spec loader only
 * checks that a baseline is a mapping; what each component accepts is up to the component.
 *
 * @param components component configurations in spec order; treat the nodes as read-only
 */
public record BaselineSpec(String name, Map<String, JsonNode> components) {
  public BaselineSpec {
    components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
  }
}
