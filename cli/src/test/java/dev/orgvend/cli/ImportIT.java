package dev.orgvend.cli;

import static dev.orgvend.cli.CliRunner.run;
import static dev.orgvend.cli.CliRunner.withoutIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * An organization built with the SDK (not by orgvend) in the sandbox state that {@code --sandbox}
 * uses next to the spec, then imported and planned through the CLI.
 */
class ImportIT {
  private static final SandboxSettings SETTINGS =
      SandboxSettings.defaults().withCreateAccountDelay(Duration.ofMillis(100));

  @TempDir Path dir;

  /** Builds the organization in the state {@code --sandbox} finds next to specs in dir. */
  private void buildOrganizationWithTheSdk() {
    try (Sandbox sandbox = Sandbox.builder().port(0).dataDir(dir.resolve(".orgvend/sandbox"))
        .settings(SETTINGS).start()) {
      build(sandbox);
    }
  }

  /** Builds the organization, with names and tags that YAML would misread unquoted. */
  private static OrganizationsClient client(Sandbox sandbox) {
    return OrganizationsClient.builder()
        .endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            sandbox.managementCredentials().accessKeyId(),
            sandbox.managementCredentials().secretAccessKey())))
        .build();
  }

  private static void build(Sandbox sandbox) {
    try (OrganizationsClient orgs = client(sandbox)) {
      String root = orgs.listRoots().roots().get(0).id();
      String workloads = orgs.createOrganizationalUnit(r -> r.parentId(root).name("Workloads"))
          .organizationalUnit().id();
      String prod = orgs.createOrganizationalUnit(r -> r.parentId(workloads).name("yes"))
          .organizationalUnit().id();
      orgs.createOrganizationalUnit(r -> r.parentId(root).name("Empty: for now"));

      String web = create(sandbox, orgs, "null", "web@example.com");
      String db = create(sandbox, orgs, "db #1", "db@example.com");
      create(sandbox, orgs, "sandbox", "Sandbox@Example.com");
      orgs.moveAccount(r -> r.accountId(web).sourceParentId(root).destinationParentId(prod));
      orgs.moveAccount(r -> r.accountId(db).sourceParentId(root).destinationParentId(workloads));
      orgs.tagResource(r -> r.resourceId(web).tags(
          Tag.builder().key("cost-center").value("0123").build(),
          Tag.builder().key("on").value("true").build()));
      orgs.tagResource(r -> r.resourceId(db).tags(
          Tag.builder().key("owner").value("team: data").build()));
    }
  }

  private static String create(Sandbox sandbox, OrganizationsClient orgs, String name,
      String email) {
    String request = orgs.createAccount(r -> r.accountName(name).email(email))
        .createAccountStatus().id();
    sandbox.advanceClock(Duration.ofSeconds(1));
    CreateAccountStatus status = orgs.describeCreateAccountStatus(
        r -> r.createAccountRequestId(request)).createAccountStatus();
    assertThat(status.state()).isEqualTo(CreateAccountState.SUCCEEDED);
    return status.accountId();
  }

  @Test
  void import_writesASpecThatPlansToNoChanges() throws IOException {
    buildOrganizationWithTheSdk();
    Path spec = dir.resolve("orgvend.yaml");

    CliRunner.Result imported = run("import", spec, "--sandbox");

    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(withoutIds(imported.out())).isEqualTo("wrote " + spec + ": 3 OU(s), 3 account(s)"
        + " of organization o-ID. Check it with: orgvend plan -f " + spec + "\n");
    String text = Files.readString(spec);
    assertThat(withoutIds(text.substring(text.indexOf("version:")))).isEqualTo("""
        version: 1
        organization:
          units:
            - name: "Empty: for now"
            - name: "Workloads"
              units:
                - name: "yes"
        accounts:
          - name: "sandbox"
            email: "Sandbox@Example.com"
            ou: "Root"
          - name: "db #1"
            email: "db@example.com"
            ou: "Workloads"
            tags:
              owner: "team: data"
          - name: "null"
            email: "web@example.com"
            ou: "Workloads/yes"
            tags:
              cost-center: "0123"
              "on": "true"
        """);

    CliRunner.Result plan = run("plan", spec, "--sandbox");

    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes. The organization matches the spec.");
    assertThat(plan.out()).doesNotContain("is not in the spec");
  }

  @Test
  void import_afterApply_roundTripsOrgvendsOwnOrganization() throws IOException {
    Path spec = Files.writeString(dir.resolve("orgvend.yaml"), ApplyFlowIT.TWO_ACCOUNTS);
    assertThat(run("apply", spec, "--sandbox", "--yes").exitCode()).isZero();
    Path copy = dir.resolve("imported.yaml");

    CliRunner.Result imported = run("import", copy, "--sandbox");

    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    CliRunner.Result plan = run("plan", copy, "--sandbox");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes.");
  }

  /**
   * With {@code -f -} the spec goes to stdout, so this one talks to a sandbox it started itself,
   * through {@code --endpoint-url} and the SDK's default credential chain (system properties).
   */
  @Test
  void import_toStdoutFromAnEndpoint_printsTheSpecAndTalksOnStderr() {
    CliRunner.Result r;
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(SETTINGS).start()) {
      build(sandbox);
      System.setProperty("aws.accessKeyId", sandbox.managementCredentials().accessKeyId());
      System.setProperty("aws.secretAccessKey",
          sandbox.managementCredentials().secretAccessKey());
      r = run("import", "-f", "-", "--endpoint-url", sandbox.endpoint().toString());
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("# Imported from organization o-")
        .contains("version: 1\n", "  - name: \"db #1\"\n");
    assertThat(withoutIds(r.err())).isEqualTo("printed the spec: 3 OU(s), 3 account(s) of"
        + " organization o-ID. Check it with: orgvend plan -f <file>\n");
  }

  @Test
  void import_overAnExistingFile_needsForce() throws IOException {
    buildOrganizationWithTheSdk();
    Path spec = Files.writeString(dir.resolve("orgvend.yaml"), "# mine\n");

    assertThat(run("import", spec, "--sandbox").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    CliRunner.Result forced = run("import", spec, "--sandbox", "--force");

    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(Files.readString(spec)).contains("email: \"web@example.com\"");
    CliRunner.Result plan = run("plan", spec, "--sandbox");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
  }

  @Test
  void import_whenTheOrganizationBreaksASpecRule_writesNothingAndSaysWhy() {
    try (Sandbox sandbox = Sandbox.builder().port(0).dataDir(dir.resolve(".orgvend/sandbox"))
        .settings(SETTINGS).start();
        OrganizationsClient orgs = client(sandbox)) {
      // AWS lets two accounts share a name; a spec does not.
      create(sandbox, orgs, "twin", "twin-1@example.com");
      create(sandbox, orgs, "twin", "twin-2@example.com");
    }
    Path spec = dir.resolve("orgvend.yaml");

    CliRunner.Result r = run("import", spec, "--sandbox");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).matches("(?s)" + java.util.regex.Pattern.quote(spec.toString())
        + ":\\d+:\\d+: accounts\\[1\\]\\.name: account name \"twin\" is already used by"
        + " accounts\\[0\\].*\norgvend: the organization breaks 1 rule\\(s\\) a spec must"
        + " follow \\(above\\); nothing was written\\..*\n");
    assertThat(spec).doesNotExist();
  }
}
