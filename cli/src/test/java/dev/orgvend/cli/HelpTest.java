package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class HelpTest {
  /** Every command of the tree, as the words that name it: "plan", "sandbox serve"… */
  static Stream<String> commands() {
    List<String> out = new ArrayList<>();
    collect(Cli.create(), "", out);
    return out.stream();
  }

  private static void collect(CommandLine command, String prefix, List<String> out) {
    command.getSubcommands().forEach((name, sub) -> {
      String words = (prefix + " " + name).trim();
      out.add(words);
      collect(sub, words, out);
    });
  }

  @ParameterizedTest
  @MethodSource("commands")
  void help_ofEachCommand_printsItsUsageAndExitsZero(String command) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--help");

    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("Usage: orgvend " + command);
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void description_ofEachCommand_showsAUsageLine(String command) {
    CommandLine cli = Cli.create();
    for (String word : command.split(" ")) {
      cli = cli.getSubcommands().get(word);
    }

    assertThat(String.join("\n", cli.getCommandSpec().usageMessage().description()))
        .as("description of %s", command).contains("orgvend " + command.split(" ")[0]);
  }

  @org.junit.jupiter.api.Test
  void commands_includeTheWholeTree() {
    assertThat(commands()).containsExactly("init", "validate", "plan", "apply", "check",
        "import", "history", "permissions", "policy", "policy lint", "sandbox", "sandbox serve",
        "sandbox credentials");
  }

  @org.junit.jupiter.api.Test
  void help_ofTheRoot_listsExitCodes() {
    CliRunner.Result r = CliRunner.run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Exit codes: 0 success / no changes, 1 error, 2 changes");
  }
}
