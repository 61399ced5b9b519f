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
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.organizations.model.TargetNotFoundException;

/** TagResource, UntagResource and ListTagsForResource on every kind of taggable resource. */
class TaggingIT {
  static final String SCP = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
      + "\"Action\":\"ec2:*\",\"Resource\":\"*\"}}";

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

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static List<Tag> tags(String resourceId) {
    return orgs.listTagsForResourcePaginator(r -> r.resourceId(resourceId)).stream()
        .flatMap(page -> page.tags().stream()).toList();
  }

  private static String newOu() {
    return orgs.createOrganizationalUnit(r -> r.parentId(rootId).name(unique("tags")))
        .organizationalUnit().id();
  }

  @Test
  void tagResource_onRootOuAccountAndPolicy_listTagsReturnsThem() {
    String ou = newOu();
    String account = OrgSupport.newAccount(fx, orgs, "tagged");
    String policy = orgs.createPolicy(r -> r.name(unique("tagged")).description("d").content(SCP)
        .type(PolicyType.SERVICE_CONTROL_POLICY)).policy().policySummary().id();

    for (String id : List.of(rootId, ou, account, policy)) {
      orgs.tagResource(r -> r.resourceId(id).tags(tag("owner", id), tag("cost-center", "42")));
      assertThat(tags(id)).as(id)
          .containsExactly(tag("cost-center", "42"), tag("owner", id));
    }
  }

  @Test
  void tagResource_existingKey_replacesItsValue() {
    String ou = newOu();
    orgs.tagResource(r -> r.resourceId(ou).tags(tag("env", "dev"), tag("team", "a")));

    orgs.tagResource(r -> r.resourceId(ou).tags(tag("env", "prod")));

    assertThat(tags(ou)).containsExactly(tag("env", "prod"), tag("team", "a"));
  }

  @Test
  void untagResource_namedKeys_removesOnlyThose() {
    String ou = newOu();
    orgs.tagResource(r -> r.resourceId(ou).tags(tag("a", "1"), tag("b", "2"), tag("c", "3")));

    orgs.untagResource(r -> r.resourceId(ou).tagKeys("a", "c", "not-there"));

    assertThat(tags(ou)).containsExactly(tag("b", "2"));
  }

  @Test
  void tagResource_beyondFiftyTags_throwsMaxTagLimitExceeded() {
    String ou = newOu();
    List<Tag> forty = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      forty.add(tag("k" + i, "v"));
    }
    orgs.tagResource(r -> r.resourceId(ou).tags(forty));
    List<Tag> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(tag("extra" + i, "v"));
    }

    assertThatExceptionOfType(ConstraintViolationException.class)
        .isThrownBy(() -> orgs.tagResource(r -> r.resourceId(ou).tags(eleven)))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("MAX_TAG_LIMIT_EXCEEDED"));
    assertThat(tags(ou)).as("nothing was added").hasSize(40);
  }

  @Test
  void listTagsForResource_fiftyTags_paginatorReturnsAll() {
    String ou = newOu();
    List<Tag> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add(tag(String.format("key%02d", i), "v" + i));
    }
    orgs.tagResource(r -> r.resourceId(ou).tags(fifty));

    var first = orgs.listTagsForResource(r -> r.resourceId(ou));
    assertThat(first.tags()).hasSize(20);
    assertThat(first.nextToken()).isNotNull();
    assertThat(tags(ou)).containsExactlyElementsOf(fifty);
  }

  @Test
  void tagResource_unknownOu_throwsTargetNotFound() {
    String missing = "ou-" + rootId.substring(2) + "-33333333";

    assertThatExceptionOfType(TargetNotFoundException.class)
        .isThrownBy(() -> orgs.tagResource(r -> r.resourceId(missing).tags(tag("a", "b"))))
        .withMessageContaining(missing);
  }

  @Test
  void tagResource_malformedId_throwsInvalidPattern() {
    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.tagResource(r -> r.resourceId("bucket-1").tags(tag("a", "b"))))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_PATTERN"));
  }

  @Test
  void tagResource_awsPrefixedKey_throwsInvalidSystemTagsParameter() {
    String ou = newOu();

    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.tagResource(r -> r.resourceId(ou).tags(tag("aws:owner", "me"))))
        .satisfies(e -> assertThat(e.reasonAsString())
            .isEqualTo("INVALID_SYSTEM_TAGS_PARAMETER"));
  }

  @Test
  void tagResource_repeatedKey_throwsDuplicateTagKey() {
    String ou = newOu();

    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.tagResource(r -> r.resourceId(ou)
            .tags(tag("k", "1"), tag("k", "2"))))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("DUPLICATE_TAG_KEY"));
  }

  @Test
  void tagResource_awsManagedPolicy_throwsImmutablePolicy() {
    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.tagResource(r -> r.resourceId("p-FullAWSAccess")
            .tags(tag("a", "b"))))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("IMMUTABLE_POLICY"));
  }
}
