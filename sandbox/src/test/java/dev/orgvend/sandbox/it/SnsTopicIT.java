package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

/** SNS topics through the real SDK (awsQuery): per account and per region. */
class SnsTopicIT {
  static SandboxFixture fx;
  static SnsClient sns;
  static String account;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    sns = BaselineClients.sns(fx, fx.managementProvider(), Region.US_EAST_1);
    account = fx.management.accountId();
  }

  @AfterAll
  static void stop() {
    sns.close();
    fx.close();
  }

  static List<String> topicArns(SnsClient client) {
    return client.listTopicsPaginator().topics().stream().map(Topic::topicArn).toList();
  }

  @Test
  void createTopic_returnsArnInCallersAccountAndRegion() {
    String arn = sns.createTopic(r -> r.name("alerts")).topicArn();

    assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:" + account + ":alerts");
    assertThat(topicArns(sns)).contains(arn);
  }

  @Test
  void createTopic_twiceWithSameNameAndAttributes_returnsTheSameArn() {
    String first = sns.createTopic(r -> r.name("idempotent")
        .attributes(Map.of("DisplayName", "Billing"))
        .tags(Tag.builder().key("k").value("v").build()))
        .topicArn();

    String again = sns.createTopic(r -> r.name("idempotent")
        .attributes(Map.of("DisplayName", "Billing"))).topicArn();

    assertThat(again).isEqualTo(first);
    assertThat(topicArns(sns).stream().filter(first::equals)).hasSize(1);
  }

  @Test
  void createTopic_existingNameWithDifferentAttributes_throwsInvalidParameter() {
    sns.createTopic(r -> r.name("conflicting").attributes(Map.of("DisplayName", "One")));

    InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
        () -> sns.createTopic(r -> r.name("conflicting").attributes(Map.of("DisplayName", "Two"))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
        "Invalid parameter: Attributes Reason: Topic already exists with different attributes");
  }

  @Test
  void createTopic_withInvalidName_throwsInvalidParameter() {
    InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
        () -> sns.createTopic(r -> r.name("no spaces allowed")));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: Topic Name");
  }

  @Test
  void createTopic_fifoNameNeedsFifoAttribute() {
    InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
        () -> sns.createTopic(r -> r.name("orders.fifo")));
    String arn = sns.createTopic(r -> r.name("orders.fifo")
        .attributes(Map.of("FifoTopic", "true"))).topicArn();

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
    assertThat(sns.getTopicAttributes(r -> r.topicArn(arn)).attributes())
        .containsEntry("FifoTopic", "true").containsEntry("ContentBasedDeduplication", "false");
  }

  @Test
  void getTopicAttributes_ofNewTopic_returnsDefaultsAndCounters() {
    String arn = sns.createTopic(r -> r.name("described")).topicArn();

    Map<String, String> attributes = sns.getTopicAttributes(r -> r.topicArn(arn)).attributes();

    assertThat(attributes).containsEntry("TopicArn", arn)
        .containsEntry("Owner", account)
        .containsEntry("DisplayName", "")
        .containsEntry("SubscriptionsConfirmed", "0")
        .containsEntry("SubscriptionsPending", "0")
        .containsEntry("SubscriptionsDeleted", "0")
        .containsKeys("Policy", "EffectiveDeliveryPolicy");
    assertThat(attributes.get("Policy")).contains("\"Resource\":\"" + arn + "\"",
        "\"AWS:SourceOwner\":\"" + account + "\"");
  }

  @Test
  void setTopicAttributes_displayName_isReturnedByGetTopicAttributes() {
    String arn = sns.createTopic(r -> r.name("renamed")).topicArn();

    sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("DisplayName")
        .attributeValue("Budget alerts"));

    assertThat(sns.getTopicAttributes(r -> r.topicArn(arn)).attributes())
        .containsEntry("DisplayName", "Budget alerts");
  }

  @Test
  void setTopicAttributes_policy_replacesTheDefaultPolicy() {
    String arn = sns.createTopic(r -> r.name("with-policy")).topicArn();
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"cloudwatch.amazonaws.com\"},\"Action\":\"SNS:Publish\","
        + "\"Resource\":\"" + arn + "\"}]}";

    sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("Policy").attributeValue(policy));

    assertThat(sns.getTopicAttributes(r -> r.topicArn(arn)).attributes())
        .containsEntry("Policy", policy);
  }

  @Test
  void setTopicAttributes_unknownName_throwsInvalidParameter() {
    String arn = sns.createTopic(r -> r.name("unknown-attribute")).topicArn();

    InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
        () -> sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("Colour")
            .attributeValue("blue")));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: AttributeName");
  }

  @Test
  void getTopicAttributes_whenMissing_throwsNotFound() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> sns.getTopicAttributes(
            r -> r.topicArn("arn:aws:sns:us-east-1:" + account + ":none")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
  }

  @Test
  void deleteTopic_removesItAndIsIdempotent() {
    String arn = sns.createTopic(r -> r.name("doomed")).topicArn();

    sns.deleteTopic(r -> r.topicArn(arn));
    sns.deleteTopic(r -> r.topicArn(arn));

    assertThat(topicArns(sns)).doesNotContain(arn);
  }

  @Test
  void listTopics_withMoreThanOneHundredTopics_returnsPagesOfOneHundred() {
    try (SnsClient sydney = BaselineClients.sns(fx, fx.managementProvider(),
        Region.AP_SOUTHEAST_2)) {
      List<String> created = new ArrayList<>();
      for (int i = 0; i < 105; i++) {
        String name = String.format("bulk-%03d", i);
        created.add(sydney.createTopic(r -> r.name(name)).topicArn());
      }

      ListTopicsResponse first = sydney.listTopics();
      ListTopicsResponse second = sydney.listTopics(r -> r.nextToken(first.nextToken()));

      assertThat(first.topics()).hasSize(100);
      assertThat(first.nextToken()).isNotNull();
      assertThat(second.topics()).hasSize(5);
      assertThat(second.nextToken()).isNull();
      assertThat(topicArns(sydney)).containsExactlyElementsOf(created);
    }
  }

  @Test
  void listTopics_withForeignToken_throwsInvalidParameter() {
    InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
        () -> sns.listTopics(r -> r.nextToken("bogus")));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: NextToken");
  }

  @Test
  void topics_inOneRegion_areInvisibleFromAnother() {
    try (SnsClient ireland = BaselineClients.sns(fx, fx.managementProvider(), Region.EU_WEST_1)) {
      String irish = ireland.createTopic(r -> r.name("regional")).topicArn();
      String virginian = sns.createTopic(r -> r.name("regional")).topicArn();

      assertThat(irish).isEqualTo("arn:aws:sns:eu-west-1:" + account + ":regional");
      assertThat(virginian).isEqualTo("arn:aws:sns:us-east-1:" + account + ":regional");
      assertThat(topicArns(ireland)).contains(irish).doesNotContain(virginian);
      assertThat(topicArns(sns)).contains(virginian).doesNotContain(irish);
      InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
          () -> sns.getTopicAttributes(r -> r.topicArn(irish)));
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: TopicArn");
    }
  }

  @Test
  void createTopic_withMemberCredentials_landsInMemberAccountOnly() {
    BaselineClients.Member member = BaselineClients.createMember(fx, "sns-member");
    try (SnsClient memberSns = BaselineClients.sns(fx, member.credentials(), Region.US_EAST_1)) {
      String arn = memberSns.createTopic(r -> r.name("member-topic")).topicArn();

      assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:" + member.accountId() + ":member-topic");
      assertThat(topicArns(memberSns)).containsExactly(arn);
      assertThat(topicArns(sns)).doesNotContain(arn);
      AuthorizationErrorException e = catchThrowableOfType(AuthorizationErrorException.class,
          () -> sns.getTopicAttributes(r -> r.topicArn(arn)));
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthorizationError");
      assertThat(e.statusCode()).isEqualTo(403);
    }
  }
}
