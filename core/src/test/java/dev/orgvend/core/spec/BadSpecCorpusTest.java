package dev.orgvend.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code specs/bad/NAME.yaml} must produce exactly the lines in {@code NAME.expected}, all
 * from one load: every problem, in file order, with file:line:column and field path.
 */
class BadSpecCorpusTest {
  private static final SpecLoader LOADER = SpecLoader.create();

  static Stream<String> badSpecs() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(corpus())) {
      return files.map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void parse_whenSpecIsBroken_reportsExactlyTheExpectedProblems(String name) throws Exception {
    Path spec = corpus().resolve(name);
    Path expected = corpus().resolve(name.replaceFirst("\\.yaml$", ".expected"));
    String text = Files.readString(spec, StandardCharsets.UTF_8);

    SpecResult result = LOADER.parse(name, text);

    assertThat(result).isInstanceOf(SpecResult.Invalid.class);
    List<String> rendered = ((SpecResult.Invalid) result).problems().stream()
        .map(Problem::toString)
        .toList();
    assertThat(rendered).containsExactlyElementsOf(Files.readAllLines(expected));
  }

  @Test
  void corpus_everySpecHasAnExpectationAndViceVersa() throws Exception {
    try (Stream<Path> files = Files.list(corpus())) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      List<String> specs = names.stream().filter(n -> n.endsWith(".yaml"))
          .map(n -> n.replaceFirst("\\.yaml$", "")).toList();
      List<String> expectations = names.stream().filter(n -> n.endsWith(".expected"))
          .map(n -> n.replaceFirst("\\.expected$", "")).toList();
      assertThat(specs).hasSizeGreaterThanOrEqualTo(30).isEqualTo(expectations);
    }
  }

  private static Path corpus() throws URISyntaxException {
    return Path.of(BadSpecCorpusTest.class.getResource("/specs/bad").toURI());
  }
}
