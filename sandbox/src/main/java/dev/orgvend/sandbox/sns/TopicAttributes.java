package dev.orgvend.sandbox.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which topic attributes exist, which values they accept, and what a topic reports for those its
 * owner never set.
 */
final class TopicAttributes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SETTABLE = Set.of("DeliveryPolicy", "DisplayName", "Policy",
      "TracingConfig", "KmsMasterKeyId", "SignatureVersion", "ContentBasedDeduplication",
      "ArchivePolicy", "FifoThroughputScope");
  private static final Set<String> FIFO_ONLY =
      Set.of("ContentBasedDeduplication", "ArchivePolicy", "FifoThroughputScope");
  private static final Pattern FEEDBACK = Pattern.compile(
      "(HTTP|Firehose|Lambda|SQS|Application)(SuccessFeedbackRoleArn|FailureFeedbackRoleArn"
          + "|SuccessFeedbackSampleRate)");
  /** What the EffectiveDeliveryPolicy attribute holds until the owner sets a DeliveryPolicy. */
  private static final String DEFAULT_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":"
      + "{\"minDelayTarget\":20,\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,"
      + "\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},"
      + "\"disableSubscriptionOverrides\":false,\"defaultRequestPolicy\":"
      + "{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}";

  private TopicAttributes() {}

  /** May SetTopicAttributes change this attribute? (FifoTopic is fixed at creation.) */
  static boolean settable(String name) {
    return SETTABLE.contains(name) || FEEDBACK.matcher(name).matches();
  }

  /** Checks CreateTopic's attributes; a FIFO topic is one whose attributes say FifoTopic=true. */
  static void checkAll(Map<String, String> attributes) {
    boolean fifo = "true".equalsIgnoreCase(attributes.get("FifoTopic"));
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      if (!e.getKey().equals("FifoTopic") && !settable(e.getKey())) {
        throw SnsErrors.invalidAttributes("Unknown attribute " + e.getKey());
      }
      check(e.getKey(), e.getValue(), fifo);
    }
  }

  /** Checks one attribute value. */
  static void check(String name, String value, boolean fifo) {
    if (FIFO_ONLY.contains(name) && !fifo) {
      throw SnsErrors.invalidAttributes(name + " is only valid for FIFO topics");
    }
    boolean ok = switch (name) {
      case "DisplayName" -> value.length() <= 100;
      case "Policy", "DeliveryPolicy", "ArchivePolicy" -> isJsonObject(value);
      case "SignatureVersion" -> value.equals("1") || value.equals("2");
      case "TracingConfig" -> value.equals("PassThrough") || value.equals("Active");
      case "FifoTopic", "ContentBasedDeduplication" ->
          value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
      case "FifoThroughputScope" -> value.equals("Topic") || value.equals("MessageGroup");
      default -> !name.endsWith("SampleRate") || isPercentage(value);
    };
    if (!ok) {
      throw SnsErrors.invalidParameter(name);
    }
  }

  /**
   * Every attribute GetTopicAttributes reports, including the defaults, except the subscription
   * counters (which the caller adds).
   */
  static Map<String, String> effective(Topic topic) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("TopicArn", topic.arn());
    out.put("Owner", topic.accountId());
    out.put("Policy", topic.attributes().getOrDefault("Policy", defaultPolicy(topic)));
    out.put("DisplayName", topic.attributes().getOrDefault("DisplayName", ""));
    out.put("EffectiveDeliveryPolicy",
        topic.attributes().getOrDefault("DeliveryPolicy", DEFAULT_DELIVERY_POLICY));
    if (topic.fifo()) {
      out.put("FifoTopic", "true");
      out.put("ContentBasedDeduplication", "false");
    }
    topic.attributes().forEach((k, v) -> {
      if (!k.equals("Policy")) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** The value an attribute has on this topic when the owner did not set it, or null. */
  static String defaultValue(Topic topic, String name) {
    return switch (name) {
      case "DisplayName" -> "";
      case "Policy" -> defaultPolicy(topic);
      case "FifoTopic", "ContentBasedDeduplication" -> "false";
      default -> null;
    };
  }

  /** Lets the owner account do everything with the topic, as a new topic's policy does. */
  static String defaultPolicy(Topic topic) {
    return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
        + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
        + "\"Action\":[\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\","
        + "\"SNS:AddPermission\",\"SNS:RemovePermission\",\"SNS:DeleteTopic\",\"SNS:Subscribe\","
        + "\"SNS:ListSubscriptionsByTopic\",\"SNS:Publish\"],\"Resource\":\"" + topic.arn()
        + "\",\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\"" + topic.accountId()
        + "\"}}}]}";
  }

  static boolean isJsonObject(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject();
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean isPercentage(String value) {
    try {
      int n = Integer.parseInt(value);
      return n >= 0 && n <= 100;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
