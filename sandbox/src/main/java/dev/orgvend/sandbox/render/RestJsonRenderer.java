package dev.orgvend.sandbox.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.front.Reply;
import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Protocol;
import java.util.Map;

/**
 * restJson1: the operation's output as a JSON object, or no body at all for an operation without
 * output. An error names its code only in {@code x-amzn-ErrorType} (SDK v2 and botocore read that
 * header first) and carries {@code message} plus the error shape's other members in the body.
 */
final class RestJsonRenderer implements Renderer {
  static final RestJsonRenderer INSTANCE = new RestJsonRenderer();
  private static final String CONTENT_TYPE = Protocol.REST_JSON_1.contentType();

  @Override
  public Rendered ok(Reply.Ok ok, String requestId) {
    byte[] body = ok.result() == null ? new byte[0] : Json.bytes(ok.result());
    return new Rendered(200, CONTENT_TYPE, Map.of(), body);
  }

  @Override
  public Rendered error(Reply.Failed failed, String requestId) {
    AwsException error = failed.error();
    ObjectNode body = Nodes.object();
    body.put("message", error.getMessage());
    error.members().forEach(body::set);
    return new Rendered(error.status(), CONTENT_TYPE,
        Map.of("x-amzn-ErrorType", error.shapeName()), Json.bytes(body));
  }
}
