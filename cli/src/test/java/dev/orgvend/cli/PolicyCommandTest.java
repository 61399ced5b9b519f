package dev.orgvend.cli;

import static dev.orgvend.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
  @TempDir Path dir;

  @Test
  void lint_whenEveryFileIsClean_printsSoAndExitsZero() throws IOException {
    Path full = Files.writeString(dir.resolve("full.json"), """
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
        """);

    CliRunner.Result r = run("policy", "lint", full.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(full + ": no problems\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void lint_whenAFileHasProblems_printsEachAtFileLineColumnAndExitsThree() throws IOException {
    Path clean = Files.writeString(dir.resolve("clean.json"), """
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization",
                        "Resource": "*"}]}
        """);
    Path bad = Files.writeString(dir.resolve("bad.json"), """
        {"Version": "2012-10-17",
         "Statement": [
           {"Sid": "Quarantine", "Effect": "Deny", "Action": "*", "Resource": "*"},
           {"Effect": "Deny", "Action": "s3:Gte*", "Resource": "*",
            "Condition": {"StringNotEquals": {"aws:PrincipalArn": "arn:aws:iam::*:role/Admin"}}}]}
        """);

    CliRunner.Result r = run("policy", "lint", clean.toString(), bad.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEqualTo(clean + ": no problems\n");
    assertThat(r.err()).isEqualTo(
        bad + ":3:4: error: statement \"Quarantine\" denies every action on every resource, with"
            + " no condition, to every principal of every account below the target it is attached"
            + " to; exempt"
            + " the role you administer accounts with (and orgvend's member role), e.g."
            + " \"ArnNotLike\": {\"aws:PrincipalArn\":"
            + " \"arn:aws:iam::*:role/OrganizationAccountAccessRole\"}, or deny only the actions"
            + " you mean to [deny-all-without-exemption]\n"
            + bad + ":4:33: error: \"s3:Gte*\" matches no action of Amazon S3, so it does nothing"
            + " in Action; did you mean \"s3:Get*\"? check the name in the Service Authorization"
            + " Reference; if AWS added it recently, regenerate orgvend's IAM catalogue ("
            + dev.orgvend.policy.catalogue.ActionCatalogue.standard().source() + ")"
            + " [unknown-action]\n"
            + bad + ":5:59: warning: StringNotEquals compares literally:"
            + " \"arn:aws:iam::*:role/Admin\" matches only that exact text, wildcard included; use"
            + " StringNotLike or ArnNotLike to match a pattern [wildcard-in-equals]\n"
            + "orgvend: 3 problem(s) in 1 of 2 file(s)\n");
  }

  @Test
  void lint_whenAFileIsMissingOrNotText_saysSoAndExitsThree() throws IOException {
    Path missing = dir.resolve("missing.json");
    Path latin1 = Files.write(dir.resolve("latin1.json"), new byte[] {'{', (byte) 0xE9, '}'});

    CliRunner.Result r = run("policy", "lint", missing.toString(), latin1.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(missing + ": no such file\n"
        + latin1 + ": is not UTF-8 text; save the policy as UTF-8 JSON\n"
        + "orgvend: 2 problem(s) in 2 of 2 file(s)\n");
  }

  @Test
  void lint_withoutFiles_isBadInput() {
    CliRunner.Result r = run("policy", "lint");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("Missing required parameter");
  }
}
