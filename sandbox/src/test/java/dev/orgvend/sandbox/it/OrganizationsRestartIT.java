package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;

/** Everything the Organizations operations store survives a restart on the same data directory. */
class OrganizationsRestartIT {
  private static final String KEY = "AKIAORGVENDRESTART01";
  private static final String SECRET = "restart-secret-restart-secret-restart-00";

  private static Sandbox start(Path dir) {
    return Sandbox.builder().port(0).dataDir(dir).seed(7).managementKey(KEY, SECRET)
        .settings(SandboxSettings.defaults().withCreateAccountDelay(Duration.ofMillis(100)))
        .start();
  }

  private static OrganizationsClient client(Sandbox sandbox) {
    return OrganizationsClient.builder().endpointOverride(sandbox.endpoint())
        .region(Region.US_EAST_1).overrideConfiguration(SandboxFixture.noRetries())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(KEY, SECRET)))
        .build();
  }

  @Test
  void restart_sameDataDirectory_keepsOusPoliciesTagsClosuresAndDelegations(@TempDir Path dir) {
    String ou;
    String policy;
    String account;
    try (Sandbox first = start(dir); OrganizationsClient orgs = client(first)) {
      String rootId = orgs.listRoots().roots().get(0).id();
      ou = orgs.createOrganizationalUnit(r -> r.parentId(rootId).name("kept")
          .tags(Tag.builder().key("k").value("v").build())).organizationalUnit().id();
      policy = orgs.createPolicy(r -> r.name("kept").description("").type(
          PolicyType.SERVICE_CONTROL_POLICY).content(PoliciesIT.DENY_EC2)).policy()
          .policySummary().id();
      orgs.attachPolicy(r -> r.policyId(policy).targetId(ou));
      CreateAccountStatus created = orgs.createAccount(
          r -> r.accountName("kept").email("kept@example.com")).createAccountStatus();
      first.advanceClock(Duration.ofSeconds(1));
      account = orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(created.id()))
          .createAccountStatus().accountId();
      String admin = account;
      orgs.enableAWSServiceAccess(r -> r.servicePrincipal("config.amazonaws.com"));
      orgs.registerDelegatedAdministrator(
          r -> r.accountId(admin).servicePrincipal("config.amazonaws.com"));
      orgs.closeAccount(r -> r.accountId(admin));
    }

    try (Sandbox second = start(dir); OrganizationsClient orgs = client(second)) {
      assertThat(orgs.describeOrganizationalUnit(r -> r.organizationalUnitId(ou))
          .organizationalUnit().name()).isEqualTo("kept");
      assertThat(orgs.listTagsForResource(r -> r.resourceId(ou)).tags())
          .containsExactly(Tag.builder().key("k").value("v").build());
      assertThat(orgs.listPoliciesForTarget(r -> r.targetId(ou)
          .filter(PolicyType.SERVICE_CONTROL_POLICY)).policies())
          .extracting(PolicySummary::id).containsExactly("p-FullAWSAccess", policy);
      assertThat(orgs.listAWSServiceAccessForOrganization().enabledServicePrincipals())
          .singleElement().satisfies(e -> assertThat(e.dateEnabled()).isNotNull());
      assertThat(orgs.listDelegatedServicesForAccount(r -> r.accountId(account))
          .delegatedServices()).singleElement()
          .satisfies(s -> assertThat(s.servicePrincipal()).isEqualTo("config.amazonaws.com"));
      assertThat(orgs.describeAccount(r -> r.accountId(account)).account().state())
          .isIn(AccountState.PENDING_CLOSURE, AccountState.CLOSED);
    }
  }
}
