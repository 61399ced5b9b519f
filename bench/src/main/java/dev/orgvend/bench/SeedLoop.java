package dev.orgvend.bench;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.CallStats;
import dev.orgvend.core.aws.Rate;
import dev.orgvend.core.aws.RateGovernor;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.time.Ticker;
import dev.orgvend.sandbox.Sandbox;
import java.net.URI;
import java.time.Duration;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The seed article's loop, written plainly with the same SDK: for each account in turn, call
 * CreateAccount, poll DescribeCreateAccountStatus every five seconds until it succeeds, assume
 * OrganizationAccountAccessRole, and in the new account create the billing-alert SNS topic, an
 * e-mail subscription and the CloudWatch billing alarm (the same settings orgvend's billingAlarm
 * component uses). Calls go through an {@link AwsCaller} with one attempt and no pacing, only to
 * count them.
 */
final class SeedLoop {
  private SeedLoop() {}

  static VendBench.Result run(int n, Duration delay, Rate rate, int inFlight, Duration poll)
      throws InterruptedException {
    MemoryProbe memory = MemoryProbe.start();
    CallStats stats = new CallStats();
    AwsCaller counting = new AwsCaller(new RateGovernor(RateTable.unlimited(), Ticker.system()),
        Ticker.system(), new Random(0), stats, 1, Duration.ZERO, Duration.ZERO);
    try (Sandbox sandbox = VendBench.sandbox(delay, rate, inFlight);
        AwsClients clients = Harness.clients(sandbox)) {
      var orgs = clients.organizations();
      long started = System.nanoTime();
      for (int i = 0; i < n; i++) {
        String name = "seed-" + i;
        String requestId = counting.call("CreateAccount", () -> orgs.createAccount(
            r -> r.accountName(name).email(name + "@example.com"))).createAccountStatus().id();
        CreateAccountStatus status;
        while (true) {
          status = counting.call("DescribeCreateAccountStatus",
              () -> orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(requestId)))
              .createAccountStatus();
          if (status.state() != CreateAccountState.IN_PROGRESS) {
            break;
          }
          Thread.sleep(poll.toMillis());
        }
        if (status.state() != CreateAccountState.SUCCEEDED) {
          throw new IllegalStateException(name + " was not created: " + status.failureReason());
        }
        String arn = "arn:aws:iam::" + status.accountId() + ":role/OrganizationAccountAccessRole";
        Credentials session = counting.call("AssumeRole", () -> clients.sts().assumeRole(
            r -> r.roleArn(arn).roleSessionName("OrgMasterRoleSession"))).credentials();
        baseline(clients, sandbox.endpoint(), session, counting);
      }
      double seconds = Harness.seconds(started);
      return new VendBench.Result(seconds, stats, memory.stop(), 0);
    }
  }

  /** The billing alert inside the member account, with that account's session. */
  private static void baseline(AwsClients clients, URI endpoint, Credentials c,
      AwsCaller counting) {
    var member = StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
        c.secretAccessKey(), c.sessionToken()));
    try (SnsClient sns = SnsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .httpClient(clients.http()).overrideConfiguration(clients.overrides())
            .credentialsProvider(member).build();
        CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(endpoint)
            .region(Region.US_EAST_1).httpClient(clients.http())
            .overrideConfiguration(clients.overrides()).credentialsProvider(member).build()) {
      String topicArn = counting.call("CreateTopic",
          () -> sns.createTopic(r -> r.name("DefaultBillingAlertTopic"))).topicArn();
      counting.call("Subscribe", () -> sns.subscribe(r -> r.topicArn(topicArn).protocol("email")
          .endpoint(VendBench.BILLING_EMAIL)));
      counting.call("PutMetricAlarm", () -> cloudWatch.putMetricAlarm(r -> r
          .alarmName("DefaultBillingAlarm")
          .alarmDescription("DefaultBillingAlarm")
          .actionsEnabled(true)
          .alarmActions(topicArn)
          .namespace("AWS/Billing")
          .metricName("EstimatedCharges")
          .statistic(Statistic.MAXIMUM)
          .dimensions(Dimension.builder().name("Currency").value("USD").build())
          .period(21_600)
          .evaluationPeriods(1)
          .threshold(100.0)
          .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)));
    }
  }
}
