package dev.orgvend.cli;

import static dev.orgvend.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad flags end with exit code 3 before anything is started or sent. */
class FlagsTest {
  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void writeSpec() throws IOException {
    spec = Files.writeString(dir.resolve("orgvend.yaml"), """
        version: 1
        accounts:
          - name: web
            email: web@example.com
        """);
  }

  @Test
  void sandboxAndEndpointUrl_excludeEachOther() {
    CliRunner.Result r = run("plan", spec, "--sandbox", "--endpoint-url",
        "http://127.0.0.1:4566");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("orgvend: --sandbox and --endpoint-url exclude each other\n");
    assertThat(dir.resolve(".orgvend")).doesNotExist();
  }

  @Test
  void rate_withABadValue_isRefusedBeforeTheSandboxStarts() {
    CliRunner.Result r = run("plan", spec, "--sandbox", "--rate", "CreateAccount=fast");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo("orgvend: --rate CreateAccount=fast: 'fast' is not a rate;"
        + " write RATE or RATE:BURST, e.g. 1:3\n");
    assertThat(dir.resolve(".orgvend")).doesNotExist();
  }

  @Test
  void rate_withoutAnOperation_isRefused() {
    CliRunner.Result r = run("apply", spec, "--sandbox", "--rate", "1:3");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo("orgvend: --rate takes OPERATION=RATE[:BURST], e.g."
        + " CreateAccount=1:3; got '1:3'\n");
  }

  /** picocli's own code for these is 2, which orgvend reserves for "changes pending". */
  @ParameterizedTest
  @ValueSource(strings = {"--rate", "--output=xml", "--pace=fast", "--frobnicate"})
  void optionsPicocliRejects_exitWithBadInput(String flag) {
    CliRunner.Result r = run("plan", spec, flag);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Usage: orgvend plan");
  }

  @Test
  void unknownCommand_exitsWithBadInput() {
    CliRunner.Result r = run("aply");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("Unmatched argument at index 0: 'aply'", "Did you mean");
  }

  @Test
  void duration_thatIsNotOne_exitsWithBadInput() {
    CliRunner.Result r = run("sandbox", "serve", "--create-delay", "soon");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("'soon' is not a duration");
  }
}
