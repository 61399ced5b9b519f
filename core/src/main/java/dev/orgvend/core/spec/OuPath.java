package dev.orgvend.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an organizational unit sits, as the names of the OUs from the root down: {@code
 * Workloads/Prod} is the OU {@code Prod} inside the top-level OU {@code Workloads}.
 *
 * <p>The root itself has no segments. In a spec it is written {@code Root} (or the {@code ou} key
 * is left out), which is also what {@link #toString()} gives back, so a path survives a round
 * trip through {@link #parse(String)}.
 */
public record OuPath(List<String> segments) {
  /** How the spec spells the root. */
  public static final String ROOT_NAME = "Root";

  /** Separates the names in a written path; OU names may not contain it. */
  public static final char SEPARATOR = '/';

  private static final OuPath ROOT = new OuPath(List.of());

  public OuPath {
    segments = List.copyOf(segments);
    for (String segment : segments) {
      if (segment.isEmpty() || segment.indexOf(SEPARATOR) >= 0) {
        throw new IllegalArgumentException("Invalid OU name in path: \"" + segment + "\"");
      }
    }
  }

  public static OuPath root() {
    return ROOT;
  }

  /**
   * Reads a written path: {@code Root} or the empty string for the root, otherwise names joined
   * by {@code /}.
   *
   * @throws IllegalArgumentException when the text has an empty segment, such as {@code A//B}
   */
  public static OuPath parse(String text) {
    String reason = invalidReason(text);
    if (reason != null) {
      throw new IllegalArgumentException("Invalid OU path \"" + text + "\": " + reason);
    }
    if (text.isEmpty() || text.equals(ROOT_NAME)) {
      return ROOT;
    }
    return new OuPath(List.of(text.split(String.valueOf(SEPARATOR), -1)));
  }

  /** Why {@code text} is not a path, or null when it is one. */
  static String invalidReason(String text) {
    if (text.isEmpty() || text.equals(ROOT_NAME)) {
      return null;
    }
    if (text.charAt(0) == SEPARATOR) {
      return "it starts with '/'; paths are relative to the root, e.g. Workloads/Prod";
    }
    if (text.charAt(text.length() - 1) == SEPARATOR) {
      return "it ends with '/'";
    }
    if (text.contains("//")) {
      return "it has an empty OU name between two '/'";
    }
    return null;
  }

  public OuPath child(String name) {
    List<String> longer = new ArrayList<>(segments);
    longer.add(name);
    return new OuPath(longer);
  }

  /** The enclosing OU's path; empty for the root. */
  public Optional<OuPath> parent() {
    if (isRoot()) {
      return Optional.empty();
    }
    return Optional.of(new OuPath(segments.subList(0, segments.size() - 1)));
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** How many OUs deep this is below the root; the root is 0, a top-level OU 1. */
  public int depth() {
    return segments.size();
  }

  /** The last segment, i.e. the OU's own name; {@code Root} for the root. */
  public String name() {
    return isRoot() ? ROOT_NAME : segments.get(segments.size() - 1);
  }

  @Override
  public String toString() {
    return isRoot() ? ROOT_NAME : String.join(String.valueOf(SEPARATOR), segments);
  }
}
