package dev.orgvend.sandbox.it;

import static dev.orgvend.sandbox.it.OrgSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.DuplicatePolicyAttachmentException;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.PolicyNotAttachedException;
import software.amazon.awssdk.services.organizations.model.PolicyNotFoundException;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyTargetSummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.PolicyTypeNotEnabledException;
import software.amazon.awssdk.services.organizations.model.TargetNotFoundException;
import software.amazon.awssdk.services.organizations.model.TargetType;

/** AttachPolicy, DetachPolicy, ListTargetsForPolicy and ListPoliciesForTarget. */
class PolicyAttachmentsIT {
  static SandboxFixture fx;
  static OrganizationsClient orgs;
  static Organization org;
  static String rootId;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    orgs = fx.organizations();
    org = orgs.describeOrganization().organization();
    rootId = OrgSupport.rootId(orgs);
  }

  @AfterAll
  static void stop() {
    orgs.close();
    fx.close();
  }

  private static String newScp() {
    return PoliciesIT.createScpWith(orgs, unique("scp")).policySummary().id();
  }

  private static String newOu() {
    return orgs.createOrganizationalUnit(r -> r.parentId(rootId).name(unique("target")))
        .organizationalUnit().id();
  }

  private static void attach(String policy, String target) {
    orgs.attachPolicy(r -> r.policyId(policy).targetId(target));
  }

  private static void detach(String policy, String target) {
    orgs.detachPolicy(r -> r.policyId(policy).targetId(target));
  }

  private static List<String> scpsOn(String target) {
    return orgs.listPoliciesForTarget(r -> r.targetId(target)
        .filter(PolicyType.SERVICE_CONTROL_POLICY)).policies().stream()
        .map(PolicySummary::id).toList();
  }

  @Test
  void attachPolicy_toOuAndAccount_listedFromBothSides() {
    String policy = newScp();
    String ou = newOu();
    String account = OrgSupport.newAccount(fx, orgs, "attached");
    String accountName = orgs.describeAccount(r -> r.accountId(account)).account().name();
    String ouName = orgs.describeOrganizationalUnit(r -> r.organizationalUnitId(ou))
        .organizationalUnit().name();

    attach(policy, ou);
    attach(policy, account);

    assertThat(scpsOn(ou)).containsExactly("p-FullAWSAccess", policy);
    assertThat(scpsOn(account)).containsExactly("p-FullAWSAccess", policy);
    assertThat(orgs.listTargetsForPolicy(r -> r.policyId(policy)).targets()).containsExactly(
        PolicyTargetSummary.builder().targetId(ou).name(ouName).type(TargetType.ORGANIZATIONAL_UNIT)
            .arn("arn:aws:organizations::" + org.masterAccountId() + ":ou/" + org.id() + "/" + ou)
            .build(),
        PolicyTargetSummary.builder().targetId(account).name(accountName).type(TargetType.ACCOUNT)
            .arn("arn:aws:organizations::" + org.masterAccountId() + ":account/" + org.id() + "/"
                + account)
            .build());
  }

  @Test
  void listTargetsForPolicy_fullAwsAccess_includesRootAndManagementAccount() {
    List<PolicyTargetSummary> targets = orgs.listTargetsForPolicyPaginator(
        r -> r.policyId("p-FullAWSAccess")).stream()
        .flatMap(page -> page.targets().stream()).toList();

    assertThat(targets).anySatisfy(t -> {
      assertThat(t.targetId()).isEqualTo(rootId);
      assertThat(t.type()).isEqualTo(TargetType.ROOT);
      assertThat(t.name()).isEqualTo("Root");
      assertThat(t.arn()).isEqualTo("arn:aws:organizations::" + org.masterAccountId() + ":root/"
          + org.id() + "/" + rootId);
    });
    assertThat(targets).extracting(PolicyTargetSummary::targetId)
        .contains(org.masterAccountId());
  }

  @Test
  void listTargetsForPolicy_moreThanOnePage_paginatorReturnsAll() {
    String policy = newScp();
    List<String> ous = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      String ou = newOu();
      attach(policy, ou);
      ous.add(ou);
    }

    List<String> listed = orgs.listTargetsForPolicyPaginator(r -> r.policyId(policy).maxResults(20))
        .stream().flatMap(page -> page.targets().stream()).map(PolicyTargetSummary::targetId)
        .toList();

    assertThat(listed).containsExactlyElementsOf(ous);
  }

  @Test
  void attachPolicy_twice_throwsDuplicatePolicyAttachment() {
    String policy = newScp();
    String ou = newOu();
    attach(policy, ou);

    assertThatExceptionOfType(DuplicatePolicyAttachmentException.class)
        .isThrownBy(() -> attach(policy, ou));
  }

  @Test
  void attachPolicy_eleventhScp_throwsMaxPolicyTypeAttachmentLimitExceeded() {
    String ou = newOu();
    for (int i = 0; i < 9; i++) {
      attach(newScp(), ou);
    }
    assertThat(scpsOn(ou)).hasSize(10);
    String eleventh = newScp();

    assertThatExceptionOfType(ConstraintViolationException.class)
        .isThrownBy(() -> attach(eleventh, ou))
        .satisfies(e -> assertThat(e.reasonAsString())
            .isEqualTo("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"));
  }

  @Test
  void attachPolicy_unknownTarget_throwsTargetNotFound() {
    String policy = newScp();

    assertThatExceptionOfType(TargetNotFoundException.class)
        .isThrownBy(() -> attach(policy, "123456789012"))
        .withMessageContaining("123456789012");
  }

  @Test
  void attachPolicy_malformedTargetId_throwsInvalidPatternTargetId() {
    String policy = newScp();

    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> attach(policy, "team-ou"))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_PATTERN_TARGET_ID"));
  }

  @Test
  void attachPolicy_unknownPolicy_throwsPolicyNotFound() {
    String ou = newOu();

    assertThatExceptionOfType(PolicyNotFoundException.class)
        .isThrownBy(() -> attach("p-zzzzzzzzzz", ou));
  }

  @Test
  void attachPolicy_typeNotEnabled_throwsPolicyTypeNotEnabled() {
    String policy = orgs.createPolicy(r -> r.name(unique("ai")).description("")
        .content("{\"services\":{}}").type(PolicyType.AISERVICES_OPT_OUT_POLICY)).policy()
        .policySummary().id();

    assertThatExceptionOfType(PolicyTypeNotEnabledException.class)
        .isThrownBy(() -> attach(policy, rootId));
  }

  @Test
  void detachPolicy_oneOfTwo_leavesTheOther() {
    String policy = newScp();
    String ou = newOu();
    attach(policy, ou);

    detach("p-FullAWSAccess", ou);

    assertThat(scpsOn(ou)).containsExactly(policy);
  }

  @Test
  void detachPolicy_lastScp_throwsMinPolicyTypeAttachmentLimitExceeded() {
    String ou = newOu();

    assertThatExceptionOfType(ConstraintViolationException.class)
        .isThrownBy(() -> detach("p-FullAWSAccess", ou))
        .satisfies(e -> assertThat(e.reasonAsString())
            .isEqualTo("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"));
    assertThat(scpsOn(ou)).containsExactly("p-FullAWSAccess");
  }

  @Test
  void detachPolicy_notAttached_throwsPolicyNotAttached() {
    String policy = newScp();
    String ou = newOu();

    assertThatExceptionOfType(PolicyNotAttachedException.class)
        .isThrownBy(() -> detach(policy, ou));
  }

  @Test
  void listPoliciesForTarget_unknownTarget_throwsTargetNotFound() {
    String missing = "ou-" + rootId.substring(2) + "-44444444";

    assertThatExceptionOfType(TargetNotFoundException.class)
        .isThrownBy(() -> scpsOn(missing));
  }
}
