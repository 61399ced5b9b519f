package dev.orgvend.core.baseline;

import dev.orgvend.core.aws.AwsClients;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SDK clients for calls inside member accounts, one per service and region, shared by every
 * account. Building a client per account would cost more than the calls it makes on a large
 * fleet, so each request carries its account's session credentials instead (see {@link
 * MemberAccount#auth()}). The clients have no credentials of their own: a request that forgets
 * its account's session fails rather than acting in the management account.
 */
public final class MemberClients implements AutoCloseable {
  private static final AwsCredentialsProvider NONE = () -> {
    throw new IllegalStateException("a member-account call was made without the member's"
        + " session credentials");
  };

  private final AwsClients base;
  private final Map<String, SnsClient> sns = new ConcurrentHashMap<>();
  private final Map<String, CloudWatchClient> cloudWatch = new ConcurrentHashMap<>();
  private volatile IamClient iam;
  private volatile AccountClient account;

  public MemberClients(AwsClients base) {
    this.base = base;
  }

  SnsClient sns(String region) {
    return sns.computeIfAbsent(region, r -> configure(SnsClient.builder(), Region.of(r)).build());
  }

  CloudWatchClient cloudWatch(String region) {
    return cloudWatch.computeIfAbsent(region,
        r -> configure(CloudWatchClient.builder(), Region.of(r)).build());
  }

  /** IAM is global. */
  synchronized IamClient iam() {
    if (iam == null) {
      iam = configure(IamClient.builder(), Region.AWS_GLOBAL).build();
    }
    return iam;
  }

  /** The Account Management API is global, served from us-east-1. */
  synchronized AccountClient account() {
    if (account == null) {
      account = configure(AccountClient.builder(), Region.US_EAST_1).build();
    }
    return account;
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
      Region region) {
    builder.region(region).credentialsProvider(NONE).overrideConfiguration(base.overrides());
    builder.httpClient(base.http());
    if (base.target().endpoint() != null) {
      builder.endpointOverride(base.target().endpoint());
    }
    return builder;
  }

  @Override
  public synchronized void close() {
    sns.values().forEach(SnsClient::close);
    cloudWatch.values().forEach(CloudWatchClient::close);
    if (iam != null) {
      iam.close();
    }
    if (account != null) {
      account.close();
    }
  }
}
