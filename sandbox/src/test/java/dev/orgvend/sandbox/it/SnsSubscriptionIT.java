package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/** SNS subscriptions through the real SDK (awsQuery), and the admin confirmation hook. */
class SnsSubscriptionIT {
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

  static String topic(String name) {
    return sns.createTopic(r -> r.name(name)).topicArn();
  }

  static List<Subscription> subscriptions(String topicArn) {
    return sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions();
  }

  static String sqsQueue(String name) {
    return "arn:aws:sqs:us-east-1:" + account + ":" + name;
  }

  @Test
  void subscribe_email_staysPendingConfirmation() {
    String topicArn = topic("email-pending");

    String answer = sns.subscribe(r -> r.topicArn(topicArn).protocol("email")
        .endpoint("ops@example.com")).subscriptionArn();

    assertThat(answer).isEqualTo("pending confirmation");
    assertThat(subscriptions(topicArn)).containsExactly(Subscription.builder()
        .subscriptionArn("PendingConfirmation").owner(account).protocol("email")
        .endpoint("ops@example.com").topicArn(topicArn).build());
    assertThat(sns.getTopicAttributes(r -> r.topicArn(topicArn)).attributes())
        .containsEntry("SubscriptionsPending", "1").containsEntry("SubscriptionsConfirmed", "0");
  }

  @Test
  void subscribe_emailWithReturnSubscriptionArn_returnsTheRealArn() {
    String topicArn = topic("email-arn");

    String arn = sns.subscribe(r -> r.topicArn(topicArn).protocol("email-json")
        .endpoint("ops@example.com").returnSubscriptionArn(true)).subscriptionArn();

    assertThat(arn).matches(java.util.regex.Pattern.quote(topicArn) + ":[0-9a-f-]{36}");
    assertThat(subscriptions(topicArn)).extracting(Subscription::subscriptionArn)
        .containsExactly("PendingConfirmation");
  }

  @Test
  void subscribe_sameEndpointTwice_returnsTheSameSubscription() {
    String topicArn = topic("resubscribe");

    String first = sns.subscribe(r -> r.topicArn(topicArn).protocol("https")
        .endpoint("https://hooks.example.com/a").returnSubscriptionArn(true)).subscriptionArn();
    String second = sns.subscribe(r -> r.topicArn(topicArn).protocol("https")
        .endpoint("https://hooks.example.com/a").returnSubscriptionArn(true)).subscriptionArn();

    assertThat(second).isEqualTo(first);
    assertThat(subscriptions(topicArn)).hasSize(1);
  }

  @Test
  void subscribe_sqs_isConfirmedAtOnce() {
    String topicArn = topic("to-queue");

    String arn = sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs")
        .endpoint(sqsQueue("q1"))).subscriptionArn();

