package dev.orgvend.sandbox.sns;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.state.Ids;
import dev.orgvend.sandbox.state.Store;
import java.util.HashMap;
import java.util.Map;

/**
 * Amazon SNS topics and subscriptions (awsQuery, version 2010-03-31), per account and region.
 * Messages are not published or delivered.
 */
public final class SnsService implements Service {
  private final SubscriptionOps subscriptionOps;
  private final Map<String, Operation> operations = new HashMap<>();

  public SnsService(Store store, Ids ids) {
    SnsState state = new SnsState(store, ids);
    this.subscriptionOps = new SubscriptionOps(state);
    operations.putAll(new TopicOps(state).operations());
    operations.putAll(subscriptionOps.operations());
  }

  @Override
  public Wire wire() {
    return new Wire("sns", null, null, "2010-03-31", "http://sns.amazonaws.com/doc/2010-03-31/",
        false);
  }

  @Override
  public Params.Rules rules() {
    return SnsErrors.RULES;
  }

  @Override
  public AwsException throttled(String operation) {
    return SnsErrors.throttled();
  }

  @Override
  public AwsException internalFailure() {
    return SnsErrors.internalError();
  }

  @Override
  public Map<String, Operation> operations() {
    return operations;
  }

  /**
   * Confirms a pending subscription (for the admin surface; call it inside the world's lock).
   * Name it by {@code subscriptionArn}, or by {@code topicArn} and {@code endpoint}.
   *
   * @return the ARN of the confirmed subscription
   * @throws IllegalArgumentException if no such subscription exists
   */
  public String confirmSubscription(String subscriptionArn, String topicArn, String endpoint) {
    return subscriptionOps.confirm(subscriptionArn, topicArn, endpoint);
  }
}
