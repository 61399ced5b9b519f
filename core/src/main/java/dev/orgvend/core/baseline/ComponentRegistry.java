package dev.orgvend.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgvend.core.spec.BaselineSpec;
import dev.orgvend.core.spec.BaselineValidator;
import dev.orgvend.core.spec.Spec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that maps component names to implementations. It also checks baselines for the
 * spec loader, and turns a loaded spec's baselines into ready {@link Baseline}s.
 */
public final class ComponentRegistry implements BaselineValidator {
  private final Map<String, BaselineComponent<?, ?>> components = new LinkedHashMap<>();

  private ComponentRegistry(List<BaselineComponent<?, ?>> components) {
    for (BaselineComponent<?, ?> c : components) {
      if (this.components.put(c.name(), c) != null) {
        throw new IllegalArgumentException("two components are named " + c.name());
      }
    }
  }

  /** Every component this orgvend ships. Add new components here. */
  public static ComponentRegistry standard() {
    return of(new BillingAlarmComponent(), new AlternateContactsComponent(),
        new AccountAliasComponent(), new PasswordPolicyComponent());
  }

  public static ComponentRegistry of(BaselineComponent<?, ?>... components) {
    return new ComponentRegistry(List.of(components));
  }

  @Override
  public boolean knows(String component) {
    return components.containsKey(component);
  }

  @Override
  public Collection<String> componentNames() {
    return List.copyOf(components.keySet());
  }

  @Override
  public List<Issue> validate(String component, JsonNode settings) {
    List<Issue> issues = new ArrayList<>();
    BaselineComponent<?, ?> c = components.get(component);
    if (c == null) {
      issues.add(new Issue("", "unknown baseline component"));
    } else if (c.configure(ConfigReader.of(settings, issues)) == null && issues.isEmpty()) {
      issues.add(new Issue("", "these settings are not usable"));
    }
    return issues;
  }

  /**
   * The spec's baselines, ready to run. The spec is expected to have been loaded with this
   * registry as its validator; anything it would have reported is thrown here instead.
   */
  public Map<String, Baseline> compile(Spec spec) {
    Map<String, Baseline> out = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (BaselineSpec b : spec.baselines().values()) {
      List<ConfiguredComponent<?, ?>> configured = new ArrayList<>();
      b.components().forEach((name, settings) -> {
        BaselineComponent<?, ?> c = components.get(name);
        if (c == null) {
          problems.add("baselines." + b.name() + "." + name + ": unknown baseline component");
          return;
        }
        List<Issue> issues = new ArrayList<>();
        ConfiguredComponent<?, ?> ready = configure(c, settings, issues);
        issues.forEach(i -> problems.add("baselines." + b.name() + "." + name
            + i.pointer().replace('/', '.') + ": " + i.message()));
        if (ready != null && issues.isEmpty()) {
          configured.add(ready);
        }
      });
      out.put(b.name(), new Baseline(b.name(), configured));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return out;
  }

  private static <C, S> ConfiguredComponent<C, S> configure(BaselineComponent<C, S> component,
      JsonNode settings, List<Issue> issues) {
    C config = component.configure(ConfigReader.of(settings, issues));
    return config == null ? null : new ConfiguredComponent<>(component, config);
  }
}
