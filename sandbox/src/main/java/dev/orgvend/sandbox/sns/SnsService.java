package dev.orgvend.sandbox.sns;

import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.state.Ids;
import dev.orgvend.sandbox.state.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon SNS topics and subscriptions (awsQuery, version 2010-03-31), per account and region.
 * Messages are not published or delivered.
 */
public final class SnsService {
  private static final Binding QUERY =
      new Binding.AwsQuery("2010-03-31", "http://sns.amazonaws.com/doc/2010-03-31/");

  private final SubscriptionOps subscriptionOps;
  private final Service service;

  public SnsService(Store store, Ids ids) {
    SnsState state = new SnsState(store, ids);
    this.subscriptionOps = new SubscriptionOps(state);
    Map<String, Operation> operations = new HashMap<>();
    operations.putAll(new TopicOps(state).operations());
    operations.putAll(subscriptionOps.operations());
    this.service = new Service("sns", List.of(QUERY), SnsErrors.ANSWERS, operations);
  }

  public Service service() {
    return service;
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
