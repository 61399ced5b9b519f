package dev.orgvend.testkit.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One case of the bad-input corpus (see {@code docs/testing.md}): an input file and its {@code
 * NAME.expected}, which starts with {@code # key: value} header lines and then holds the exact
 * stderr orgvend prints for it. The corpus lives in {@code testkit/corpus}; this is the one
 * reader of it, for the test kit's own corpus tests and {@code cli}'s {@code BadInputCorpusIT}.
 */
public record CorpusCase(Path input, Map<String, String> headers, List<String> stderr) {
  /** The header keys a case may use; anything else is a typo. */
  public static final List<String> HEADERS =
      List.of("category", "exit", "aws", "why", "pad-to", "spec");

  /**
   * The corpus: the directory the {@code orgvend.corpus} system property names, or else {@code
   * testkit/corpus} in the working directory or the nearest one above it.
   */
  public static Path root() {
    String configured = System.getProperty("orgvend.corpus");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("testkit").resolve("corpus");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no bad-input corpus here or above; set -Dorgvend.corpus"
        + " to the testkit/corpus directory");
  }

  /** A directory of the corpus, e.g. {@code specs/bad} or {@code plans/bad}. */
  public static Path directory(String name) {
    return root().resolve(name);
  }

  /** The names of the cases in {@code dir} whose input files end with {@code extension}. */
  public static List<String> names(Path dir, String extension) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(extension))
          .sorted().toList();
    }
  }

  public static CorpusCase read(Path input) throws IOException {
    String name = input.getFileName().toString();
    Path expected = input.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected");
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> stderr = new ArrayList<>();
    for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
      if (stderr.isEmpty() && line.startsWith("# ")) {
        String[] kv = line.substring(2).split(":", 2);
        if (!HEADERS.contains(kv[0]) || kv.length < 2) {
          throw new IllegalArgumentException(expected + ": unknown header line: " + line);
        }
        headers.put(kv[0], kv[1].trim());
      } else {
        stderr.add(line);
      }
    }
    return new CorpusCase(input, headers, stderr);
  }

  public String name() {
    return input.getFileName().toString();
  }

  public int exitCode() {
    return Integer.parseInt(headers.get("exit"));
  }

  /**
   * The input as a test uses it, in {@code dir} under its own name: {@code ${key}} placeholders
   * replaced from {@code values}, then padded with blanks to {@code pad-to} bytes if the case
   * asks for it.
   */
  public Path copyTo(Path dir, Map<String, String> values) throws IOException {
    byte[] bytes = Files.readAllBytes(input);
    if (!values.isEmpty()) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      for (Map.Entry<String, String> v : values.entrySet()) {
        text = text.replace("${" + v.getKey() + "}", v.getValue());
      }
      bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    }
    if (headers.containsKey("pad-to")) {
      int size = Integer.parseInt(headers.get("pad-to"));
      byte[] padded = Arrays.copyOf(bytes, size);
      Arrays.fill(padded, bytes.length, size, (byte) ' ');
      bytes = padded;
    }
    return Files.write(dir.resolve(name()), bytes);
  }

  /** The expected stderr lines with {@code ${key}} placeholders replaced from {@code values}. */
  public List<String> stderr(Map<String, String> values) {
    return stderr.stream().map(line -> {
      String out = line;
      for (Map.Entry<String, String> v : values.entrySet()) {
        out = out.replace("${" + v.getKey() + "}", v.getValue());
      }
      return out;
    }).toList();
  }
}
