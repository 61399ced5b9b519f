package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** IAM CreateRole, GetRole, ListRoles and DeleteRole through the real SDK (awsQuery). */
class IamRoleIT {
  static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
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

  static String decode(String document) {
    return URLDecoder.decode(document, StandardCharsets.UTF_8);
  }

  @Test
  void createRole_withPathAndTags_returnsRoleInCallersAccount() {
    Role role = iam.createRole(r -> r.roleName("created-role").path("/ops/")
        .assumeRolePolicyDocument(TRUST).description("made by a test").maxSessionDuration(7200)
        .tags(Tag.builder().key("team").value("platform").build())).role();

    assertThat(role.arn())
        .isEqualTo("arn:aws:iam::" + fx.management.accountId() + ":role/ops/created-role");
    assertThat(role.roleId()).matches("AROA[A-Z2-7]{17}");
    assertThat(role.path()).isEqualTo("/ops/");
    assertThat(role.description()).isEqualTo("made by a test");
    assertThat(role.maxSessionDuration()).isEqualTo(7200);
    assertThat(role.createDate()).isNotNull();
    assertThat(role.tags()).containsExactly(Tag.builder().key("team").value("platform").build());
    assertThat(role.assumeRolePolicyDocument()).startsWith("%7B%22Version%22");
    assertThat(decode(role.assumeRolePolicyDocument())).isEqualTo(TRUST);
  }

  @Test
  void getRole_afterCreate_returnsTheSameRoleWithDefaults() {
    Role created = iam.createRole(r -> r.roleName("fetched-role")
        .assumeRolePolicyDocument(TRUST)).role();

    Role fetched = iam.getRole(r -> r.roleName("fetched-role")).role();

    assertThat(fetched).isEqualTo(created);
    assertThat(fetched.path()).isEqualTo("/");
    assertThat(fetched.maxSessionDuration()).isEqualTo(3600);
    assertThat(fetched.description()).isNull();
  }

