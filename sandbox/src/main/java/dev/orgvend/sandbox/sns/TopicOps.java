package dev.orgvend.sandbox.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Cursor;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** CreateTopic, ListTopics, Get/SetTopicAttributes and DeleteTopic in the caller's region. */
final class TopicOps {
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,251}\\.fifo");
  private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  static final int PAGE_SIZE = 100;
  /** Default SNS quotas per account and region. */
  static final int STANDARD_TOPICS = 100_000;
  static final int FIFO_TOPICS = 1_000;

  private final SnsState state;

  TopicOps(SnsState state) {
    this.state = state;
  }

  Map<String, Operation> operations() {
    Map<String, Operation> ops = new HashMap<>();
    ops.put("CreateTopic", this::createTopic);
    ops.put("ListTopics", this::listTopics);
    ops.put("GetTopicAttributes", this::getTopicAttributes);
    ops.put("SetTopicAttributes", this::setTopicAttributes);
    ops.put("DeleteTopic", this::deleteTopic);
    return ops;
  }

  private JsonNode createTopic(Call call) {
    Params p = call.params();
    String name = p.text("Name").required().get();
    Map<String, String> attributes = normalised(p.map("Attributes"));
    Map<String, String> tags = tags(p);
    boolean fifo = "true".equals(attributes.get("FifoTopic"));
    if (!NAME.matcher(name).matches() || fifo != name.endsWith(".fifo")) {
      throw SnsErrors.invalidParameter("Topic Name");
    }
    TopicAttributes.checkAll(attributes);

    String arn = "arn:aws:sns:" + call.region() + ":" + call.accountId() + ":" + name;
    ObjectNode out = Nodes.object();
    out.put("TopicArn", arn);
    Topic existing = state.topics.get(arn);
    if (existing != null) {
      // Creating a topic is idempotent, but only for a request that agrees with the topic.
      attributes.forEach((k, v) -> {
        String current = existing.attributes().getOrDefault(k,
            TopicAttributes.defaultValue(existing, k));
        if (!Objects.equals(v, current)) {
          throw SnsErrors.invalidAttributes("Topic already exists with different attributes");
        }
      });
      if (!tags.isEmpty() && !tags.equals(existing.tags())) {
        throw SnsErrors.invalidParameter("Tags Reason: Topic already exists with different tags");
      }
      return out;
    }
    long sameKind = state.topicsOf(call.accountId(), call.region()).stream()
        .filter(t -> t.fifo() == fifo).count();
    if (sameKind >= (fifo ? FIFO_TOPICS : STANDARD_TOPICS)) {
      throw SnsErrors.topicLimitExceeded();
    }
    state.topics.put(arn, new Topic(arn, call.accountId(), call.region(), name, attributes, tags,
        0, call.now()));
    return out;
  }

  /** Booleans are stored in lower case so that comparisons and {@link Topic#fifo()} agree. */
  private static Map<String, String> normalised(Map<String, String> attributes) {
    Map<String, String> out = new LinkedHashMap<>(attributes);
    for (String flag : List.of("FifoTopic", "ContentBasedDeduplication")) {
      out.computeIfPresent(flag, (k, v) -> v.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static Map<String, String> tags(Params p) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode item : p.list("Tags", 50)) {
      Params tag = p.of(item, "Tags");
      String key = tag.text("Key").required().length(1, 128).pattern(TAG_TEXT).get();
      String value = tag.text("Value").required().length(0, 256).pattern(TAG_TEXT).get();
      if (tags.put(key, value) != null) {
        throw SnsErrors.invalidParameter("Tags Reason: Duplicated keys are not allowed.");
      }
    }
    return tags;
  }

  private JsonNode listTopics(Call call) {
    String token = call.params().text("NextToken").get();
    Cursor.Page<Topic> page = Cursor.page(state.topicsOf(call.accountId(), call.region()),
        Topic::arn, "ListTopics", token, PAGE_SIZE, () -> SnsErrors.invalidParameter("NextToken"));
    ObjectNode out = Nodes.object();
    out.set("Topics", Nodes.array(page.items(), t -> Nodes.object().put("TopicArn", t.arn())));
    if (page.truncated()) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }

  private JsonNode getTopicAttributes(Call call) {
    String arn = call.params().text("TopicArn").required().get();
    Topic topic = state.existingTopic(call, arn, "GetTopicAttributes");
    Map<String, String> attributes = TopicAttributes.effective(topic);
    List<Subscription> subscriptions = state.subscriptionsTo(arn);
    long confirmed = subscriptions.stream().filter(Subscription::confirmed).count();
    attributes.put("SubscriptionsConfirmed", Long.toString(confirmed));
    attributes.put("SubscriptionsPending", Long.toString(subscriptions.size() - confirmed));
    attributes.put("SubscriptionsDeleted", Integer.toString(topic.subscriptionsDeleted()));
    ObjectNode out = Nodes.object();
    out.set("Attributes", Nodes.map(attributes));
    return out;
  }

  private JsonNode setTopicAttributes(Call call) {
    Params p = call.params();
    String arn = p.text("TopicArn").required().get();
    String name = p.text("AttributeName").required().get();
    String value = p.text("AttributeValue").get();
    Topic topic = state.existingTopic(call, arn, "SetTopicAttributes");
    if (!TopicAttributes.settable(name)) {
      throw SnsErrors.invalidParameter("AttributeName");
    }
    if (value != null && !value.isEmpty()) {
      TopicAttributes.check(name, value, topic.fifo());
      if (name.equals("ContentBasedDeduplication")) {
        value = value.toLowerCase(Locale.ROOT);
      }
    }
    // An empty value takes the attribute back to its default.
    boolean reset = value == null || value.isEmpty();
    state.topics.put(arn, topic.withAttribute(name, reset ? null : value));
    return null;
  }

  private JsonNode deleteTopic(Call call) {
    String arn = call.params().text("TopicArn").required().get();
    // Deleting a topic that does not exist succeeds: DeleteTopic is idempotent in AWS.
    state.ownTopic(call, arn, "DeleteTopic").ifPresent(topic -> {
      for (Subscription s : state.subscriptionsTo(arn)) {
        state.subscriptions.remove(s.arn());
      }
      state.topics.remove(arn);
    });
    return null;
  }
}
