package dev.orgvend.sandbox.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Protocol;
import dev.orgvend.sandbox.protocol.QueryInput;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.protocol.WireErrors;
import dev.orgvend.sandbox.wire.WireRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * awsQuery: {@code Action} and {@code Version}, in a form body or the query string, name the
 * operation and the service. EC2's query flavour is routed the same way (by its version) and
 * differs only in how answers look, so it can share this router with its own binding.
 */
final class AwsQueryRouter implements Router {
  private record Target(Service service, Binding.AwsQuery binding) {}

  private final Map<String, Target> byVersion = new HashMap<>();

  @Override
  public boolean learn(Service service, Binding binding) {
    if (!(binding instanceof Binding.AwsQuery query)) {
      return false;
    }
    if (byVersion.putIfAbsent(query.version(), new Target(service, query)) != null) {
      throw new IllegalStateException("two services claim Query version " + query.version());
    }
    return true;
  }

  @Override
  public Optional<Routed> route(WireRequest request) {
    boolean form = JsonBodies.form(request.header("content-type"));
    String query = request.rawQuery();
    if (!form && (query == null || !query.contains("Action="))) {
      return Optional.empty();
    }
    Map<String, String> fields;
    try {
      fields = new LinkedHashMap<>(QueryInput.parseForm(query == null ? "" : query));
      if (form) {
        fields.putAll(QueryInput.parseForm(new String(request.body(), StandardCharsets.UTF_8)));
      }
    } catch (IllegalArgumentException e) {
      throw new Unroutable(Protocol.AWS_QUERY,
          WireErrors.malformedQueryString("The query string is malformed."));
    }
    String action = fields.get("Action");
    String version = fields.get("Version");
    if (action == null || action.isEmpty()) {
      throw new Unroutable(Protocol.AWS_QUERY, WireErrors.missingAction());
    }
    Target target = version == null ? null : byVersion.get(version);
    if (target == null) {
      throw new Unroutable(Protocol.AWS_QUERY, WireErrors.invalidAction(action, version));
    }
    ObjectNode input;
    try {
      input = QueryInput.toTree(fields);
    } catch (IllegalArgumentException e) {
      throw new Unroutable(target.binding(), WireErrors.malformedQueryString(e.getMessage()));
    }
    return Optional.of(new Routed(target.service(), target.binding(), action, input));
  }
}
