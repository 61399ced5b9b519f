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
 * awsJson 1.0 and 1.1: {@code X-Amz-Target: <prefix>.<Operation>} names the service by prefix and
 * the operation; the body must be a JSON object. The version answered is the service's, whatever
 * version the Content-Type names.
 */
final class AwsJsonRouter implements Router {
  private record Target(Service service, Binding.AwsJson binding) {}

  private final Map<String, Target> byPrefix = new HashMap<>();

  @Override
  public boolean learn(Service service, Binding binding) {
    if (!(binding instanceof Binding.AwsJson json)) {
      return false;
    }
    if (byPrefix.putIfAbsent(json.targetPrefix(), new Target(service, json)) != null) {
      throw new IllegalStateException("two services claim X-Amz-Target prefix "
          + json.targetPrefix());
    }
    return true;
  }

  @Override
  public Optional<Routed> route(WireRequest request) {
    String target = request.header("x-amz-target");
    if (target == null) {
      return Optional.empty();
    }
    String contentType = request.header("content-type");
    Protocol sent = versionSent(contentType);
    int dot = target.lastIndexOf('.');
    Target known = dot < 0 ? null : byPrefix.get(target.substring(0, dot));
    if (known == null) {
      throw new Unroutable(sent == null ? Protocol.AWS_JSON_1_1 : sent,
          WireErrors.unknownTarget(target));
    }
    Binding.AwsJson binding = known.binding();
    if (sent == null && !JsonBodies.jsonOrNone(contentType)) {
      throw new Unroutable(binding,
          WireErrors.unsupportedMediaType(binding.protocol().contentType()));
    }
    return Optional.of(new Routed(known.service(), binding, target.substring(dot + 1),
        JsonBodies.object(request.body(), binding)));
  }

  /** The awsJson version a Content-Type names, or null when it names none. */
  static Protocol versionSent(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/x-amz-json-1.1")) {
      return Protocol.AWS_JSON_1_1;
    }
    if (type.startsWith("application/x-amz-json-1.0")) {
      return Protocol.AWS_JSON_1_0;
    }
    return null;
  }
}
