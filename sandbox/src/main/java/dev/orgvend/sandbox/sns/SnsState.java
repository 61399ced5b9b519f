package dev.orgvend.sandbox.sns;

import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.state.Ids;
import dev.orgvend.sandbox.state.Store;
import dev.orgvend.sandbox.state.Table;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Topics and subscriptions of every account and region, keyed by ARN (an ARN names its account
 * and region, so the key alone keeps them apart), and the checks that a caller may touch a topic.
 */
final class SnsState {
  static final Pattern TOPIC_ARN = Pattern.compile(
      "arn:aws(?:-cn|-us-gov)?:sns:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_-]{1,256}(?:\\.fifo)?)");

  final Table<Topic> topics;
  final Table<Subscription> subscriptions;
  final Ids ids;

  SnsState(Store store, Ids ids) {
    this.topics = store.table("sns.topic", Topic.class);
    this.subscriptions = store.table("sns.subscription", Subscription.class);
    this.ids = ids;
  }

  List<Topic> topicsOf(String accountId, String region) {
    return topics.where(t -> t.accountId().equals(accountId) && t.region().equals(region));
  }

  List<Subscription> subscriptionsTo(String topicArn) {
    return subscriptions.where(s -> s.topicArn().equals(topicArn));
  }

  Optional<Subscription> subscriptionOf(String topicArn, String protocol, String endpoint) {
    return subscriptions.values().stream()
        .filter(s -> s.topicArn().equals(topicArn) && s.protocol().equals(protocol)
            && s.endpoint().equals(endpoint))
        .findFirst();
  }

  /**
   * The caller's topic with this ARN, if it exists. A malformed ARN, or one in another region,
   * is InvalidParameter; one in another account is AuthorizationError, because a topic's default
   * policy admits its owner only.
   */
  Optional<Topic> ownTopic(Call call, String topicArn, String action) {
    Matcher m = TOPIC_ARN.matcher(topicArn);
    if (!m.matches() || !m.group(1).equals(call.region())) {
      throw SnsErrors.invalidParameter("TopicArn");
    }
    if (!m.group(2).equals(call.accountId())) {
      throw SnsErrors.notAuthorized(call.caller().arn(), action, topicArn);
    }
    return topics.find(topicArn);
  }

  /** Like {@link #ownTopic} but a missing topic is NotFound. */
  Topic existingTopic(Call call, String topicArn, String action) {
    return ownTopic(call, topicArn, action).orElseThrow(SnsErrors::topicNotFound);
  }
}