    assertThat(arn).startsWith(topicArn + ":");
    assertThat(subscriptions(topicArn)).extracting(Subscription::subscriptionArn)
        .containsExactly(arn);
  }

  @Test
  void subscribe_toMissingTopic_throwsNotFound() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> sns.subscribe(r -> r.topicArn("arn:aws:sns:us-east-1:" + account + ":absent")
            .protocol("email").endpoint("ops@example.com")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
    assertThat(e.statusCode()).isEqualTo(404);
  }

  @Test
  void subscribe_withUnknownProtocol_throwsInvalidParameter() {
    String topicArn = topic("bad-protocol");

    InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
        () -> sns.subscribe(r -> r.topicArn(topicArn).protocol("pigeon").endpoint("loft")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Invalid parameter: Amazon SNS does not support this protocol string: pigeon");
  }

  @Test
  void subscribe_emailWithoutAtSign_throwsInvalidParameter() {
    String topicArn = topic("bad-email");

    InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
        () -> sns.subscribe(r -> r.topicArn(topicArn).protocol("email").endpoint("nobody")));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: Email address");
    assertThat(subscriptions(topicArn)).isEmpty();
  }

  @Test
  void adminConfirm_bySubscriptionArn_confirmsThePendingSubscription() throws Exception {
    String topicArn = topic("confirm-by-arn");
    String arn = sns.subscribe(r -> r.topicArn(topicArn).protocol("email")
        .endpoint("finance@example.com").returnSubscriptionArn(true)).subscriptionArn();

    HttpResponse<String> response = BaselineClients.adminPost(fx,
        "/_sandbox/sns/confirm?subscriptionArn=" + URLEncoder.encode(arn, StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains(arn);
    assertThat(subscriptions(topicArn)).extracting(Subscription::subscriptionArn)
        .containsExactly(arn);
    assertThat(sns.getTopicAttributes(r -> r.topicArn(topicArn)).attributes())
        .containsEntry("SubscriptionsPending", "0").containsEntry("SubscriptionsConfirmed", "1");
    assertThat(sns.subscribe(r -> r.topicArn(topicArn).protocol("email")
        .endpoint("finance@example.com")).subscriptionArn()).isEqualTo(arn);
  }

  @Test
  void adminConfirm_byTopicAndEndpoint_confirmsThePendingSubscription() throws Exception {
    String topicArn = topic("confirm-by-endpoint");
    sns.subscribe(r -> r.topicArn(topicArn).protocol("email").endpoint("it@example.com"));

    HttpResponse<String> response = BaselineClients.adminPost(fx, "/_sandbox/sns/confirm?topicArn="
        + URLEncoder.encode(topicArn, StandardCharsets.UTF_8) + "&endpoint=it%40example.com");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(subscriptions(topicArn)).extracting(Subscription::subscriptionArn)
        .allMatch(a -> a.startsWith(topicArn + ":"));
  }

  @Test
  void adminConfirm_unknownSubscription_answersBadRequest() throws Exception {
    HttpResponse<String> response = BaselineClients.adminPost(fx,
        "/_sandbox/sns/confirm?subscriptionArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3Ax%3Ay");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void unsubscribe_removesItAndCountsTheDeletion() {
    String topicArn = topic("unsubscribed");
    String arn = sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs")
        .endpoint(sqsQueue("q2"))).subscriptionArn();

    sns.unsubscribe(r -> r.subscriptionArn(arn));

    assertThat(subscriptions(topicArn)).isEmpty();
    assertThat(sns.getTopicAttributes(r -> r.topicArn(topicArn)).attributes())
        .containsEntry("SubscriptionsDeleted", "1");
    NotFoundException again = catchThrowableOfType(NotFoundException.class,
        () -> sns.unsubscribe(r -> r.subscriptionArn(arn)));
    assertThat(again.awsErrorDetails().errorMessage()).isEqualTo("Subscription does not exist");
  }

  @Test
  void deleteTopic_removesItsSubscriptions() {
    String topicArn = topic("deleted-with-subs");
    sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(sqsQueue("q3")));

    sns.deleteTopic(r -> r.topicArn(topicArn));

    assertThat(sns.listSubscriptionsPaginator().subscriptions())
        .extracting(Subscription::topicArn).doesNotContain(topicArn);
  }

  @Test
  void listSubscriptions_returnsOnlyTheCallersRegion() {
    try (SnsClient ireland = BaselineClients.sns(fx, fx.managementProvider(), Region.EU_WEST_1)) {
      String irishTopic = ireland.createTopic(r -> r.name("irish-subs")).topicArn();
      ireland.subscribe(r -> r.topicArn(irishTopic).protocol("sqs")
          .endpoint("arn:aws:sqs:eu-west-1:" + account + ":q"));

      assertThat(ireland.listSubscriptionsPaginator().subscriptions())
          .extracting(Subscription::topicArn).containsExactly(irishTopic);
      assertThat(sns.listSubscriptionsPaginator().subscriptions())
          .extracting(Subscription::topicArn).doesNotContain(irishTopic);
    }
  }

  @Test
  void listSubscriptionsByTopic_withMoreThanOneHundred_pages() {
    String topicArn = topic("crowded");
    for (int i = 0; i < 101; i++) {
      String queue = sqsQueue("crowd-" + i);
      sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue));
    }

    ListSubscriptionsByTopicResponse first =
        sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn));
    ListSubscriptionsByTopicResponse second = sns.listSubscriptionsByTopic(
        r -> r.topicArn(topicArn).nextToken(first.nextToken()));

    assertThat(first.subscriptions()).hasSize(100);
    assertThat(second.subscriptions()).hasSize(1);
    assertThat(second.nextToken()).isNull();
  }

  @Test
  void subscribe_sameEndpointWithOtherAttributes_throwsInvalidParameter() {
    String topicArn = topic("attribute-clash");
    sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(sqsQueue("raw"))
        .attributes(Map.of("RawMessageDelivery", "true")));

    InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
        () -> sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(sqsQueue("raw"))
            .attributes(Map.of("RawMessageDelivery", "false"))));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: Attributes"
        + " Reason: Subscription already exists with different attributes");
  }
}
