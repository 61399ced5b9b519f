package dev.orgvend.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark's command-line options: {@code --name value} pairs and bare {@code --flag}s. Every
 * option a benchmark reads must be declared, so a typo is an error rather than a silently
 * ignored setting.
 */
final class Args {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  private Args() {}

  /**
   * @param valued options that take a value, e.g. {@code "--accounts"}
   * @param bare options that take none, e.g. {@code "--in-memory"}
   */
  static Args parse(String[] args, Set<String> valued, Set<String> bare) {
    Args out = new Args();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (bare.contains(a)) {
        out.flags.add(a);
      } else if (valued.contains(a)) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        out.values.put(a, args[++i]);
      } else {
        Set<String> known = new java.util.TreeSet<>(valued);
        known.addAll(bare);
        throw new IllegalArgumentException("unknown option " + a + "; known: " + known);
      }
    }
    return out;
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    String v = values.get(name);
    return v == null ? fallback : Integer.parseInt(v.trim());
  }

  /** A comma-separated list such as {@code 10,50,200}. */
  int[] integers(String name, int... fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    return Arrays.stream(v.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
  }

  /** {@code 500ms}, {@code 8s} or {@code 2m}. */
  Duration duration(String name, Duration fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(v.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(name + ": '" + v + "' is not a duration such as 500ms,"
          + " 8s or 2m");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }
}
