package dev.orgvend.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;

/**
 * Checks the settings of baseline components while a spec is loaded, so that a misspelt component
 * or a bad threshold is reported with its line and column by {@code validate}, long before
 * {@code apply}. The spec package knows no components; the engine supplies one of these.
 */
public interface BaselineValidator {

  /**
   * One thing wrong with a component's settings.
   *
   * @param pointer where, as a JSON Pointer relative to the component's settings ({@code
   *     /threshold}, {@code /email/1}); empty for the settings as a whole. When the pointer names
   *     a key that is absent, the problem is placed at the nearest enclosing value.
   * @param message what is wrong and what would be right
   * @param atKey whether the problem is the key itself (an unknown setting), so it is placed at
   *     the key rather than at its value
   */
  record Issue(String pointer, String message, boolean atKey) {
    public Issue(String pointer, String message) {
      this(pointer, message, false);
    }
  }

  /** Accepts every component and every setting: the loader's behaviour without an engine. */
  BaselineValidator ANY = new BaselineValidator() {
    @Override
    public boolean knows(String component) {
      return true;
    }

    @Override
    public Collection<String> componentNames() {
      return List.of();
    }

    @Override
    public List<Issue> validate(String component, JsonNode settings) {
      return List.of();
    }
  };

  boolean knows(String component);

  /** Every component name, for "did you mean" suggestions. */
  Collection<String> componentNames();

  /** The problems with one known component's settings; empty when they are usable. */
  List<Issue> validate(String component, JsonNode settings);
}
