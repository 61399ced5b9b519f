package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** Inline and managed policies of IAM roles through the real SDK (awsQuery). */
class IamRolePolicyIT {
  static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/*\"}]}";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static SandboxFixture fx;
  static IamClient iam;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    iam = BaselineClients.iam(fx, fx.managementProvider());
  }

  @AfterAll
  static void stop() {
    iam.close();
    fx.close();
  }

  static void role(String name) {
    iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(IamRoleIT.TRUST));
  }

  @Test
  void getRolePolicy_afterPut_returnsUrlEncodedDocument() {
    role("inline-get");
    iam.putRolePolicy(
        r -> r.roleName("inline-get").policyName("read-bucket").policyDocument(POLICY));

    GetRolePolicyResponse got =
        iam.getRolePolicy(r -> r.roleName("inline-get").policyName("read-bucket"));

    assertThat(got.roleName()).isEqualTo("inline-get");
    assertThat(got.policyName()).isEqualTo("read-bucket");
    assertThat(got.policyDocument()).doesNotContain("{", "\"", ":");
    assertThat(URLDecoder.decode(got.policyDocument(), StandardCharsets.UTF_8)).isEqualTo(POLICY);
  }

  @Test
  void putRolePolicy_withSameName_replacesTheDocument() {
    role("inline-replace");
    String wider = POLICY.replace("s3:GetObject", "s3:*");
    iam.putRolePolicy(r -> r.roleName("inline-replace").policyName("p").policyDocument(POLICY));

    iam.putRolePolicy(r -> r.roleName("inline-replace").policyName("p").policyDocument(wider));

    String document =
        iam.getRolePolicy(r -> r.roleName("inline-replace").policyName("p")).policyDocument();
    assertThat(URLDecoder.decode(document, StandardCharsets.UTF_8)).isEqualTo(wider);
    assertThat(iam.listRolePolicies(r -> r.roleName("inline-replace")).policyNames())
        .containsExactly("p");
  }

  @Test
  void putRolePolicy_withPrincipal_throwsMalformedPolicyDocument() {
    role("inline-principal");
    String withPrincipal = POLICY.replace("\"Action\"", "\"Principal\":\"*\",\"Action\"");

    MalformedPolicyDocumentException e = catchThrowableOfType(
        MalformedPolicyDocumentException.class, () -> iam.putRolePolicy(
            r -> r.roleName("inline-principal").policyName("p").policyDocument(withPrincipal)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Policy document should not specify a principal.");
  }

  @Test
  void putRolePolicy_onMissingRole_throwsNoSuchEntity() {
    NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.putRolePolicy(r -> r.roleName("ghost").policyName("p").policyDocument(POLICY)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    assertThat(e.statusCode()).isEqualTo(404);
  }

  @Test
  void putRolePolicy_overTheInlineSizeQuota_throwsLimitExceeded() {
    role("inline-big");
    String big = POLICY.replace("bucket/*", "b".repeat(10_300));

    LimitExceededException e = catchThrowableOfType(LimitExceededException.class,
        () -> iam.putRolePolicy(r -> r.roleName("inline-big").policyName("p").policyDocument(big)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceeded");
    assertThat(e.statusCode()).isEqualTo(409);
  }

  @Test
  void listRolePolicies_withMaxItems_pagesInNameOrder() {
    role("inline-list");
    for (String name : new String[] {"zeta", "alpha", "mid"}) {
      iam.putRolePolicy(r -> r.roleName("inline-list").policyName(name).policyDocument(POLICY));
    }

    ListRolePoliciesResponse first =
        iam.listRolePolicies(r -> r.roleName("inline-list").maxItems(2));
    ListRolePoliciesResponse rest = iam.listRolePolicies(
        r -> r.roleName("inline-list").maxItems(2).marker(first.marker()));

    assertThat(first.policyNames()).containsExactly("alpha", "mid");
    assertThat(first.isTruncated()).isTrue();
    assertThat(rest.policyNames()).containsExactly("zeta");
    assertThat(rest.isTruncated()).isFalse();
  }

  @Test
  void getRolePolicy_whenMissing_throwsNoSuchEntity() {
    role("inline-missing");

    NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.getRolePolicy(r -> r.roleName("inline-missing").policyName("nope")));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("The role policy with name nope cannot be found.");
  }

  @Test
  void deleteRolePolicy_removesItAndSecondDeleteThrowsNoSuchEntity() {
    role("inline-delete");
    iam.putRolePolicy(r -> r.roleName("inline-delete").policyName("p").policyDocument(POLICY));

    iam.deleteRolePolicy(r -> r.roleName("inline-delete").policyName("p"));

    assertThat(iam.listRolePolicies(r -> r.roleName("inline-delete")).policyNames()).isEmpty();
    assertThat(catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.deleteRolePolicy(r -> r.roleName("inline-delete").policyName("p"))))
        .isNotNull();
  }

  @Test
  void attachRolePolicy_twice_listsThePolicyOnce() {
    role("managed-attach");
    String serviceRole = "arn:aws:iam::aws:policy/service-role/AWSConfigRole";
    iam.attachRolePolicy(r -> r.roleName("managed-attach").policyArn(READ_ONLY));
    iam.attachRolePolicy(r -> r.roleName("managed-attach").policyArn(READ_ONLY));
    iam.attachRolePolicy(r -> r.roleName("managed-attach").policyArn(serviceRole));

    assertThat(iam.listAttachedRolePolicies(r -> r.roleName("managed-attach")).attachedPolicies())
        .containsExactly(
            AttachedPolicy.builder().policyName("ReadOnlyAccess").policyArn(READ_ONLY).build(),
            AttachedPolicy.builder().policyName("AWSConfigRole").policyArn(serviceRole).build());
    assertThat(iam.listAttachedRolePolicies(
        r -> r.roleName("managed-attach").pathPrefix("/service-role/")).attachedPolicies())
        .extracting(AttachedPolicy::policyArn).containsExactly(serviceRole);
  }

  @Test
  void attachRolePolicy_withMalformedArn_throwsInvalidInput() {
    role("managed-bad-arn");

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> iam.attachRolePolicy(r -> r.roleName("managed-bad-arn")
            .policyArn("arn:aws:s3:::not-a-policy")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("ARN arn:aws:s3:::not-a-policy is not valid.");
  }

  @Test
  void attachRolePolicy_beyondTenPolicies_throwsLimitExceeded() {
    role("managed-many");
    for (int i = 0; i < 10; i++) {
      String arn = "arn:aws:iam::aws:policy/Policy" + i;
      iam.attachRolePolicy(r -> r.roleName("managed-many").policyArn(arn));
    }

    LimitExceededException e = catchThrowableOfType(LimitExceededException.class,
        () -> iam.attachRolePolicy(r -> r.roleName("managed-many").policyArn(READ_ONLY)));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Cannot exceed quota for PoliciesPerRole: 10");
  }

  @Test
  void detachRolePolicy_whenNotAttached_throwsNoSuchEntity() {
    role("managed-detach");

    NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.detachRolePolicy(r -> r.roleName("managed-detach").policyArn(READ_ONLY)));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Policy " + READ_ONLY + " was not found.");
  }

  @Test
  void deleteRole_withPolicies_throwsDeleteConflictUntilTheyAreRemoved() {
    role("conflicted");
    iam.putRolePolicy(r -> r.roleName("conflicted").policyName("p").policyDocument(POLICY));
    iam.attachRolePolicy(r -> r.roleName("conflicted").policyArn(READ_ONLY));

    DeleteConflictException inline = catchThrowableOfType(DeleteConflictException.class,
        () -> iam.deleteRole(r -> r.roleName("conflicted")));
    iam.deleteRolePolicy(r -> r.roleName("conflicted").policyName("p"));
    DeleteConflictException attached = catchThrowableOfType(DeleteConflictException.class,
        () -> iam.deleteRole(r -> r.roleName("conflicted")));
    iam.detachRolePolicy(r -> r.roleName("conflicted").policyArn(READ_ONLY));
    iam.deleteRole(r -> r.roleName("conflicted"));

    assertThat(inline.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");
    assertThat(inline.statusCode()).isEqualTo(409);
    assertThat(inline.awsErrorDetails().errorMessage())
        .isEqualTo("Cannot delete entity, must delete policies first.");
    assertThat(attached.awsErrorDetails().errorMessage())
        .isEqualTo("Cannot delete entity, must detach all policies first.");
    assertThat(catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.getRole(r -> r.roleName("conflicted")))).isNotNull();
  }
}
