package dev.orgvend.sandbox.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Cursor;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Subscribe, Unsubscribe, ListSubscriptions and ListSubscriptionsByTopic. Nothing is delivered;
 * the sandbox only keeps the subscriptions and their confirmation state. E-mail and HTTP(S)
 * endpoints wait for confirmation, which the admin surface grants.
 */
final class SubscriptionOps {
  private static final Set<String> NEEDS_CONFIRMATION = Set.of("email", "email-json", "http",
      "https");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");
  private static final Map<String, Pattern> ARN_ENDPOINTS = Map.of(
      "sqs", Pattern.compile("arn:aws[a-z-]*:sqs:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]+"),
      "lambda", Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:.+"),
      "firehose", Pattern.compile("arn:aws[a-z-]*:firehose:[a-z0-9-]+:\\d{12}:deliverystream/.+"),
      "application", Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:endpoint/.+"));

  private final SnsState state;

  SubscriptionOps(SnsState state) {
    this.state = state;
  }

  Map<String, Operation> operations() {
    Map<String, Operation> ops = new HashMap<>();
    ops.put("Subscribe", this::subscribe);
    ops.put("Unsubscribe", this::unsubscribe);
    ops.put("ListSubscriptions", this::listSubscriptions);
    ops.put("ListSubscriptionsByTopic", this::listSubscriptionsByTopic);
    return ops;
  }

  private JsonNode subscribe(Call call) {
    Params p = call.params();
    String topicArn = p.text("TopicArn").required().get();
    String protocol = p.text("Protocol").required().get();
    String endpoint = p.text("Endpoint").get();
    Map<String, String> attributes = p.map("Attributes");
    boolean returnArn = p.bool("ReturnSubscriptionArn", false);
    Topic topic = state.existingTopic(call, topicArn, "Subscribe");
    checkEndpoint(protocol, endpoint);
    if (topic.fifo() && !protocol.equals("sqs")) {
      throw SnsErrors.invalidParameter("Invalid protocol type: " + protocol);
    }
    checkAttributes(protocol, attributes);

    var existing = state.subscriptionOf(topicArn, protocol, endpoint);
    // Subscribing again is idempotent unless the request asks for other attributes.
    if (existing.isPresent() && !attributes.isEmpty()
        && !existing.get().attributes().equals(attributes)) {
      throw SnsErrors.invalidAttributes("Subscription already exists with different attributes");
    }
    Subscription subscription = existing.orElseGet(() -> {
      Subscription created = new Subscription(topicArn + ":" + state.ids.uuid(), topicArn,
          call.accountId(), call.region(), protocol, endpoint, attributes,
          !NEEDS_CONFIRMATION.contains(protocol), call.now());
      state.subscriptions.put(created.arn(), created);
      return created;
    });
    ObjectNode out = Nodes.object();
    out.put("SubscriptionArn", subscription.confirmed() || returnArn
        ? subscription.arn() : Subscription.PENDING_IN_SUBSCRIBE);
    return out;
  }

  private static void checkEndpoint(String protocol, String endpoint) {
    if (endpoint == null || endpoint.isEmpty()) {
      throw SnsErrors.invalidParameter("Endpoint");
    }
    boolean ok = switch (protocol) {
      case "email", "email-json" -> EMAIL.matcher(endpoint).matches();
      case "http" -> endpoint.startsWith("http://");
      case "https" -> endpoint.startsWith("https://");
      case "sms" -> PHONE.matcher(endpoint).matches();
      case "sqs", "lambda", "firehose", "application" ->
          ARN_ENDPOINTS.get(protocol).matcher(endpoint).matches();
      default -> throw SnsErrors.invalidParameter(
          "Amazon SNS does not support this protocol string: " + protocol);
    };
    if (!ok) {
      throw SnsErrors.invalidParameter(switch (protocol) {
        case "email", "email-json" -> "Email address";
        case "sms" -> "Phone number";
        case "http", "https" -> "Endpoint must match the specified protocol";
        default -> protocol.toUpperCase(java.util.Locale.ROOT) + " endpoint ARN";
      });
    }
  }

  private static void checkAttributes(String protocol, Map<String, String> attributes) {
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String value = e.getValue();
      boolean ok = switch (e.getKey()) {
        case "RawMessageDelivery" -> value.equals("true") || value.equals("false");
        case "FilterPolicyScope" -> value.equals("MessageAttributes")
            || value.equals("MessageBody");
        case "DeliveryPolicy", "FilterPolicy", "RedrivePolicy", "ReplayPolicy" ->
            TopicAttributes.isJsonObject(value);
        case "SubscriptionRoleArn" -> value.startsWith("arn:");
        default -> throw SnsErrors.invalidAttributes("Unknown attribute " + e.getKey());
      };
      if (!ok) {
        throw SnsErrors.invalidAttributes("Invalid value for attribute " + e.getKey());
      }
    }
    if (protocol.equals("firehose") && !attributes.containsKey("SubscriptionRoleArn")) {
      throw SnsErrors.invalidAttributes("Firehose subscriptions need a SubscriptionRoleArn");
    }
  }

