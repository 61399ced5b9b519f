package dev.orgvend.cli;

import static dev.orgvend.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What import refuses before it talks to anyone; the rest is in {@link ImportIT}. */
class ImportCommandTest {
  @TempDir Path dir;

  @Test
  void import_whenTheSpecExists_refusesWithoutForce_andStartsNothing() throws IOException {
    Path spec = Files.writeString(dir.resolve("orgvend.yaml"), "# mine\n");

    CliRunner.Result r = run("import", spec, "--sandbox");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("orgvend: " + spec + " already exists; use --force to"
        + " overwrite it, or -f to name another file\n");
    assertThat(Files.readString(spec)).isEqualTo("# mine\n");
    assertThat(dir.resolve(".orgvend")).doesNotExist();
  }

  @Test
  void import_withJsonOutput_isRefused() {
    CliRunner.Result r = run("import", dir.resolve("orgvend.yaml"), "--sandbox", "-o", "json");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo("orgvend: import writes YAML; --output does not apply to it\n");
  }
}
