package dev.orgvend.sandbox.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * SDK clients for IAM, SNS, CloudWatch and Account against a {@link SandboxFixture}, and member
 * keys.
 */
final class BaselineClients {
  private BaselineClients() {}

  static IamClient iam(SandboxFixture fx, AwsCredentialsProvider credentials) {
    return IamClient.builder()
        .endpointOverride(fx.endpoint)
        .region(Region.AWS_GLOBAL)
        .credentialsProvider(credentials)
        .overrideConfiguration(SandboxFixture.noRetries())
        .build();
  }

  static AccountClient account(SandboxFixture fx, AwsCredentialsProvider credentials) {
    return AccountClient.builder()
        .endpointOverride(fx.endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .overrideConfiguration(SandboxFixture.noRetries())
        .build();
  }

  static SnsClient sns(SandboxFixture fx, AwsCredentialsProvider credentials, Region region) {
    return SnsClient.builder()
        .endpointOverride(fx.endpoint)
        .region(region)
        .credentialsProvider(credentials)
        .overrideConfiguration(SandboxFixture.noRetries())
        .build();
  }

  static CloudWatchClient cloudWatch(SandboxFixture fx, AwsCredentialsProvider credentials,
      Region region) {
    return CloudWatchClient.builder()
        .endpointOverride(fx.endpoint)
        .region(region)
        .credentialsProvider(credentials)
        .overrideConfiguration(SandboxFixture.noRetries())
        .build();
  }

  /** A billing alarm like the one the tool creates, in {@code account}, with one change. */
  static Consumer<PutMetricAlarmRequest.Builder> billingAlarm(String account, String name,
      Consumer<PutMetricAlarmRequest.Builder> change) {
    return r -> {
      r.alarmName(name).metricName("EstimatedCharges").namespace("AWS/Billing")
          .statistic(Statistic.MAXIMUM)
          .dimensions(Dimension.builder().name("Currency").value("USD").build())
          .period(21600).evaluationPeriods(1).threshold(250.5)
          .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
          .alarmActions("arn:aws:sns:us-east-1:" + account + ":billing");
      change.accept(r);
    };
  }

  /** A member account with this name, and credentials of its OrganizationAccountAccessRole. */
  record Member(String accountId, StaticCredentialsProvider credentials) {}

  static Member createMember(SandboxFixture fx, String name) {
    try (OrganizationsClient orgs = fx.organizations(); StsClient sts = fx.sts()) {
      CreateAccountStatus status = fx.createAccount(orgs, name, name + "@example.com");
      if (!SandboxFixture.succeeded(status)) {
        throw new IllegalStateException("account creation failed: " + status);
      }
      String roleArn = "arn:aws:iam::" + status.accountId() + ":role/OrganizationAccountAccessRole";
      Credentials credentials =
          sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("baseline-it")).credentials();
      return new Member(status.accountId(), SandboxFixture.sessionProvider(credentials));
    }
  }

  /** POSTs to the sandbox's admin surface and returns the response. */
  static HttpResponse<String> adminPost(SandboxFixture fx, String pathAndQuery)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(fx.endpoint + pathAndQuery))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
