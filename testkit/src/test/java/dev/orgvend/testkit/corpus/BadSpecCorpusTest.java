package dev.orgvend.testkit.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-spec half of the bad-input corpus ({@code docs/testing.md}): each {@code
 * specs/bad/NAME.yaml} must make the loader report exactly the problem lines of {@code
 * NAME.expected}, all from one load, in file order, with file:line:column and field path. The
 * expected file holds the whole stderr of {@code orgvend validate -f NAME.yaml}; its last line is
 * the CLI's summary, which {@code BadInputCorpusIT} checks through the CLI with the exit code.
 */
class BadSpecCorpusTest {
  /** The loader the CLI uses, the engine's: baseline components are checked too. */
  private static final SpecLoader LOADER = Engine.specLoader();

  @TempDir Path dir;

  static List<String> badSpecs() throws IOException {
    return CorpusCase.names(CorpusCase.directory("specs/bad"), ".yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void load_whenSpecIsBroken_reportsExactlyTheExpectedProblems(String name) throws Exception {
    CorpusCase c = CorpusCase.read(CorpusCase.directory("specs/bad").resolve(name));
    Path spec = c.copyTo(dir, Map.of());

    SpecResult result = LOADER.load(spec);

    assertThat(result).isInstanceOf(SpecResult.Invalid.class);
    List<String> rendered = ((SpecResult.Invalid) result).problems().stream()
        .map(p -> p.toString().replace(dir + File.separator, ""))
        .toList();
    List<String> expected = c.stderr();
    assertThat(rendered).containsExactlyElementsOf(expected.subList(0, expected.size() - 1));
    assertThat(expected).last().isEqualTo("orgvend: " + rendered.size() + " problem(s) in "
        + name + "; nothing was sent to AWS");
    assertThat(c.headers()).containsEntry("exit", "3").containsEntry("aws", "none")
        .containsKeys("category", "why");
  }

  @Test
  void corpus_everySpecHasAnExpectationAndViceVersa() throws Exception {
    Path corpus = CorpusCase.directory("specs/bad");
    List<String> specs = CorpusCase.names(corpus, ".yaml").stream()
        .map(n -> n.replaceFirst("\\.yaml$", "")).toList();
    List<String> expectations = CorpusCase.names(corpus, ".expected").stream()
        .map(n -> n.replaceFirst("\\.expected$", "")).toList();
    assertThat(specs).hasSizeGreaterThanOrEqualTo(45).isEqualTo(expectations);
  }
}
