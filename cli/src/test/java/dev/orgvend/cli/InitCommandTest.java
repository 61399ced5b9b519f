package dev.orgvend.cli;

import static dev.orgvend.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.spec.SpecTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path dir;

  @Test
  void init_writesSpecAndSchemaSideBySide() throws IOException {
    Path spec = dir.resolve("orgvend.yaml");

    CliRunner.Result r = run("init", spec);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("wrote " + spec + " and orgvend.schema.json; edit it, then run:"
        + " orgvend validate && orgvend plan\n");
    assertThat(r.err()).isEmpty();
    assertThat(Files.readString(spec)).isEqualTo(SpecTemplate.text());
    assertThat(Files.readString(dir.resolve("orgvend.schema.json")))
        .isEqualTo(SpecTemplate.schema());
  }

  @Test
  void init_intoADirectoryThatDoesNotExistYet_createsIt() {
    Path spec = dir.resolve("infra/org/orgvend.yaml");

    assertThat(run("init", spec).exitCode()).isZero();
    assertThat(spec).exists();
    assertThat(dir.resolve("infra/org/orgvend.schema.json")).exists();
  }

  @Test
  void init_writesASpecThatValidates() {
    Path spec = dir.resolve("orgvend.yaml");
    run("init", spec);

    CliRunner.Result r = run("validate", spec);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(spec + " is valid: 4 OU(s), 4 account(s).\n");
  }

  @Test
  void init_whenTheSpecExists_refusesWithoutForce() throws IOException {
    Path spec = dir.resolve("orgvend.yaml");
    Files.writeString(spec, "# mine\n");

    CliRunner.Result r = run("init", spec);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("orgvend: " + spec
        + " already exists; use --force to overwrite it\n");
    assertThat(Files.readString(spec)).isEqualTo("# mine\n");
  }

  @Test
  void init_withForce_overwrites() throws IOException {
    Path spec = dir.resolve("orgvend.yaml");
    Files.writeString(spec, "# mine\n");

    CliRunner.Result r = run("init", spec, "--force");

    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(spec)).isEqualTo(SpecTemplate.text());
  }
}
