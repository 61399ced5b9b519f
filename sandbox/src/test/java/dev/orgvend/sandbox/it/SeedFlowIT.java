package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** The seed article's flow with the Java SDK: create, poll, assume the member role. */
class SeedFlowIT {
  static SandboxFixture fx;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void describeOrganization_withManagementKeys_returnsTheOrganization() {
    try (OrganizationsClient orgs = fx.organizations()) {
      Organization org = orgs.describeOrganization().organization();
      assertThat(org.id()).matches("o-[a-z0-9]{10}");
      assertThat(org.masterAccountId()).isEqualTo(fx.management.accountId());
      assertThat(org.featureSetAsString()).isEqualTo("ALL");
      assertThat(org.arn()).isEqualTo("arn:aws:organizations::" + fx.management.accountId()
          + ":organization/" + org.id());
    }
  }

  @Test
  void createAccount_thenAssumeMemberRole_actsInsideTheMemberAccount() {
    try (OrganizationsClient orgs = fx.organizations(); StsClient sts = fx.sts()) {
      CreateAccountStatus started =
          orgs.createAccount(r -> r.accountName("seed-flow").email("seed-flow@example.com"))
              .createAccountStatus();
      assertThat(started.state()).isEqualTo(CreateAccountState.IN_PROGRESS);
      assertThat(started.id()).matches("car-[a-z0-9]{32}");

      fx.sandbox.advanceClock(java.time.Duration.ofSeconds(1));
      CreateAccountStatus done =
          orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(started.id()))
              .createAccountStatus();
      assertThat(done.state()).isEqualTo(CreateAccountState.SUCCEEDED);
      String accountId = done.accountId();
      assertThat(accountId).matches("\\d{12}");

      String roleArn = "arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole";
      AssumeRoleResponse assumed =
          sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("orgvend-test"));
      assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA");
      assertThat(assumed.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + accountId
          + ":assumed-role/OrganizationAccountAccessRole/orgvend-test");

      try (StsClient member = fx.sts(SandboxFixture.sessionProvider(assumed.credentials()))) {
        GetCallerIdentityResponse me = member.getCallerIdentity();
        assertThat(me.account()).isEqualTo(accountId);
        assertThat(me.arn()).isEqualTo(assumed.assumedRoleUser().arn());
      }
      try (OrganizationsClient memberOrgs =
          fx.organizations(SandboxFixture.sessionProvider(assumed.credentials()))) {
        assertThatThrownBy(() -> memberOrgs.createAccount(r -> r.accountName("x").email("x@example.com")))
            .isInstanceOf(AccessDeniedException.class);
      }
    }
  }
}