  @Test
  void createRole_whenNameTakenInAnyCase_throwsEntityAlreadyExists() {
    iam.createRole(r -> r.roleName("Duplicate-Role").assumeRolePolicyDocument(TRUST));

    EntityAlreadyExistsException e = catchThrowableOfType(EntityAlreadyExistsException.class,
        () -> iam.createRole(r -> r.roleName("duplicate-role").assumeRolePolicyDocument(TRUST)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists");
    assertThat(e.statusCode()).isEqualTo(409);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Role with name duplicate-role already exists.");
  }

  @Test
  void createRole_withInvalidJson_throwsMalformedPolicyDocument() {
    MalformedPolicyDocumentException e = catchThrowableOfType(
        MalformedPolicyDocumentException.class,
        () -> iam.createRole(r -> r.roleName("bad-json-role").assumeRolePolicyDocument("{nope")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("This policy contains invalid Json");
  }

  @Test
  void createRole_withTrustPolicyWithoutPrincipal_throwsMalformedPolicyDocument() {
    String noPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"sts:AssumeRole\"}]}";

    MalformedPolicyDocumentException e = catchThrowableOfType(
        MalformedPolicyDocumentException.class,
        () -> iam.createRole(
            r -> r.roleName("no-principal").assumeRolePolicyDocument(noPrincipal)));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Missing required field Principal");
    assertThat(iam.listRoles().roles()).extracting(Role::roleName).doesNotContain("no-principal");
  }

  @Test
  void createRole_withInvalidName_throwsValidationError() {
    IamException e = catchThrowableOfType(IamException.class,
        () -> iam.createRole(r -> r.roleName("has space").assumeRolePolicyDocument(TRUST)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value"
        + " 'has space' at 'roleName' failed to satisfy constraint: Member must satisfy regular"
        + " expression pattern: [\\w+=,.@-]+");
  }

  @Test
  void createRole_withMaxSessionDurationBelowOneHour_throwsValidationError() {
    IamException e = catchThrowableOfType(IamException.class, () -> iam.createRole(
        r -> r.roleName("short-session").assumeRolePolicyDocument(TRUST).maxSessionDuration(900)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(e.awsErrorDetails().errorMessage()).endsWith(
        "at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater"
            + " than or equal to 3600");
  }

  @Test
  void createRole_withoutTrustPolicy_throwsValidationError() {
    IamException e = catchThrowableOfType(IamException.class,
        () -> iam.createRole(r -> r.roleName("no-trust")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(e.awsErrorDetails().errorMessage()).endsWith(
        "Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not"
            + " be null");
  }

  @Test
  void getRole_whenMissing_throwsNoSuchEntity() {
    NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.getRole(r -> r.roleName("never-created")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("The role with name never-created cannot be found.");
  }

  @Test
  void listRoles_withMaxItems_pagesThroughRolesInNameOrder() {
    for (String name : List.of("page-c", "page-a", "page-e", "page-b", "page-d")) {
      iam.createRole(r -> r.roleName(name).path("/paging/").assumeRolePolicyDocument(TRUST));
    }

    ListRolesResponse first = iam.listRoles(r -> r.pathPrefix("/paging/").maxItems(2));
    ListRolesResponse second =
        iam.listRoles(r -> r.pathPrefix("/paging/").maxItems(2).marker(first.marker()));
    ListRolesResponse third =
        iam.listRoles(r -> r.pathPrefix("/paging/").maxItems(2).marker(second.marker()));

    assertThat(first.roles()).extracting(Role::roleName).containsExactly("page-a", "page-b");
    assertThat(first.isTruncated()).isTrue();
    assertThat(second.roles()).extracting(Role::roleName).containsExactly("page-c", "page-d");
    assertThat(third.roles()).extracting(Role::roleName).containsExactly("page-e");
    assertThat(third.isTruncated()).isFalse();
    assertThat(third.marker()).isNull();
    assertThat(iam.listRolesPaginator(r -> r.pathPrefix("/paging/").maxItems(2)).roles())
        .hasSize(5);
  }

  @Test
  void listRoles_withPathPrefix_leavesOutOtherPathsAndTags() {
    iam.createRole(r -> r.roleName("prefixed-in").path("/team-x/").assumeRolePolicyDocument(TRUST)
        .tags(Tag.builder().key("k").value("v").build()));
    iam.createRole(r -> r.roleName("prefixed-out").path("/team-y/")
        .assumeRolePolicyDocument(TRUST));

    List<Role> roles = iam.listRoles(r -> r.pathPrefix("/team-x/")).roles();

    assertThat(roles).extracting(Role::roleName).containsExactly("prefixed-in");
    assertThat(roles.get(0).hasTags()).isFalse();
    assertThat(decode(roles.get(0).assumeRolePolicyDocument())).isEqualTo(TRUST);
  }

  @Test
  void listRoles_withForeignMarker_throwsValidationError() {
    IamException e = catchThrowableOfType(IamException.class,
        () -> iam.listRoles(r -> r.marker("not-a-marker")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
  }

  @Test
  void deleteRole_thenGetRole_throwsNoSuchEntity() {
    iam.createRole(r -> r.roleName("short-lived").assumeRolePolicyDocument(TRUST));

    iam.deleteRole(r -> r.roleName("short-lived"));

    assertThat(catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.getRole(r -> r.roleName("short-lived")))).isNotNull();
  }

  @Test
  void deleteRole_whenMissing_throwsNoSuchEntity() {
    NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
        () -> iam.deleteRole(r -> r.roleName("not-there")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
  }

  @Test
  void createRole_withMemberCredentials_landsInMemberAccountOnly() {
    BaselineClients.Member member = BaselineClients.createMember(fx, "iam-member");
    try (IamClient memberIam = BaselineClients.iam(fx, member.credentials())) {
      Role role = memberIam.createRole(r -> r.roleName("member-only-role")
          .assumeRolePolicyDocument(TRUST)).role();

      assertThat(role.arn())
          .isEqualTo("arn:aws:iam::" + member.accountId() + ":role/member-only-role");
      assertThat(memberIam.listRoles().roles()).extracting(Role::roleName)
          .contains("OrganizationAccountAccessRole", "member-only-role");
      assertThat(catchThrowableOfType(NoSuchEntityException.class,
          () -> iam.getRole(r -> r.roleName("member-only-role")))).isNotNull();
      assertThat(iam.listRoles().roles()).extracting(Role::roleName)
          .doesNotContain("member-only-role", "OrganizationAccountAccessRole");
    }
  }
}
