package dev.orgvend.cli;

import static dev.orgvend.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void validate_whenValid_summarisesTheSpec() throws IOException {
    Path spec = Files.writeString(dir.resolve("orgvend.yaml"), """
        version: 1
        organization:
          units:
            - name: Workloads
              units:
                - name: Prod
        accounts:
          - name: web
            email: web@example.com
            ou: Workloads/Prod
        """);

    CliRunner.Result r = run("validate", spec);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(spec + " is valid: 2 OU(s), 1 account(s).\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void validate_whenInvalid_listsEveryProblemWithFileLineAndField() throws IOException {
    Path spec = Files.writeString(dir.resolve("orgvend.yaml"), """
        version: 1
        settings:
          concurrency: 9
        organization:
          units:
            - name: Workloads
        accounts:
          - name: web
            email: not-an-address
            ou: Workload
          - name: web
            email: db@example.com
        """);

    CliRunner.Result r = run("validate", spec);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(spec + ":3:16: settings.concurrency: 9 is out of range; AWS"
        + " allows 1 to 5 account creations in progress at once\n"
        + spec + ":9:12: accounts[0].email: \"not-an-address\" is not a valid e-mail address\n"
        + spec + ":10:9: accounts[0].ou: OU path \"Workload\" is not defined under"
        + " organization.units; did you mean \"Workloads\"?\n"
        + spec + ":11:11: accounts[1].name: account name \"web\" is already used by accounts[0]"
        + " at line 8, column 11\n"
        + "orgvend: 4 problem(s) in " + spec + "; nothing was sent to AWS\n");
  }

  @Test
  void validate_whenTheFileIsMissing_saysHowToCreateOne() {
    Path spec = dir.resolve("orgvend.yaml");

    CliRunner.Result r = run("validate", spec);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo(spec + ": no such file; run orgvend init to create one\n"
        + "orgvend: 1 problem(s) in " + spec + "; nothing was sent to AWS\n");
  }
}
