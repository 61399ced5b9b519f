package dev.orgvend.sandbox.it;

import static dev.orgvend.sandbox.it.OrgSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.PolicyTypeAlreadyEnabledException;
import software.amazon.awssdk.services.organizations.model.PolicyTypeNotEnabledException;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;
import software.amazon.awssdk.services.organizations.model.PolicyTypeSummary;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.RootNotFoundException;

/** EnablePolicyType and DisablePolicyType, and what they do to attachments. */
class PolicyTypesIT {
  static final String TAG_POLICY = "{\"tags\":{\"team\":{\"tag_key\":{\"@@assign\":\"Team\"}}}}";

  static SandboxFixture fx;
  static OrganizationsClient orgs;
  static String rootId;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    orgs = fx.organizations();
    rootId = OrgSupport.rootId(orgs);
  }

  @AfterAll
  static void stop() {
    orgs.close();
    fx.close();
  }

  private static List<String> policiesOn(String target, PolicyType type) {
    return orgs.listPoliciesForTarget(r -> r.targetId(target).filter(type)).policies().stream()
        .map(PolicySummary::id).toList();
  }

  private static Root enable(PolicyType type) {
    return orgs.enablePolicyType(r -> r.rootId(rootId).policyType(type)).root();
  }

  private static Root disable(PolicyType type) {
    return orgs.disablePolicyType(r -> r.rootId(rootId).policyType(type)).root();
  }

  @Test
  void enablePolicyType_tagPolicy_rootReportsItAndPoliciesAttach() {
    Root root = enable(PolicyType.TAG_POLICY);
    try {
      assertThat(root.policyTypes()).contains(PolicyTypeSummary.builder()
          .type(PolicyType.TAG_POLICY).status(PolicyTypeStatus.ENABLED).build());
      assertThat(orgs.listRoots().roots().get(0).policyTypes()).extracting(PolicyTypeSummary::type)
          .contains(PolicyType.TAG_POLICY, PolicyType.SERVICE_CONTROL_POLICY);
      String policy = orgs.createPolicy(r -> r.name(unique("team-tag")).description("")
          .content(TAG_POLICY).type(PolicyType.TAG_POLICY)).policy().policySummary().id();

      orgs.attachPolicy(r -> r.policyId(policy).targetId(rootId));

      assertThat(policiesOn(rootId, PolicyType.TAG_POLICY)).containsExactly(policy);
      assertThatExceptionOfType(PolicyTypeAlreadyEnabledException.class)
          .isThrownBy(() -> enable(PolicyType.TAG_POLICY));
    } finally {
      Root after = disable(PolicyType.TAG_POLICY);
      assertThat(after.policyTypes()).extracting(PolicyTypeSummary::type)
          .doesNotContain(PolicyType.TAG_POLICY);
    }
    assertThat(policiesOn(rootId, PolicyType.TAG_POLICY)).as("disabling detaches").isEmpty();
  }

  @Test
  void disablePolicyType_notEnabled_throwsPolicyTypeNotEnabled() {
    assertThatExceptionOfType(PolicyTypeNotEnabledException.class)
        .isThrownBy(() -> disable(PolicyType.BACKUP_POLICY));
  }

  @Test
  void enablePolicyType_unknownRoot_throwsRootNotFound() {
    assertThatExceptionOfType(RootNotFoundException.class)
        .isThrownBy(() -> orgs.enablePolicyType(r -> r.rootId("r-zzzz")
            .policyType(PolicyType.TAG_POLICY)))
        .withMessageContaining("r-zzzz");
  }

  @Test
  void disableThenEnableScps_reattachesOnlyFullAwsAccessEverywhere() {
    String ou = orgs.createOrganizationalUnit(r -> r.parentId(rootId).name(unique("scp-ou")))
        .organizationalUnit().id();
    String account = OrgSupport.newAccount(fx, orgs, "scp-account");
    String custom = PoliciesIT.createScpWith(orgs, unique("custom")).policySummary().id();
    orgs.attachPolicy(r -> r.policyId(custom).targetId(ou));
    orgs.detachPolicy(r -> r.policyId("p-FullAWSAccess").targetId(ou));
    String management = fx.management.accountId();

    Root disabled = disable(PolicyType.SERVICE_CONTROL_POLICY);

    assertThat(disabled.policyTypes()).isEmpty();
    for (String target : List.of(rootId, ou, account, management)) {
      assertThat(policiesOn(target, PolicyType.SERVICE_CONTROL_POLICY)).as(target).isEmpty();
    }
    assertThatExceptionOfType(PolicyTypeNotEnabledException.class)
        .isThrownBy(() -> orgs.attachPolicy(r -> r.policyId(custom).targetId(ou)));
    String bareOu = orgs.createOrganizationalUnit(r -> r.parentId(rootId).name(unique("bare")))
        .organizationalUnit().id();
    assertThat(policiesOn(bareOu, PolicyType.SERVICE_CONTROL_POLICY)).isEmpty();

    Root enabled = enable(PolicyType.SERVICE_CONTROL_POLICY);

    assertThat(enabled.policyTypes()).containsExactly(PolicyTypeSummary.builder()
        .type(PolicyType.SERVICE_CONTROL_POLICY).status(PolicyTypeStatus.ENABLED).build());
    for (String target : List.of(rootId, ou, bareOu, account, management)) {
      assertThat(policiesOn(target, PolicyType.SERVICE_CONTROL_POLICY)).as(target)
          .containsExactly("p-FullAWSAccess");
    }
    assertThat(orgs.listTargetsForPolicy(r -> r.policyId(custom)).targets()).isEmpty();
  }
}
