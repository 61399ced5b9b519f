package dev.orgvend.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS error as a client sees it: the code, the HTTP status and the message, plus any extra
 * members the service's model puts in the error shape (Organizations' {@code Reason}, Account's
 * {@code fieldList}).
 *
 * <p>Operation code throws these; one renderer per protocol turns them into bytes. Build them
 * through each service's error catalogue, never ad hoc, so that a code is spelled one way only.
 */
public final class AwsException extends RuntimeException {
  private final String code;
  private final int status;
  private final String shapeName;
  private final Map<String, JsonNode> members;

  private AwsException(
      String code, int status, String message, String shapeName, Map<String, JsonNode> members) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.shapeName = shapeName;
    this.members = members;
  }

  /** An error whose wire code and model shape name are the same (all JSON services). */
  public static AwsException of(String code, int status, String message) {
    return new AwsException(code, status, message, code, Map.of());
  }

  /**
   * An error of a query-compatible service (CloudWatch): {@code code} is what Query clients see,
   * {@code shapeName} what JSON clients see in {@code __type}.
   */
  public static AwsException queryCompatible(
      String code, String shapeName, int status, String message) {
    return new AwsException(code, status, message, shapeName, Map.of());
  }

  /** A copy that carries one more member in the error body, e.g. {@code Reason}. */
  public AwsException with(String member, String value) {
    return with(member, TextNode.valueOf(value));
  }

  /** A copy that carries one more structured member, e.g. a list of invalid fields. */
  public AwsException with(String member, JsonNode value) {
    Map<String, JsonNode> copy = new LinkedHashMap<>(members);
    copy.put(member, value);
    return new AwsException(code, status, getMessage(), shapeName,
        Collections.unmodifiableMap(copy));
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** The model's shape name for this error, which awsJson puts in {@code __type}. */
  public String shapeName() {
    return shapeName;
  }

  /** {@code Sender} for client faults (4xx), {@code Receiver} for server faults. */
  public String faultType() {
    return status >= 500 ? "Receiver" : "Sender";
  }

  /** Extra members of the error body, in the order they were added. */
  public Map<String, JsonNode> members() {
    return members;
  }
}
