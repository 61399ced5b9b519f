package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.SandboxCredentials;
import dev.orgvend.sandbox.SandboxSettings;
import dev.orgvend.sandbox.SandboxSettings.Knob;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code sandbox serve} without starting a server: which hosts need a warning, the flags the knob
 * table gives it, refusals of bad knob values, and the banner.
 */
class SandboxServeCommandTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "127.0.0.1, true",
      "127.0.0.2, true",
      "::1, true",
      "localhost, true",
      "0.0.0.0, false",
      "::, false",
      "192.0.2.10, false"})
  void loopback_tellsLoopbackAddressesFromTheRest(String host, boolean loopback) {
    assertThat(SandboxServeCommand.loopback(host)).isEqualTo(loopback);
  }

  @Test
  void flags_areTheKnobTablesFlagsWithItsHelpAndDefaults() {
    CommandLine serve = Cli.create().getSubcommands().get("sandbox").getSubcommands()
        .get("serve");
    int flags = 0;

    for (Knob<?> knob : SandboxSettings.knobs()) {
      if (knob.option().isEmpty()) {
        continue;
      }
      OptionSpec option = serve.getCommandSpec().findOption(knob.option().get());
      assertThat(option).as(knob.name()).isNotNull();
      assertThat(String.join(" ", option.description())).as(knob.name())
          .startsWith(knob.help())
          .contains(knob.defaultText().isEmpty() ? "" : "Default: " + knob.defaultText() + ".");
      assertThat(option.paramLabel()).isEqualTo(knob.paramLabel());
      flags++;
    }

    assertThat(flags).isEqualTo(12);
    assertThat(serve.getUsageMessage()).contains("Realism knobs (change them while running with"
        + " POST /_sandbox/settings):");
  }

  @Test
  void serve_whenAKnobIsOutOfRange_refusesNamingTheFlagBeforeStarting() {
    CliRunner.Result r = CliRunner.run("sandbox", "serve", "--in-memory", "--port", "0",
        "--fault-rate", "1.5");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo("orgvend: --fault-rate must be between 0 and 1, got 1.5\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void serve_whenARateIsNotOperationEqualsRate_refusesNamingTheFlag() {
    CliRunner.Result r = CliRunner.run("sandbox", "serve", "--in-memory", "--port", "0",
        "--rate", "CreateAccount=1:3", "--rate", "ListRoots");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo("orgvend: --rate takes OPERATION=RATE[:BURST], e.g."
        + " CreateAccount=1:3; got 'ListRoots'\n");
  }

  @Test
  void serve_whenADurationIsNotOne_refusesNamingTheFlag() {
    CliRunner.Result r = CliRunner.run("sandbox", "serve", "--in-memory", "--port", "0",
        "--latency", "fast");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo("orgvend: --latency 'fast' is not a duration; write e.g."
        + " 500ms, 5s, 2m, 6h or 1h30m\n");
  }

  @Test
  void banner_isShortAndSaysHowToStopABackgroundJob() {
    String banner = SandboxServeCommand.banner("http://127.0.0.1:4566",
        new SandboxCredentials("AKIAEXAMPLE", "secret", "111122223333"),
        Path.of(".orgvend/sandbox/sandbox.db"), 4242);

    assertThat(banner).isEqualTo("""
        orgvend sandbox listening on http://127.0.0.1:4566 (state in .orgvend/sandbox/sandbox.db)
        export AWS_ACCESS_KEY_ID=AKIAEXAMPLE
        export AWS_SECRET_ACCESS_KEY=secret
        export AWS_DEFAULT_REGION=us-east-1
        export AWS_ENDPOINT_URL=http://127.0.0.1:4566
        Ready: management account 111122223333, keys good for this sandbox only. Stop with\
         Ctrl-C, or kill 4242 if it runs in the background.
        """);
  }
}
