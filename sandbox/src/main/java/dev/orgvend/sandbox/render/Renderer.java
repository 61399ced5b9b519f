package dev.orgvend.sandbox.render;

import dev.orgvend.sandbox.front.Reply;
import dev.orgvend.sandbox.protocol.Protocol;

/** How one protocol's clients expect answers and errors to look. */
public interface Renderer {
  Rendered ok(Reply.Ok ok, String requestId);

  Rendered error(Reply.Failed failed, String requestId);

  /** The renderer of a protocol. */
  static Renderer of(Protocol protocol) {
    return switch (protocol) {
      case AWS_JSON_1_0, AWS_JSON_1_1 -> AwsJsonRenderer.INSTANCE;
      case REST_JSON_1 -> RestJsonRenderer.INSTANCE;
      case AWS_QUERY -> AwsQueryRenderer.INSTANCE;
    };
  }
}