  private JsonNode unsubscribe(Call call) {
    String arn = call.params().text("SubscriptionArn").required().get();
    int colon = arn.lastIndexOf(':');
    if (colon < 0) {
      throw SnsErrors.invalidParameter("SubscriptionArn");
    }
    // Checks that the ARN's topic part is well formed and the caller's.
    state.ownTopic(call, arn.substring(0, colon), "Unsubscribe");
    Subscription subscription = state.subscriptions.find(arn)
        .orElseThrow(SnsErrors::subscriptionNotFound);
    state.subscriptions.remove(arn);
    Topic topic = state.topics.get(subscription.topicArn());
    if (topic != null) {
      state.topics.put(topic.arn(), topic.withSubscriptionsDeleted(1));
    }
    return null;
  }

  private JsonNode listSubscriptions(Call call) {
    String token = call.params().text("NextToken").get();
    List<Subscription> mine = state.subscriptions.where(
        s -> s.owner().equals(call.accountId()) && s.region().equals(call.region()));
    return page(mine, "ListSubscriptions", token);
  }

  private JsonNode listSubscriptionsByTopic(Call call) {
    Params p = call.params();
    String topicArn = p.text("TopicArn").required().get();
    String token = p.text("NextToken").get();
    state.existingTopic(call, topicArn, "ListSubscriptionsByTopic");
    return page(state.subscriptionsTo(topicArn), "ListSubscriptionsByTopic:" + topicArn, token);
  }

  private static JsonNode page(List<Subscription> subscriptions, String purpose, String token) {
    Cursor.Page<Subscription> page = Cursor.page(subscriptions, Subscription::arn, purpose, token,
        TopicOps.PAGE_SIZE, () -> SnsErrors.invalidParameter("NextToken"));
    ObjectNode out = Nodes.object();
    out.set("Subscriptions", Nodes.array(page.items(), s -> {
      ObjectNode item = Nodes.object();
      item.put("SubscriptionArn", s.listedArn());
      item.put("Owner", s.owner());
      item.put("Protocol", s.protocol());
      item.put("Endpoint", s.endpoint());
      item.put("TopicArn", s.topicArn());
      return item;
    }));
    if (page.truncated()) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }

  /**
   * Confirms a pending subscription, as following the link in the confirmation message would.
   * Names it by ARN, or by topic ARN and endpoint. Returns the confirmed subscription's ARN.
   */
  String confirm(String subscriptionArn, String topicArn, String endpoint) {
    Subscription subscription;
    if (subscriptionArn != null) {
      subscription = state.subscriptions.get(subscriptionArn);
    } else if (topicArn != null && endpoint != null) {
      subscription = state.subscriptionsTo(topicArn).stream()
          .filter(s -> s.endpoint().equals(endpoint)).findFirst().orElse(null);
    } else {
      throw new IllegalArgumentException("give subscriptionArn, or topicArn and endpoint");
    }
    if (subscription == null) {
      throw new IllegalArgumentException("no such subscription");
    }
    if (!subscription.confirmed()) {
      state.subscriptions.put(subscription.arn(), subscription.confirm());
    }
    return subscription.arn();
  }
}
