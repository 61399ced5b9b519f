package dev.orgvend.sandbox.it;

import static dev.orgvend.sandbox.it.OrgSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.orgvend.sandbox.SandboxSettings.OrgLimits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.DuplicatePolicyException;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.Policy;
import software.amazon.awssdk.services.organizations.model.PolicyInUseException;
import software.amazon.awssdk.services.organizations.model.PolicyNotFoundException;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/** CreatePolicy, DescribePolicy, UpdatePolicy, DeletePolicy and ListPolicies. */
class PoliciesIT {
  static final String DENY_EC2 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoEc2\","
      + "\"Effect\":\"Deny\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}]}";
  static final String DENY_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
      + "\"Action\":[\"s3:DeleteBucket\"],\"Resource\":\"arn:aws:s3:::*\"}}";

  static SandboxFixture fx;
  static OrganizationsClient orgs;
  static Organization org;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    orgs = fx.organizations();
    org = orgs.describeOrganization().organization();
  }

  @AfterAll
  static void stop() {
    orgs.close();
    fx.close();
  }

  /** A small valid SCP under {@code name}, for tests that only need some policy. */
  static Policy createScpWith(OrganizationsClient client, String name) {
    return client.createPolicy(r -> r.name(name).description("test policy").content(DENY_EC2)
        .type(PolicyType.SERVICE_CONTROL_POLICY)).policy();
  }

  static Policy createScp(String name, String content) {
    return orgs.createPolicy(r -> r.name(name).description("test policy").content(content)
        .type(PolicyType.SERVICE_CONTROL_POLICY)).policy();
  }

  @Test
  void createPolicy_validScp_returnsPolicyWithIdArnAndContent() {
    String name = unique("deny-ec2");
    Policy policy = createScp(name, DENY_EC2);

    PolicySummary summary = policy.policySummary();
    assertThat(summary.id()).matches("p-[a-z0-9]{10}");
    assertThat(summary.arn()).isEqualTo("arn:aws:organizations::" + org.masterAccountId()
        + ":policy/" + org.id() + "/service_control_policy/" + summary.id());
    assertThat(summary.name()).isEqualTo(name);
    assertThat(summary.description()).isEqualTo("test policy");
    assertThat(summary.type()).isEqualTo(PolicyType.SERVICE_CONTROL_POLICY);
    assertThat(summary.awsManaged()).isFalse();
    assertThat(policy.content()).isEqualTo(DENY_EC2);
    assertThat(orgs.describePolicy(r -> r.policyId(summary.id())).policy()).isEqualTo(policy);
  }

  @Test
  void createPolicy_tagPolicyWhileTypeDisabled_isStillAllowed() {
    Policy policy = orgs.createPolicy(r -> r.name(unique("tags")).description("")
        .content("{\"tags\":{\"costcenter\":{\"tag_key\":{\"@@assign\":\"CostCenter\"}}}}")
        .type(PolicyType.TAG_POLICY)).policy();

    assertThat(policy.policySummary().arn()).contains(":policy/" + org.id() + "/tag_policy/p-");
  }

  @Test
  void createPolicy_sameNameAndType_throwsDuplicatePolicy() {
    String name = unique("twin");
    createScp(name, DENY_EC2);

    assertThatExceptionOfType(DuplicatePolicyException.class)
        .isThrownBy(() -> createScp(name, DENY_S3));
  }

  @Test
  void createPolicy_withPrincipal_throwsMalformedPolicyDocument() {
    String withPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
        + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    assertThatExceptionOfType(MalformedPolicyDocumentException.class)
        .isThrownBy(() -> createScp(unique("principal"), withPrincipal))
        .withMessageContaining("Principal");
  }

  @Test
  void createPolicy_notJson_throwsMalformedPolicyDocument() {
    assertThatExceptionOfType(MalformedPolicyDocumentException.class)
        .isThrownBy(() -> createScp(unique("broken"), "{\"Version\":"));
  }

  @Test
  void createPolicy_longerThanSizeLimit_throwsPolicyContentLimitExceeded() {
    String padded = DENY_EC2.replace("{\"Version\"", "{" + " ".repeat(10_241 - DENY_EC2.length())
        + "\"Version\"");
    assertThat(padded).hasSize(10_241);

    assertThatExceptionOfType(ConstraintViolationException.class)
        .isThrownBy(() -> createScp(unique("huge"), padded))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("POLICY_CONTENT_LIMIT_EXCEEDED"));
    String fits = padded.replaceFirst(" ", "");
    assertThat(createScp(unique("fits"), fits).content()).hasSize(10_240);
  }

  @Test
  void createPolicy_unknownType_throwsInvalidEnumPolicyType() {
    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.createPolicy(r -> r.name(unique("x")).description("d")
            .content(DENY_EC2).type("FIREWALL_POLICY")))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_ENUM_POLICY_TYPE"));
  }

  @Test
  void createPolicy_atPolicyQuota_throwsPolicyNumberLimitExceeded() {
    createScp(unique("counted"), DENY_EC2);
    fx.sandbox.updateSettings(s -> s.withOrgLimits(new OrgLimits(2000, 1, 10_240, 10, 3, 250)));
    try {
      assertThatExceptionOfType(ConstraintViolationException.class)
          .isThrownBy(() -> createScp(unique("over"), DENY_EC2))
          .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("POLICY_NUMBER_LIMIT_EXCEEDED"));
    } finally {
      fx.sandbox.updateSettings(s -> s.withOrgLimits(OrgLimits.aws()));
    }
  }

  @Test
  void describePolicy_fullAwsAccess_isAwsManagedWithGlobalArn() {
    Policy full = orgs.describePolicy(r -> r.policyId("p-FullAWSAccess")).policy();

    assertThat(full.policySummary().awsManaged()).isTrue();
    assertThat(full.policySummary().name()).isEqualTo("FullAWSAccess");
    assertThat(full.policySummary().arn())
        .isEqualTo("arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess");
    assertThat(full.content()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
        + "\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
  }

  @Test
  void describePolicy_unknownId_throwsPolicyNotFound() {
    assertThatExceptionOfType(PolicyNotFoundException.class)
        .isThrownBy(() -> orgs.describePolicy(r -> r.policyId("p-0000000000")))
        .withMessageContaining("p-0000000000");
  }

  @Test
  void describePolicy_malformedId_throwsInvalidSyntaxPolicyId() {
    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.describePolicy(r -> r.policyId("policy-1")))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_SYNTAX_POLICY_ID"));
  }

  @Test
  void updatePolicy_nameDescriptionAndContent_replacesThem() {
    String id = createScp(unique("old"), DENY_EC2).policySummary().id();
    String name = unique("new");

    Policy updated = orgs.updatePolicy(r -> r.policyId(id).name(name).description("changed")
        .content(DENY_S3)).policy();

    assertThat(updated.policySummary().name()).isEqualTo(name);
    assertThat(updated.policySummary().description()).isEqualTo("changed");
    assertThat(updated.content()).isEqualTo(DENY_S3);
    assertThat(orgs.describePolicy(r -> r.policyId(id)).policy()).isEqualTo(updated);
  }

  @Test
  void updatePolicy_toAnotherPolicysName_throwsDuplicatePolicy() {
    String taken = unique("taken");
    createScp(taken, DENY_EC2);
    String id = createScp(unique("mine"), DENY_EC2).policySummary().id();

    assertThatExceptionOfType(DuplicatePolicyException.class)
        .isThrownBy(() -> orgs.updatePolicy(r -> r.policyId(id).name(taken)));
  }

  @Test
  void updatePolicy_malformedContent_throwsAndKeepsOldContent() {
    String id = createScp(unique("keep"), DENY_EC2).policySummary().id();

    assertThatExceptionOfType(MalformedPolicyDocumentException.class)
        .isThrownBy(() -> orgs.updatePolicy(r -> r.policyId(id).content("[]")));
    assertThat(orgs.describePolicy(r -> r.policyId(id)).policy().content()).isEqualTo(DENY_EC2);
  }

  @Test
  void updatePolicy_fullAwsAccess_throwsImmutablePolicy() {
    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.updatePolicy(r -> r.policyId("p-FullAWSAccess").name("Mine")))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("IMMUTABLE_POLICY"));
  }

  @Test
  void deletePolicy_fullAwsAccess_throwsImmutablePolicy() {
    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.deletePolicy(r -> r.policyId("p-FullAWSAccess")))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("IMMUTABLE_POLICY"));
  }

  @Test
  void deletePolicy_attached_throwsPolicyInUseThenDeletesOnceDetached() {
    String id = createScp(unique("in-use"), DENY_EC2).policySummary().id();
    String rootId = OrgSupport.rootId(orgs);
    orgs.attachPolicy(r -> r.policyId(id).targetId(rootId));

    assertThatExceptionOfType(PolicyInUseException.class)
        .isThrownBy(() -> orgs.deletePolicy(r -> r.policyId(id)));

    orgs.detachPolicy(r -> r.policyId(id).targetId(rootId));
    orgs.deletePolicy(r -> r.policyId(id));
    assertThatExceptionOfType(PolicyNotFoundException.class)
        .isThrownBy(() -> orgs.describePolicy(r -> r.policyId(id)));
  }

  @Test
  void listPolicies_moreThanOnePage_returnsEveryPolicyOfTheType() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      created.add(orgs.createPolicy(r -> r.name(unique("backup")).description("b")
          .content("{\"plans\":{}}").type(PolicyType.BACKUP_POLICY)).policy().policySummary().id());
    }

    List<String> listed = orgs.listPoliciesPaginator(r -> r.filter(PolicyType.BACKUP_POLICY))
        .stream().flatMap(page -> page.policies().stream()).map(PolicySummary::id).toList();
    List<String> scps = orgs.listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY))
        .stream().flatMap(page -> page.policies().stream()).map(PolicySummary::id).toList();

    assertThat(listed).containsExactlyElementsOf(created);
    assertThat(scps).contains("p-FullAWSAccess").doesNotContainAnyElementsOf(created);
  }
}
