package dev.orgvend.cli;

import static dev.orgvend.cli.CliRunner.run;
import static dev.orgvend.cli.CliRunner.withoutIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine through the CLI against the embedded sandbox ({@code --sandbox}, state next to the
 * spec in the test's directory): apply, plan, change, apply again. Each test has its own
 * directory and therefore its own organization.
 */
class ApplyFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String TWO_ACCOUNTS = """
      version: 1
      organization:
        units:
          - name: Security
          - name: Workloads
            units:
              - name: Prod
      accounts:
        - name: log-archive
          email: log-archive@example.com
          ou: Security
          tags:
            cost-center: "1000"
        - name: web
          email: web@example.com
          ou: Workloads/Prod
      """;

  @TempDir Path dir;

  private Path spec(String text) throws IOException {
    return Files.writeString(dir.resolve("orgvend.yaml"), text);
  }

  @Test
  void apply_createsEverything_thenPlanShowsNoChanges() throws IOException {
    Path spec = spec(TWO_ACCOUNTS);

    CliRunner.Result applied = run("apply", spec, "--sandbox", "--yes");

    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    assertThat(applied.out()).contains("created OU Workloads/Prod", "created account web",
        "moved log-archive to Security", "web is usable through role OrganizationAccountAccessRole",
        "Apply finished: 5 change(s) done, 0 failed.");
    assertThat(applied.err()).isEmpty();

    CliRunner.Result plan = run("plan", spec, "--sandbox");

    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(withoutIds(plan.out())).isEqualTo("""
        Organization o-ID

        No changes. The organization matches the spec.

        Plan: 0 OU(s) to create, 0 account(s) to create, 0 to await, 0 to move, 0 to retag; \
        0 unmanaged account(s) left alone.
        """);
  }

  @Test
  void specChanges_arePlannedWithExitTwo_andApplyMakesThemGoAway() throws IOException {
    Path spec = spec(TWO_ACCOUNTS);
    assertThat(run("apply", spec, "--sandbox", "--yes").exitCode()).isZero();

    // A new account, web moved up from Prod to Workloads, a changed tag.
    spec(TWO_ACCOUNTS.replace("\"1000\"", "\"2000\"")
        .replace("ou: Workloads/Prod", "ou: Workloads") + """
          - name: data
            email: data@example.com
            ou: Workloads/Prod
        """);

    CliRunner.Result plan = run("plan", spec, "--sandbox");

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.CHANGES);
    assertThat(withoutIds(plan.out())).isEqualTo("""
        Organization o-ID

        orgvend will:
          ~ retag account log-archive (ACCOUNT) set {cost-center=2000}
          ~ move account web (ACCOUNT) from Workloads/Prod to Workloads
          + create account data <data@example.com> in Workloads/Prod

        Plan: 0 OU(s) to create, 1 account(s) to create, 0 to await, 1 to move, 1 to retag; \
        0 unmanaged account(s) left alone.
        """);

    CliRunner.Result applied = run("apply", spec, "--sandbox", "--yes");

    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    assertThat(applied.out()).contains("Apply finished: 3 change(s) done, 0 failed.");
    CliRunner.Result after = run("plan", spec, "--sandbox");
    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.out()).contains("No changes.");
  }

  @Test
  void apply_withoutYes_whenStdinIsNotATerminal_refusesAndChangesNothing() throws IOException {
    Path spec = spec(TWO_ACCOUNTS);

    CliRunner.Result r = run("apply", spec, "--sandbox");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).contains("+ create account web");
    assertThat(r.err()).isEqualTo("orgvend: refusing to apply without confirmation: stdin is not"
        + " a terminal; pass --yes to apply unattended\n");
    assertThat(run("plan", spec, "--sandbox").exitCode()).isEqualTo(ExitCodes.CHANGES);
  }

  @Test
  void apply_whenThePlanRemovesTags_refusesUntilAllowRemovalsIsGiven() throws IOException {
    Path spec = spec(TWO_ACCOUNTS);
    assertThat(run("apply", spec, "--sandbox", "--yes").exitCode()).isZero();
    spec(TWO_ACCOUNTS.replace("    tags:\n      cost-center: \"1000\"\n", ""));

    CliRunner.Result refused = run("apply", spec, "--sandbox", "--yes");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(withoutIds(refused.out())).contains("orgvend will:\n"
        + "  - remove tag(s) cost-center from account log-archive (ACCOUNT)\n");
    assertThat(refused.err()).isEqualTo("orgvend: refusing to apply: the plan removes 1 tag(s)"
        + " that are not in the spec, from log-archive (the lines marked '-'). Add the tags to the"
        + " spec to keep them, or pass --allow-removals to remove them; nothing was changed\n");
    assertThat(run("plan", spec, "--sandbox").exitCode()).isEqualTo(ExitCodes.CHANGES);

    CliRunner.Result allowed = run("apply", spec, "--sandbox", "--yes", "--allow-removals");

    assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    assertThat(allowed.out()).contains("Apply finished: 1 change(s) done, 0 failed.");
    assertThat(run("plan", spec, "--sandbox").out()).contains("No changes.");
  }

  @Test
  void outputJson_givesAPlanDocumentAndOneEventPerLine() throws IOException {
    Path spec = spec(TWO_ACCOUNTS);

    CliRunner.Result plan = run("plan", spec, "--sandbox", "-o", "json");

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.CHANGES);
    JsonNode document = JSON.readTree(plan.out());
    assertThat(document.path("format").asInt()).isEqualTo(1);
    assertThat(document.path("organizationId").asText()).startsWith("o-");
    List<String> actions = new ArrayList<>();
    document.path("changes").forEach(c -> actions.add(c.path("action").asText()));
    assertThat(actions).containsExactly("create-ou", "create-ou", "create-ou", "create-account",
        "create-account");

    CliRunner.Result applied = run("apply", spec, "--sandbox", "--yes", "-o", "json");

    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    List<JsonNode> events = new ArrayList<>();
    for (String line : applied.out().split("\n")) {
      events.add(JSON.readTree(line));
    }
    assertThat(events).allSatisfy(e -> assertThat(e.has("time") && e.has("event")).isTrue());
    assertThat(events).extracting(e -> e.path("event").asText())
        .contains("ou-created", "account-requested", "account-created", "account-moved",
            "account-usable")
        .last().isEqualTo("summary");
    assertThat(events.get(events.size() - 1).path("message").asText())
        .isEqualTo("5 change(s) done, 0 failed");

    CliRunner.Result again = run("apply", spec, "--sandbox", "--yes", "-o", "json");

    assertThat(again.exitCode()).isZero();
    assertThat(JSON.readTree(again.out()).path("event").asText()).isEqualTo("no-changes");
  }
}
