package dev.orgvend.core.baseline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A spec baseline with every component's settings checked and ready to use. */
public record Baseline(String name, List<ConfiguredComponent<?, ?>> components) {
  public Baseline {
    components = List.copyOf(components);
  }

  /** What the components want a report to say once, without repeats. */
  public List<String> reminders() {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    components.forEach(c -> out.addAll(c.reminders()));
    return new ArrayList<>(out);
  }

  public List<String> componentNames() {
    return components.stream().map(ConfiguredComponent::name).toList();
  }
}
