package dev.orgvend.core.baseline;

import dev.orgvend.core.aws.AwsCaller;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A member account as a component sees it: its id and spec name, clients for its services, and
 * the session to act in it. Every request must carry {@link #auth()}; every call goes through
 * {@link #call} so that it is paced, retried and counted like the rest of orgvend's calls.
 */
public final class MemberAccount {
  private final String id;
  private final String name;
  private final AwsCredentialsProvider session;
  private final MemberClients clients;
  private final AwsCaller caller;

  MemberAccount(String id, String name, AwsCredentialsProvider session, MemberClients clients,
      AwsCaller caller) {
    this.id = id;
    this.name = name;
    this.session = session;
    this.clients = clients;
    this.caller = caller;
  }

  public String id() {
    return id;
  }

  /** The account's name in the spec. */
  public String name() {
    return name;
  }

  /** Runs one AWS call named {@code operation} (its API name, e.g. {@code DescribeAlarms}). */
  public <T> T call(String operation, Supplier<T> call) {
    return caller.call(operation, call);
  }

  public void run(String operation, Runnable call) {
    caller.run(operation, call);
  }

  /** The request setting that makes a call act inside this account. */
  public Consumer<AwsRequestOverrideConfiguration.Builder> auth() {
    return o -> o.credentialsProvider(session);
  }

  public SnsClient sns(String region) {
    return clients.sns(region);
  }

  public CloudWatchClient cloudWatch(String region) {
    return clients.cloudWatch(region);
  }

  public IamClient iam() {
    return clients.iam();
  }

  public AccountClient account() {
    return clients.account();
  }

  @Override
  public String toString() {
    return "MemberAccount[" + id + " " + name + "]";
  }
}
