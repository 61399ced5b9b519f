package dev.orgvend.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small helpers the torture commands share: the checkout, work directories, durations. */
final class BenchPaths {
  private BenchPaths() {}

  /** The checkout: {@code -Dorgvend.root} (set by bench/run), else the working directory. */
  static Path root() {
    return Path.of(System.getProperty("orgvend.root", ".")).toAbsolutePath().normalize();
  }

  /** Marks a work directory as ours, so a later run may empty it. */
  private static final String MARKER = ".orgvend-torture";

  /**
   * Empties {@code dir} (a previous run's files), creating it if needed. A directory that is not
   * empty and was not made by a torture run is left alone: that is an error.
   */
  static void wipe(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      boolean ours = Files.exists(dir.resolve(MARKER));
      try (Stream<Path> files = Files.list(dir)) {
        if (!ours && files.findAny().isPresent()) {
          throw new IllegalArgumentException(dir + " is not empty and was not made by a torture"
              + " run; choose another --work-dir");
        }
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          if (!p.equals(dir)) {
            Files.delete(p);
          }
        }
      }
    }
    Files.createDirectories(dir);
    Files.createFile(dir.resolve(MARKER));
  }

  /** {@code 2s}, {@code 1500ms} or a bare number of milliseconds. */
  static Duration duration(String text) {
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }
    if (text.endsWith("s")) {
      return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0,
          text.length() - 1)) * 1000));
    }
    return Duration.ofMillis(Long.parseLong(text));
  }

  static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
