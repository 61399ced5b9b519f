package dev.orgvend.cli;

import static dev.orgvend.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgvend.core.aws.Permissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static List<String> assumable(String policyJson) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode s : JSON.readTree(policyJson).path("Statement")) {
      if (s.path("Action").toString().contains("sts:AssumeRole")) {
        s.path("Resource").forEach(r -> out.add(r.asText()));
      }
    }
    return out;
  }

  @Test
  void permissions_withTheSpecsRoles_scopesAssumeRoleToThem() throws IOException {
    Path spec = Files.writeString(dir.resolve("orgvend.yaml"), """
        version: 1
        defaults:
          roleName: OrgAdmin
        accounts:
          - name: web
            email: web@example.com
          - name: db
            email: db@example.com
            roleName: LegacyAccess
          - name: api
            email: api@example.com
        """);

    CliRunner.Result r = run("permissions", spec);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(Permissions.policy(List.of("OrgAdmin", "LegacyAccess"), false));
    assertThat(assumable(r.out())).containsExactly("arn:aws:iam::*:role/LegacyAccess",
        "arn:aws:iam::*:role/OrgAdmin");
  }

  @Test
  void permissions_withoutASpec_assumesTheDefaultRole() throws IOException {
    // The default -f is orgvend.yaml in the working directory, the module's, which has none.
    assumeFalse(Files.exists(Path.of("orgvend.yaml")), "a stray orgvend.yaml in " + Path.of("")
        .toAbsolutePath());

    CliRunner.Result r = run("permissions");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(assumable(r.out()))
        .containsExactly("arn:aws:iam::*:role/OrganizationAccountAccessRole");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void permissions_readOnly_grantsNothingThatChangesTheOrganization() throws IOException {
    CliRunner.Result r = run("permissions", "--read-only");

    assertThat(r.exitCode()).isZero();
    JsonNode statements = JSON.readTree(r.out()).path("Statement");
    assertThat(statements).hasSize(1);
    List<String> actions = new ArrayList<>();
    statements.get(0).path("Action").forEach(a -> actions.add(a.asText()));
    assertThat(actions).containsExactlyElementsOf(Permissions.actions(true))
        .allSatisfy(a -> assertThat(a).matches("organizations:(Describe|List)\\w+"));
  }

  @Test
  void permissions_withANamedSpecThatIsMissing_isBadInput() {
    CliRunner.Result r = run("permissions", dir.resolve("nope.yaml"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("nope.yaml: no such file");
  }
}
