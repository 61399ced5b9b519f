package dev.orgvend.sandbox.it;

import static dev.orgvend.sandbox.it.OrgSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.orgvend.sandbox.SandboxSettings.OrgLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.DuplicateOrganizationalUnitException;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnitNotEmptyException;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnitNotFoundException;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;

/** Create, Describe, Update and DeleteOrganizationalUnit, with their limits and errors. */
class OrganizationalUnitsIT {
  static SandboxFixture fx;
  static OrganizationsClient orgs;
  static String rootId;
  static Organization org;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    orgs = fx.organizations();
    rootId = OrgSupport.rootId(orgs);
    org = orgs.describeOrganization().organization();
  }

  @AfterAll
  static void stop() {
    orgs.close();
    fx.close();
  }

  private static OrganizationalUnit create(String parentId, String name) {
    return orgs.createOrganizationalUnit(r -> r.parentId(parentId).name(name)).organizationalUnit();
  }

  @Test
  void createOrganizationalUnit_underRoot_returnsIdArnAndPath() {
    String name = unique("workloads");
    OrganizationalUnit ou = create(rootId, name);

    assertThat(ou.id()).matches("ou-" + rootId.substring(2) + "-[a-z0-9]{8}");
    assertThat(ou.name()).isEqualTo(name);
    assertThat(ou.arn()).isEqualTo("arn:aws:organizations::" + org.masterAccountId() + ":ou/"
        + org.id() + "/" + ou.id());
    assertThat(orgs.describeOrganizationalUnit(r -> r.organizationalUnitId(ou.id()))
        .organizationalUnit()).isEqualTo(ou);
  }

  @Test
  void createOrganizationalUnit_withTags_storesThem() {
    String name = unique("tagged");
    OrganizationalUnit ou = orgs.createOrganizationalUnit(r -> r.parentId(rootId).name(name)
        .tags(Tag.builder().key("team").value("platform").build())).organizationalUnit();

    assertThat(orgs.listTagsForResource(r -> r.resourceId(ou.id())).tags())
        .containsExactly(Tag.builder().key("team").value("platform").build());
  }

  @Test
  void createOrganizationalUnit_whileScpsEnabled_getsFullAwsAccess() {
    OrganizationalUnit ou = create(rootId, unique("scp"));

    assertThat(orgs.listPoliciesForTarget(r -> r.targetId(ou.id())
        .filter(PolicyType.SERVICE_CONTROL_POLICY)).policies())
        .extracting(PolicySummary::id).containsExactly("p-FullAWSAccess");
  }

  @Test
  void createOrganizationalUnit_sameNameUnderSameParent_throwsDuplicate() {
    String name = unique("dup");
    create(rootId, name);

    assertThatExceptionOfType(DuplicateOrganizationalUnitException.class)
        .isThrownBy(() -> create(rootId, name));
  }

  @Test
  void createOrganizationalUnit_sameNameUnderOtherParent_succeeds() {
    String name = unique("shared");
    OrganizationalUnit parent = create(rootId, unique("parent"));
    create(rootId, name);

    assertThat(create(parent.id(), name).name()).isEqualTo(name);
  }

  @Test
  void createOrganizationalUnit_sixthLevel_throwsOuDepthLimitExceeded() {
    String parent = rootId;
    for (int level = 1; level <= 5; level++) {
      parent = create(parent, unique("level" + level)).id();
    }
    String deepest = parent;

    assertThatExceptionOfType(ConstraintViolationException.class)
        .isThrownBy(() -> create(deepest, unique("level6")))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("OU_DEPTH_LIMIT_EXCEEDED"));
  }

  @Test
  void createOrganizationalUnit_unknownParent_throwsParentNotFound() {
    String missing = "ou-" + rootId.substring(2) + "-zzzzzzzz";

    assertThatExceptionOfType(ParentNotFoundException.class)
        .isThrownBy(() -> create(missing, unique("orphan")))
        .withMessageContaining(missing);
  }

  @Test
  void createOrganizationalUnit_malformedParentId_throwsInvalidPattern() {
    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> create("root", unique("x")))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_PATTERN"));
  }

  @Test
  void createOrganizationalUnit_nameTooLong_throwsMaxLengthExceeded() {
    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> create(rootId, "n".repeat(129)))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("MAX_LENGTH_EXCEEDED"));
  }

  @Test
  void createOrganizationalUnit_atOuQuota_throwsOuNumberLimitExceeded() {
    OrganizationalUnit first = create(rootId, unique("quota"));
    // Every OU counts, nested ones too; with a quota of one, this class's OUs already fill it.
    fx.sandbox.updateSettings(s -> s.withOrgLimits(new OrgLimits(1, 10_000, 10_240, 10, 3, 250)));
    try {
      assertThatExceptionOfType(ConstraintViolationException.class)
          .isThrownBy(() -> create(first.id(), unique("over")))
          .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("OU_NUMBER_LIMIT_EXCEEDED"));
    } finally {
      fx.sandbox.updateSettings(s -> s.withOrgLimits(OrgLimits.aws()));
    }
  }

  @Test
  void describeOrganizationalUnit_unknownId_throwsNotFound() {
    String missing = "ou-" + rootId.substring(2) + "-00000000";

    assertThatExceptionOfType(OrganizationalUnitNotFoundException.class)
        .isThrownBy(() -> orgs.describeOrganizationalUnit(r -> r.organizationalUnitId(missing)))
        .withMessageContaining(missing);
  }

  @Test
  void updateOrganizationalUnit_newName_renamesAndKeepsId() {
    OrganizationalUnit ou = create(rootId, unique("before"));
    String name = unique("after");

    OrganizationalUnit renamed = orgs.updateOrganizationalUnit(
        r -> r.organizationalUnitId(ou.id()).name(name)).organizationalUnit();

    assertThat(renamed.id()).isEqualTo(ou.id());
    assertThat(renamed.name()).isEqualTo(name);
    assertThat(orgs.describeOrganizationalUnit(r -> r.organizationalUnitId(ou.id()))
        .organizationalUnit().name()).isEqualTo(name);
  }

  @Test
  void updateOrganizationalUnit_siblingsName_throwsDuplicate() {
    String taken = unique("sibling");
    create(rootId, taken);
    OrganizationalUnit ou = create(rootId, unique("renamed"));

    assertThatExceptionOfType(DuplicateOrganizationalUnitException.class)
        .isThrownBy(() -> orgs.updateOrganizationalUnit(
            r -> r.organizationalUnitId(ou.id()).name(taken)));
  }

  @Test
  void deleteOrganizationalUnit_empty_removesItAndItsAttachments() {
    OrganizationalUnit ou = create(rootId, unique("gone"));

    orgs.deleteOrganizationalUnit(r -> r.organizationalUnitId(ou.id()));

    assertThatExceptionOfType(OrganizationalUnitNotFoundException.class)
        .isThrownBy(() -> orgs.describeOrganizationalUnit(r -> r.organizationalUnitId(ou.id())));
    assertThat(orgs.listTargetsForPolicy(r -> r.policyId("p-FullAWSAccess")).targets())
        .noneMatch(t -> t.targetId().equals(ou.id()));
  }

  @Test
  void deleteOrganizationalUnit_withChildOu_throwsNotEmpty() {
    OrganizationalUnit ou = create(rootId, unique("full"));
    create(ou.id(), unique("inner"));

    assertThatExceptionOfType(OrganizationalUnitNotEmptyException.class)
        .isThrownBy(() -> orgs.deleteOrganizationalUnit(r -> r.organizationalUnitId(ou.id())));
  }

  @Test
  void deleteOrganizationalUnit_withAccount_throwsNotEmpty() {
    OrganizationalUnit ou = create(rootId, unique("holds-account"));
    String account = OrgSupport.newAccount(fx, orgs, "in-ou");
    orgs.moveAccount(r -> r.accountId(account).sourceParentId(rootId)
        .destinationParentId(ou.id()));

    assertThatExceptionOfType(OrganizationalUnitNotEmptyException.class)
        .isThrownBy(() -> orgs.deleteOrganizationalUnit(r -> r.organizationalUnitId(ou.id())));
  }
}
