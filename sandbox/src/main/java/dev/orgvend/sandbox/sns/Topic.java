package dev.orgvend.sandbox.sns;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An SNS topic in one account and region.
 *
 * @param attributes the attributes the owner set (defaults are filled in when read)
 * @param subscriptionsDeleted how many subscriptions have been removed from it, as AWS counts
 */
record Topic(
    String arn,
    String accountId,
    String region,
    String name,
    Map<String, String> attributes,
    Map<String, String> tags,
    int subscriptionsDeleted,
    Instant createdAt) {

  Topic {
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  boolean fifo() {
    return "true".equals(attributes.get("FifoTopic"));
  }

  Topic withAttribute(String name, String value) {
    Map<String, String> copy = new TreeMap<>(attributes);
    if (value == null) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return new Topic(arn, accountId, region, this.name, copy, tags, subscriptionsDeleted,
        createdAt);
  }

  Topic withSubscriptionsDeleted(int count) {
    return new Topic(arn, accountId, region, name, attributes, tags, subscriptionsDeleted + count,
        createdAt);
  }
}
