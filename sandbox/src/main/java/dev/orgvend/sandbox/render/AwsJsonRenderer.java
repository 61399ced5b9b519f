package dev.orgvend.sandbox.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.front.Reply;
import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Nodes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * awsJson 1.0 and 1.1: the output as a JSON object (an empty one for no output); an error names
 * its shape in {@code __type} and {@code x-amzn-ErrorType}, with {@code message} (and {@code
 * Message}, which older clients read) and the error shape's other members. A query-compatible
 * service (CloudWatch) also sends the Query code in {@code x-amzn-query-error}.
 */
final class AwsJsonRenderer implements Renderer {
  static final AwsJsonRenderer INSTANCE = new AwsJsonRenderer();

  @Override
  public Rendered ok(Reply.Ok ok, String requestId) {
    return new Rendered(200, ok.binding().protocol().contentType(), Map.of(),
        Json.bytes(ok.result() == null ? Nodes.object() : ok.result()));
  }

  @Override
  public Rendered error(Reply.Failed failed, String requestId) {
    AwsException error = failed.error();
    ObjectNode body = Nodes.object();
    body.put("__type", error.shapeName());
    body.put("message", error.getMessage());
    body.put("Message", error.getMessage());
    error.members().forEach(body::set);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-ErrorType", error.shapeName());
    if (failed.binding() instanceof Binding.AwsJson json && json.queryCompatible()) {
      headers.put("x-amzn-query-error", error.code() + ";" + error.faultType());
    }
    return new Rendered(error.status(), failed.protocol().contentType(), headers,
        Json.bytes(body));
  }
}
