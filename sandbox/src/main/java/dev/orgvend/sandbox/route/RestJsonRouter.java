package dev.orgvend.sandbox.route;

import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Protocol;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.protocol.WireErrors;
import dev.orgvend.sandbox.wire.WireRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * restJson1: with no target header, the method and the exact path name the operation; the body,
 * if any, is a JSON object.
 */
final class RestJsonRouter implements Router {
  private record Target(Service service, Binding.RestJson binding, String operation) {}

  private final Map<String, Target> byRoute = new HashMap<>();

  @Override
  public boolean learn(Service service, Binding binding) {
    if (!(binding instanceof Binding.RestJson rest)) {
      return false;
    }
    for (Binding.Route route : rest.routes()) {
      String key = key(route.method(), route.path());
      if (byRoute.putIfAbsent(key, new Target(service, rest, route.operation())) != null) {
        throw new IllegalStateException("two operations claim " + key);
      }
    }
    return true;
  }

  @Override
  public Optional<Routed> route(WireRequest request) {
    Target target = byRoute.get(key(request.method(), request.path()));
    if (target == null) {
      return Optional.empty();
    }
    if (!JsonBodies.jsonOrNone(request.header("content-type"))) {
      throw new Unroutable(target.binding(),
          WireErrors.unsupportedMediaType(Protocol.REST_JSON_1.contentType()));
    }
    return Optional.of(new Routed(target.service(), target.binding(), target.operation(),
        JsonBodies.object(request.body(), target.binding())));
  }

  private static String key(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }
}
