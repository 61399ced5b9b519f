package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AlternateContact;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;

/**
 * The account-settings components (alternate contacts, account alias, password policy) through
 * the CLI against a sandbox over HTTP, with member credentials for assertions and drift.
 */
class AccountSettingsBaselineIT {
  static MemberSandbox fx;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    fx = new MemberSandbox();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static String spec(String prefix, String alias) {
    return """
        version: 1
        defaults: {baseline: settings}
        accounts:
          - {name: %1$s-one, email: %1$s-one@example.com}
          - {name: %1$s-two, email: %1$s-two@example.com}
        baselines:
          settings:
            alternateContacts:
              security: {name: Security Team, title: CISO, email: security@example.com,
                         phone: "+1 555 0100"}
              billing: {name: Finance, title: Controller, email: finance@example.com,
                        phone: "+1 555 0101"}
            accountAlias: "%2$s"
            passwordPolicy:
              minimumPasswordLength: 14
              requireSymbols: true
              requireNumbers: true
              maxPasswordAge: 90
              passwordReusePrevention: 24
        """.formatted(prefix, alias);
  }

  @Test
  void apply_thenMemberDrift_isFoundByCheckAndRepairedWithoutTouchingTheRest()
      throws Exception {
    Path spec = MemberSandbox.writeSpec(dir, spec("set", "acme-{name}"));

    CliRunner.Result apply = CliRunner.run(fx.args(spec, "apply", "--yes"));

    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    String id = fx.accountIdOf("set-one@example.com");
    fx.asMember(id, creds -> {
      try (IamClient iam = fx.client(IamClient.builder(), creds, Region.AWS_GLOBAL);
          AccountClient account = fx.client(AccountClient.builder(), creds, Region.US_EAST_1)) {
        assertThat(iam.listAccountAliases().accountAliases()).containsExactly("acme-set-one");
        PasswordPolicy p = iam.getAccountPasswordPolicy().passwordPolicy();
        assertThat(p.minimumPasswordLength()).isEqualTo(14);
        assertThat(p.requireSymbols()).isTrue();
        assertThat(p.requireUppercaseCharacters()).isFalse();
        assertThat(p.maxPasswordAge()).isEqualTo(90);
        assertThat(p.passwordReusePrevention()).isEqualTo(24);
        AlternateContact security = account.getAlternateContact(
            r -> r.alternateContactType(AlternateContactType.SECURITY)).alternateContact();
        assertThat(security.name()).isEqualTo("Security Team");
        assertThat(security.emailAddress()).isEqualTo("security@example.com");
        assertThat(security.phoneNumber()).isEqualTo("+1 555 0100");

        // The account's own administrator weakens the policy, drops a contact, renames.
        iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8));
        account.deleteAlternateContact(r -> r.alternateContactType(AlternateContactType.BILLING));
        iam.deleteAccountAlias(r -> r.accountAlias("acme-set-one"));
        iam.createAccountAlias(r -> r.accountAlias("my-own-name"));
      }
      return null;
    });

    CliRunner.Result check = CliRunner.run(fx.args(spec, "check"));
    assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
    assertThat(check.out()).contains("DRIFTED  set-one (" + id + ", Root)")
        .contains("alternateContacts: the billing contact is not set")
        .contains("accountAlias: alias: alias is my-own-name, want acme-set-one")
        .contains("passwordPolicy: password policy: minimumPasswordLength is 8, want 14")
        .contains("passwordPolicy: password policy: requireSymbols is false, want true")
        .doesNotContain("DRIFTED  set-two");

    CliRunner.Result repair = CliRunner.run(fx.args(spec, "apply", "--yes"));
    assertThat(repair.exitCode()).as(repair.toString()).isZero();
    assertThat(MemberSandbox.operations(repair.out())).containsEntry("PutAlternateContact", 1L)
        .containsEntry("UpdateAccountPasswordPolicy", 1L).containsEntry("CreateAccountAlias", 1L)
        .containsEntry("DeleteAccountAlias", 1L);
    CliRunner.Result after = CliRunner.run(fx.args(spec, "check"));
    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.out()).contains("Checked 2 account(s): 2 compliant");

    CliRunner.Result rerun = CliRunner.run(fx.args(spec, "apply", "--yes"));
    assertThat(rerun.out()).contains("No changes.");
    assertThat(MemberSandbox.operations(rerun.out()).keySet()).allSatisfy(op -> assertThat(op)
        .matches("(Describe|List|Get).*|AssumeRole"));
  }

  @Test
  void apply_whenOneAliasServesTwoAccounts_failsTheSecondWithAdvice() throws Exception {
    Path spec = MemberSandbox.writeSpec(dir, spec("dup", "acme-shared-alias"));

    CliRunner.Result apply = CliRunner.run(fx.args(spec, "apply", "--yes"));

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out()).contains("accountAlias: could not change it (EntityAlreadyExists:")
        .contains("account aliases are unique across all of AWS")
        .contains("Apply finished: 1 change(s) done, 1 failed.");
    CliRunner.Result check = CliRunner.run(fx.args(spec, "check", "-o", "json"));
    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.out()).contains("\"compliant\" : 1").contains("\"drifted\" : 1");
  }
}
