package dev.orgvend.sandbox.route;

import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.wire.WireRequest;
import java.util.Optional;

/**
 * Routing for one protocol: it learns the services that speak its protocol, then recognises the
 * requests meant for it and finds their operation. {@link Routes} asks its routers in a fixed
 * order, so each router only has to say whether a request is its protocol's.
 */
public interface Router {

  /**
   * Takes the binding if it is of this router's protocol.
   *
   * @return true if this router will route requests for {@code binding}
   * @throws IllegalStateException if the binding clashes with one already taken (two services
   *     claiming the same target prefix, version or path)
   */
  boolean learn(Service service, Binding binding);

  /**
   * The route of a request of this protocol, or empty when the request is not of this protocol.
   *
   * @throws Unroutable when the request is of this protocol but cannot be served (unknown
   *     service, unreadable input, a wrong Content-Type)
   */
  Optional<Routed> route(WireRequest request);
}
