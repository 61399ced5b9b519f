package dev.orgvend.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where reports and charts go, and what every report records about its run. {@code bench/run}
 * passes the checkout's root as the system property {@code orgvend.bench.root}; without it
 * (a bare {@code java -jar}) paths are relative to the working directory.
 */
final class Results {
  private Results() {}

  static Path root() {
    String root = System.getProperty("orgvend.bench.root");
    return root == null ? Path.of("") : Path.of(root);
  }

  /** {@code bench/results}: one JSON file per benchmark. */
  static Path dir() {
    return root().resolve("bench").resolve("results");
  }

  /** {@code docs}: where the charts go. */
  static Path docs() {
    return root().resolve("docs");
  }

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String command(String bench, String[] args) {
    StringBuilder out = new StringBuilder("bench/run ").append(bench);
    for (String a : args) {
      out.append(' ').append(a);
    }
    return out.toString();
  }

  /** A progress line on stderr, so that stdout carries only the tables. */
  static void progress(String format, Object... args) {
    System.err.printf(Locale.ROOT, format + "%n", args);
  }

  /** The machine: cores, memory, CPU, OS, JVM, and the load when the benchmark started. */
  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    var os = ManagementFactory.getOperatingSystemMXBean();
    int cores = Runtime.getRuntime().availableProcessors();
    long memory = os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getTotalMemorySize() : 0;
    String cpu = cpuModel().orElse(System.getProperty("os.arch"));
    String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    m.put("cores", cores);
    m.put("memoryGiB", Math.round(memory / (1024.0 * 1024 * 1024)));
    m.put("cpu", cpu);
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("jvm", jvm);
    m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    m.put("loadAverageAtStart", Math.round(os.getSystemLoadAverage() * 100) / 100.0);
    m.put("summary", String.format(Locale.ROOT, "%d cores, %d GiB, %s, %s, load %.2f at start",
        cores, m.get("memoryGiB"), cpu, jvm, os.getSystemLoadAverage()));
    return m;
  }

  private static Optional<String> cpuModel() {
    Path info = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(info)) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(info)) {
      return lines.filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
