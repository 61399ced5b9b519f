package dev.orgvend.sandbox.route;

import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Protocol;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.protocol.WireErrors;
import dev.orgvend.sandbox.wire.WireRequest;
import java.util.List;
import java.util.Optional;

/**
 * Finds the operation a request names, by asking one router per protocol in a fixed order: awsJson
 * ({@code X-Amz-Target}), restJson1 (a known method and path), then awsQuery (a form or an
 * {@code Action} parameter). A new protocol is one more router in {@link #of}; S3's restXml, with
 * path-style and virtual-hosted addressing, would sit after restJson1 and read {@link
 * WireRequest#host()} for the bucket.
 */
public final class Routes {
  private final List<Router> routers;

  private Routes(List<Router> routers) {
    this.routers = routers;
  }

  /**
   * Routes for these services.
   *
   * @throws IllegalStateException if two services claim the same target, version or path, or a
   *     service has a binding no router speaks
   */
  public static Routes of(List<Service> services) {
    List<Router> routers = List.of(new AwsJsonRouter(), new RestJsonRouter(),
        new TargetMissing(), new AwsQueryRouter());
    for (Service service : services) {
      for (Binding binding : service.bindings()) {
        if (routers.stream().noneMatch(router -> router.learn(service, binding))) {
          throw new IllegalStateException("no router speaks " + binding.protocol() + " for "
              + service.signingName());
        }
      }
    }
    return new Routes(routers);
  }

  /**
   * The route of this request.
   *
   * @throws Unroutable when it names no operation the sandbox can run, with the error to answer
   */
  public Routed route(WireRequest request) {
    for (Router router : routers) {
      Optional<Routed> routed = router.route(request);
      if (routed.isPresent()) {
        return routed.get();
      }
    }
    throw new Unroutable(guessProtocol(request), WireErrors.noOperationNamed());
  }

  /**
   * The protocol to answer in when a request could not be routed (or not even read), judged from
   * its headers alone.
   */
  public static Protocol guessProtocol(WireRequest request) {
    String contentType = request.header("content-type");
    Protocol amzJson = AwsJsonRouter.versionSent(contentType);
    if (amzJson != null) {
      return amzJson;
    }
    if (request.header("x-amz-target") != null) {
      return Protocol.AWS_JSON_1_1;
    }
    return contentType != null && JsonBodies.jsonOrNone(contentType)
        ? Protocol.REST_JSON_1 : Protocol.AWS_QUERY;
  }

  /**
   * An awsJson body without {@code X-Amz-Target} (and on no REST path): the client meant JSON but
   * named no operation. Checked before awsQuery so such a request is not read as a form.
   */
  private static final class TargetMissing implements Router {
    @Override
    public boolean learn(Service service, Binding binding) {
      return false;
    }

    @Override
    public Optional<Routed> route(WireRequest request) {
      Protocol sent = AwsJsonRouter.versionSent(request.header("content-type"));
      if (sent != null) {
        throw new Unroutable(sent, WireErrors.jsonWithoutTarget());
      }
      return Optional.empty();
    }
  }
}
