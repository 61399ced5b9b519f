package dev.orgvend.sandbox.render;

import dev.orgvend.sandbox.front.Reply;
import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Protocol;
import dev.orgvend.sandbox.protocol.XmlOutput;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * awsQuery: {@code <OpResponse><OpResult>…} in the service's XML namespace, and errors as
 * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>}.
 */
final class AwsQueryRenderer implements Renderer {
  static final AwsQueryRenderer INSTANCE = new AwsQueryRenderer();
  /** The namespace of errors for requests no service was found for. */
  static final String NO_SERVICE_NAMESPACE = "https://sandbox.orgvend.dev/doc/";
  private static final String CONTENT_TYPE = Protocol.AWS_QUERY.contentType();

  @Override
  public Rendered ok(Reply.Ok ok, String requestId) {
    String xml = XmlOutput.response(namespace(ok.binding()), ok.operation(), ok.result(),
        requestId);
    return new Rendered(200, CONTENT_TYPE, Map.of(), xml.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Rendered error(Reply.Failed failed, String requestId) {
    String xml = XmlOutput.error(namespace(failed.binding()), failed.error(), requestId);
    return new Rendered(failed.error().status(), CONTENT_TYPE, Map.of(),
        xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String namespace(Binding binding) {
    return binding instanceof Binding.AwsQuery query ? query.xmlNamespace()
        : NO_SERVICE_NAMESPACE;
  }
}
