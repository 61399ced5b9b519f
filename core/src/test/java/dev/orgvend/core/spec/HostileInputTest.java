package dev.orgvend.core.spec;

import static dev.orgvend.core.spec.SpecLoaderTest.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Input written to hurt: huge, self-multiplying, deeply nested, or plain garbage. */
class HostileInputTest {
  private final SpecLoader loader = SpecLoader.create();

  @TempDir Path dir;

  @Test
  void load_whenFileIsOverOneMebibyte_refusesItUnparsed() throws Exception {
    Path big = dir.resolve("orgvend.yaml");
    Files.writeString(big, "version: 1\n# " + "x".repeat(SpecLoader.MAX_BYTES) + "\n");

    assertThat(invalid(loader.load(big))).extracting(Problem::toString).containsExactly(
        big + ": the file is larger than 1048576 bytes (1 MiB); orgvend refuses to read it");
  }

  @Test
  void parse_whenTextIsOverOneMebibyteInUtf8_refusesIt() {
    // 400 000 three-byte characters: under the limit in chars, over it in bytes.
    String text = "version: 1\n# " + "€".repeat(400_000) + "\n";

    assertThat(invalid(loader.parse("orgvend.yaml", text))).extracting(Problem::message)
        .containsExactly(
            "the file is larger than 1048576 bytes (1 MiB); orgvend refuses to read it");
  }

  @Test
  @Timeout(5)
  void parse_whenAliasesMultiply_stopsAtTheNodeBudget() {
    StringBuilder yaml = new StringBuilder("version: 1\nbaselines:\n  lol:\n    l0: &l0 [x, x]\n");
    for (int i = 1; i <= 40; i++) {
      yaml.append("    l").append(i).append(": &l").append(i)
          .append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
    }

    List<Problem> problems = invalid(loader.parse("orgvend.yaml", yaml.toString()));

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.message()).startsWith("the document expands to more than 100000 values");
      assertThat(p.line()).isGreaterThan(4);
    });
  }

  @Test
  void parse_whenAliasesStayWithinBudget_acceptsThem() {
    StringBuilder yaml = new StringBuilder("version: 1\nbaselines:\n  ok:\n    l0: &l0 [x, x]\n");
    for (int i = 1; i <= 10; i++) { // 2^11 nodes: fine
      yaml.append("    l").append(i).append(": &l").append(i)
          .append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
    }

    assertThat(loader.parse("orgvend.yaml", yaml.toString()))
        .isInstanceOf(SpecResult.Valid.class);
  }

  @Test
  void parse_whenManyPlainValues_stopsAtTheNodeBudgetToo() {
    String yaml = "version: 1\nbaselines:\n  many:\n    list: [" + "1,".repeat(150_000) + "1]\n";

    assertThat(invalid(loader.parse("orgvend.yaml", yaml))).extracting(Problem::message)
        .singleElement().asString().startsWith("the document expands to more than 100000");
  }

  @Test
  void parse_whenNestingIsVeryDeep_reportsInsteadOfOverflowingTheStack() {
    String yaml = "version: 1\nbaselines:\n  deep:\n    x: " + "[".repeat(100_000)
        + "]".repeat(100_000) + "\n";

    List<Problem> problems = invalid(loader.parse("orgvend.yaml", yaml));

    assertThat(problems).singleElement().extracting(Problem::message)
        .isEqualTo("nested more than 32 levels deep");
  }

  @Test
  void parse_whenValueIsVeryLong_reportsLengthAndQuotesOnlyAPrefix() {
    String yaml = "version: 1\naccounts:\n  - name: " + "n".repeat(100_000)
        + "\n    email: a@example.com\n";

    List<Problem> problems = invalid(loader.parse("orgvend.yaml", yaml));

    assertThat(problems).extracting(Problem::toString).containsExactly(
        "orgvend.yaml:3:11: accounts[0].name: is 100000 characters long; no value in a spec may "
            + "be longer than 4096");
  }

  @Test
  void parse_whenMessagesQuoteHostileText_escapesIt() {
    String yaml =
        "version: 1\naccounts:\n  - name: ok\n    email: \"\\e[2Jx\\u202E@example.com\"\n";

    List<Problem> problems = invalid(loader.parse("orgvend.yaml", yaml));

    assertThat(problems).singleElement().extracting(Problem::toString).asString()
        .contains("\"\\x1b[2Jx\\u202e@example.com\"")
        .doesNotContain("\u001B")
        .doesNotContain("\u202E");
  }

  @Test
  void parse_whenProblemsAreCountless_capsTheListAndSaysHowManyMore() {
    StringBuilder yaml = new StringBuilder("version: 1\naccounts:\n");
    for (int i = 0; i < 300; i++) {
      yaml.append("  - {name: a").append(i).append(", email: bad}\n");
    }

    List<Problem> problems = invalid(loader.parse("orgvend.yaml", yaml.toString()));

    assertThat(problems).hasSize(Problems.LIMIT + 1);
    assertThat(problems.get(Problems.LIMIT).toString())
        .isEqualTo("orgvend.yaml: and 100 more problems not shown");
  }

  /**
   * A thousand random mutations of the starter spec: every one must come back as a result, never
   * as an exception, and quickly.
   */
  @Test
  void parse_whenTextIsRandomlyDamaged_neverThrows() {
    String template = SpecTemplate.text();
    Random random = new Random(20261129);
    String alphabet = "{}[]:-,&*!|>'\"#%@`\t\n \\/?<=~.0123456789abcXYZ\u0000\u202E€";
    long started = System.nanoTime();
    for (int round = 0; round < 1000; round++) {
      StringBuilder text = new StringBuilder(template);
      int edits = 1 + random.nextInt(8);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(text.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> {
            if (at < text.length()) {
              text.deleteCharAt(at);
            }
          }
          default -> {
            if (at < text.length()) {
              text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
          }
        }
      }
      String damaged = text.toString();
      assertThatNoException().as(damaged).isThrownBy(() -> loader.parse("orgvend.yaml", damaged));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }
}
