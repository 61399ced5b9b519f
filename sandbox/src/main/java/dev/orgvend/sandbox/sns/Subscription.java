package dev.orgvend.sandbox.sns;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A subscription of an endpoint to a topic. It has its real ARN from the start; while it waits
 * for confirmation AWS shows callers placeholders instead ({@link #PENDING_IN_SUBSCRIBE} and
 * {@link #PENDING_IN_LISTS}).
 */
record Subscription(
    String arn,
    String topicArn,
    String owner,
    String region,
    String protocol,
    String endpoint,
    Map<String, String> attributes,
    boolean confirmed,
    Instant createdAt) {

  /** What Subscribe answers for an unconfirmed subscription. */
  static final String PENDING_IN_SUBSCRIBE = "pending confirmation";

  /** What the List operations show as the ARN of an unconfirmed subscription. */
  static final String PENDING_IN_LISTS = "PendingConfirmation";

  Subscription {
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  Subscription confirm() {
    return new Subscription(arn, topicArn, owner, region, protocol, endpoint, attributes, true,
        createdAt);
  }

  String listedArn() {
    return confirmed ? arn : PENDING_IN_LISTS;
  }
}
