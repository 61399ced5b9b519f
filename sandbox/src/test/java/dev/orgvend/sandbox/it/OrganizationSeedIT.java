package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import dev.orgvend.sandbox.SeedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountJoinedMethod;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;

/** Sandbox.seed: OUs and accounts put straight into state look as the API would have made them. */
class OrganizationSeedIT {
  static SandboxFixture fx;
  static OrganizationsClient orgs;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    orgs = fx.organizations();
  }

  @AfterAll
  static void stop() {
    orgs.close();
    fx.close();
  }

  @Test
  void seed_nestedOusAndAccounts_listedPagedTaggedAndEnterable() {
    String prefix = OrgSupport.unique("seeded");
    List<String> ids = new ArrayList<>();
    String[] ous = fx.sandbox.seed(s -> {
      String top = s.organizationalUnit(s.rootId(), prefix + "-top");
      String leaf = s.organizationalUnit(top, "leaf");
      for (int i = 0; i < 45; i++) {
        ids.add(s.account(prefix + "-" + i, prefix + "-" + i + "@example.com", leaf,
            Map.of("team", "t" + (i % 3))));
      }
      return new String[] {top, leaf};
    });

    assertThat(orgs.listOrganizationalUnitsForParentPaginator(r -> r.parentId(ous[0])).stream()
        .flatMap(p -> p.organizationalUnits().stream()).map(OrganizationalUnit::id))
        .containsExactly(ous[1]);
    List<Account> listed = orgs.listAccountsForParentPaginator(r -> r.parentId(ous[1])
        .maxResults(20)).stream().flatMap(p -> p.accounts().stream()).toList();
    assertThat(listed).extracting(Account::id).containsExactlyElementsOf(ids);
    assertThat(listed.get(44).name()).isEqualTo(prefix + "-44");
    assertThat(listed.get(44).state()).isEqualTo(AccountState.ACTIVE);
    assertThat(listed.get(44).joinedMethod()).isEqualTo(AccountJoinedMethod.CREATED);
    assertThat(orgs.listTagsForResource(r -> r.resourceId(ids.get(4))).tags())
        .containsExactly(Tag.builder().key("team").value("t1").build());
    assertThat(orgs.listPoliciesForTarget(r -> r.targetId(ids.get(0))
        .filter(PolicyType.SERVICE_CONTROL_POLICY)).policies())
        .extracting(PolicySummary::id).containsExactly("p-FullAWSAccess");
    assertThat(orgs.listPoliciesForTarget(r -> r.targetId(ous[1])
        .filter(PolicyType.SERVICE_CONTROL_POLICY)).policies())
        .extracting(PolicySummary::id).containsExactly("p-FullAWSAccess");
    try (StsClient member = fx.sts(OrgSupport.memberSession(fx, ids.get(7)))) {
      assertThat(member.getCallerIdentity().account()).isEqualTo(ids.get(7));
    }
  }

  @Test
  void seed_ouNameTakenUnderParent_failsAsCreateOrganizationalUnitDoes() {
    String name = OrgSupport.unique("twice");
    fx.sandbox.seed(s -> s.organizationalUnit(s.rootId(), name));

    assertThatExceptionOfType(SeedException.class)
        .isThrownBy(() -> fx.sandbox.seed(s -> s.organizationalUnit(s.rootId(), name)))
        .satisfies(e -> assertThat(e.code()).isEqualTo("DuplicateOrganizationalUnitException"));
  }

  @Test
  void seed_unknownParent_failsWithParentNotFound() {
    assertThatExceptionOfType(SeedException.class)
        .isThrownBy(() -> fx.sandbox.seed(s -> s.account("lost", OrgSupport.unique("lost")
            + "@example.com", "ou-zzzz-zzzzzzzz", Map.of())))
        .satisfies(e -> assertThat(e.code()).isEqualTo("ParentNotFoundException"));
  }

  @Test
  void seed_addressInUseIgnoringCase_isRefused() {
    String email = OrgSupport.unique("used") + "@example.com";
    fx.sandbox.seed(s -> s.account("first", email, s.rootId(), Map.of()));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> fx.sandbox.seed(s -> s.account("second", email.toUpperCase(),
            s.rootId(), Map.of())))
        .withMessage("an AWS account already uses " + email.toUpperCase());
  }

  @Test
  void seed_beyondAccountLimit_failsWithAccountNumberLimit() {
    try (Sandbox small = Sandbox.builder().port(0).settings(SandboxSettings.defaults()
        .withQuotas(SandboxSettings.OverQuota.SYNC, 3, 5)).start()) {
      assertThatExceptionOfType(SeedException.class)
          .isThrownBy(() -> small.seed(s -> {
            for (int i = 0; i < 3; i++) {
              s.account("a" + i, "limit-" + i + "@example.com", s.rootId(), Map.of());
            }
            return null;
          }))
          .withMessage("You have reached the maximum number of accounts in your organization"
              + " (3).");
    }
  }

  @Test
  void seed_onDataDirectory_survivesRestart(@TempDir Path dir) {
    String key = "AKIAORGVENDSEEDED001";
    String secret = "seeded-secret-seeded-secret-seeded-0000";
    String account;
    try (Sandbox first = Sandbox.builder().port(0).dataDir(dir).managementKey(key, secret)
        .start()) {
      account = first.seed(s -> s.account("kept", "kept-seeded@example.com",
          s.organizationalUnit(s.rootId(), "Kept"), Map.of("k", "v")));
    }
    try (Sandbox second = Sandbox.builder().port(0).dataDir(dir).managementKey(key, secret)
        .start();
        OrganizationsClient client = OrganizationsClient.builder()
            .endpointOverride(second.endpoint()).region(Region.US_EAST_1)
            .overrideConfiguration(SandboxFixture.noRetries())
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(key, secret))).build()) {
      assertThat(client.describeAccount(r -> r.accountId(account)).account().email())
          .isEqualTo("kept-seeded@example.com");
      assertThat(client.listTagsForResource(r -> r.resourceId(account)).tags())
          .containsExactly(Tag.builder().key("k").value("v").build());
    }
  }
}
