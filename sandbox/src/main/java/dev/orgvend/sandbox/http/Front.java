package dev.orgvend.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.SandboxSettings;
import dev.orgvend.sandbox.auth.AuthError;
import dev.orgvend.sandbox.auth.Credentials;
import dev.orgvend.sandbox.auth.SigV4;
import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.QueryInput;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.state.World;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The HTTP entry point for AWS API calls: recognises the protocol and service, authenticates the
 * signature, applies the realism knobs, runs the operation inside the world's lock and renders
 * the answer or the error the way that protocol's clients expect.
 */
public final class Front implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(Front.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.fasterxml.jackson.databind.ObjectReader STRICT_JSON = JSON.reader()
      .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final HttpString TARGET = HttpString.tryFromString("X-Amz-Target");
  private static final HttpString REQUEST_ID = HttpString.tryFromString("x-amzn-RequestId");
  private static final HttpString ERROR_TYPE = HttpString.tryFromString("x-amzn-ErrorType");
  private static final HttpString QUERY_ERROR = HttpString.tryFromString("x-amzn-query-error");

  private final Map<String, Service> byTarget = new HashMap<>();
  private final Map<String, Service> byVersion = new HashMap<>();
  private final Map<String, RestTarget> byRoute = new HashMap<>();
  private final Credentials credentials;
  private final World world;
  private final Supplier<SandboxSettings> settings;
  private final Throttle throttle = new Throttle();
  private final RequestStats stats = new RequestStats();
  private final HttpHandler admin;
  private final int maxBodyBytes;

  public Front(
      List<Service> services,
      Credentials credentials,
      World world,
      Supplier<SandboxSettings> settings,
      HttpHandler admin,
      int maxBodyBytes) {
    for (Service service : services) {
      Service.Wire wire = service.wire();
      if (wire.jsonTargetPrefix() != null) {
        byTarget.put(wire.jsonTargetPrefix(), service);
      }
      if (wire.queryVersion() != null) {
        byVersion.put(wire.queryVersion(), service);
      }
      for (Service.Route route : wire.restRoutes()) {
        String key = routeKey(route.method(), route.path());
        if (byRoute.putIfAbsent(key, new RestTarget(service, route.operation())) != null) {
          throw new IllegalStateException("two operations claim " + key);
        }
      }
    }
    this.credentials = credentials;
    this.world = world;
    this.settings = settings;
    this.admin = admin;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Forgets throttling history (admin reset). */
  public void resetThrottling() {
    throttle.reset();
  }

  /** The counts of AWS API requests received. */
  public RequestStats stats() {
    return stats;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    String path = exchange.getRequestURI();
    if (path.startsWith("/_sandbox/") || path.equals("/_sandbox")) {
      admin.handleRequest(exchange);
      return;
    }
    // Counted before the body is read: reading it may end the connection (see RequestStats).
    stats.arrived();
    exchange.startBlocking();
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    String requestId = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
    Reply reply;
    try {
      reply = handle(exchange, requestId);
    } catch (RuntimeException e) {
      if (!exchange.getConnection().isOpen() || exchange.isResponseStarted()) {
        return; // the client went away (or the server is stopping): nobody to answer
      }
      LOG.log(System.Logger.Level.ERROR, "unexpected failure handling " + path, e);
      reply = Reply.error(Protocol.JSON_1_1, null, AwsException.of("InternalFailure", 500,
          "The request processing has failed because of an unknown error."));
    }
    if (reply.drop) {
      exchange.getConnection().close();
      return;
    }
    send(exchange, reply, requestId);
  }

  private Reply handle(HttpServerExchange exchange, String requestId) {
    Map<String, List<String>> headers = headers(exchange);
    byte[] body;
    try {
      body = readBody(exchange);
    } catch (BodyTooLarge e) {
      // The rest of the body is still on its way; closing keeps it from being read as a request.
      exchange.setPersistent(false);
      return Reply.error(guessProtocol(headers), null,
          AwsException.of("RequestEntityTooLargeException", 413,
              "Request body is larger than " + maxBodyBytes + " bytes."));
    } catch (IOException e) {
      exchange.setPersistent(false);
      if (!exchange.getConnection().isOpen()) {
        return Reply.drop(); // a read timeout closed it: nobody is listening
      }
      return Reply.error(guessProtocol(headers), null, AwsException.of("IncompleteBody", 400,
          "The request body ended before the length its headers announced."));
    }

    Routed routed;
    try {
      routed = route(exchange, headers, body);
    } catch (Unroutable e) {
      return Reply.error(e.protocol, e.service, e.error);
    }
    Operation operation = routed.service.operations().get(routed.operation);
    if (operation != null) {
      stats.recognised(routed.service.wire().signingName(), routed.operation);
    }

    SigV4.Request signed =
        new SigV4.Request(
            exchange.getRequestMethod().toString(),
            exchange.getRequestURI(),
            exchange.getQueryString(),
            headers,
            body);
    Credentials.Authenticated who;
    try {
      who = credentials.authenticate(signed);
      if (!who.service().equals(routed.service.wire().signingName())) {
        throw new AuthError.Failure(AuthError.BAD_SIGNATURE, "wrong service in credential scope");
      }
    } catch (AuthError.Failure failure) {
      AwsException error = routed.protocol == Protocol.QUERY
          ? failure.error().forQuery() : failure.error().forJson();
      return Reply.error(routed.protocol, routed.service, error);
    }

    if (operation == null) {
      return Reply.error(routed.protocol, routed.service, unknownOperation(routed));
    }

    SandboxSettings knobs = settings.get();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    pause(knobs.latency());
    if (knobs.slowRate() > 0 && random.nextDouble() < knobs.slowRate()) {
      pause(knobs.slowLatency());
    }
    if (knobs.faultRate() > 0 && random.nextDouble() < knobs.faultRate()) {
      return Reply.error(routed.protocol, routed.service, routed.service.internalFailure());
    }
    if (knobs.dropRate() > 0 && random.nextDouble() < knobs.dropRate() / 2) {
      return Reply.drop();
    }
    if ((knobs.throttleRate() > 0 && random.nextDouble() < knobs.throttleRate())
        || !throttle.admit(knobs, who.principal().accountId(), routed.operation,
            System.nanoTime())) {
      return Reply.error(routed.protocol, routed.service,
          routed.service.throttled(routed.operation));
    }

    ObjectNode input = routed.input;
    Params params = new Params(input, routed.service.rules());
    JsonNode result;
    try {
      result = world.transact(() -> operation.run(new Call(routed.operation, input, params,
          who.principal(), who.region(), world.clock().now())));
    } catch (AwsException e) {
      return Reply.error(routed.protocol, routed.service, e);
    }
    if (knobs.dropRate() > 0 && random.nextDouble() < knobs.dropRate() / 2) {
      return Reply.drop();
    }
    return Reply.ok(routed.protocol, routed.service, routed.operation, result);
  }

  private record Routed(Service service, Protocol protocol, String operation, ObjectNode input) {}

  /** The service and operation a restJson1 method and path stand for. */
  private record RestTarget(Service service, String operation) {}

  private static String routeKey(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }

  /** A request that names no operation the sandbox can run, with the answer it gets. */
  private static final class Unroutable extends RuntimeException {
    final Protocol protocol;
    final Service service;
    final AwsException error;

    Unroutable(Protocol protocol, Service service, AwsException error) {
      super(error.getMessage(), null, false, false);
      this.protocol = protocol;
      this.service = service;
      this.error = error;
    }
  }

  private Routed route(HttpServerExchange exchange, Map<String, List<String>> headers, byte[] body) {
    String contentType = first(headers, "content-type");
    String target = first(headers, "x-amz-target");
    if (target != null) {
      return routeJson(target, contentType, body);
    }
    // restJson1: no target header, so the method and path name the operation.
    RestTarget rest = byRoute.get(
        routeKey(exchange.getRequestMethod().toString(), exchange.getRequestPath()));
    if (rest != null) {
      if (!jsonOrNone(contentType)) {
        throw new Unroutable(Protocol.REST_JSON, rest.service, unsupportedMediaType(
            "application/json"));
      }
      return new Routed(rest.service, Protocol.REST_JSON, rest.operation,
          parseJson(body, Protocol.REST_JSON, rest.service));
    }
    Protocol amzJson = amzJson(contentType);
    if (amzJson != null) {
      throw new Unroutable(amzJson, null, AwsException.of("UnknownOperationException", 400,
          "The request has a JSON protocol body but no X-Amz-Target header naming the"
              + " operation."));
    }
    boolean form = contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    String query = exchange.getQueryString();
    if (form || (query != null && query.contains("Action="))) {
      return routeQuery(form, query, body);
    }
    throw new Unroutable(guessProtocol(headers), null, AwsException.of(
        "UnknownOperationException", 404,
        "The request names no AWS operation: send X-Amz-Target, an Action form body or the path"
            + " of a REST operation."));
  }

  /** awsJson: the target header names service and operation; the body must be JSON. */
  private Routed routeJson(String target, String contentType, byte[] body) {
    int dot = target.lastIndexOf('.');
    Service service = dot < 0 ? null : byTarget.get(target.substring(0, dot));
    Protocol sent = amzJson(contentType);
    if (service == null) {
      throw new Unroutable(sent == null ? Protocol.JSON_1_1 : sent, null, AwsException.of(
          "UnknownOperationException", 400, "No service is known for X-Amz-Target " + target));
    }
    Protocol protocol = "1.0".equals(service.wire().jsonVersion())
        ? Protocol.JSON_1_0 : Protocol.JSON_1_1;
    if (sent == null && !jsonOrNone(contentType)) {
      throw new Unroutable(protocol, service, unsupportedMediaType(protocol.contentType));
    }
    return new Routed(service, protocol, target.substring(dot + 1),
        parseJson(body, protocol, service));
  }

  /** awsQuery: Action and Version in a form body (or the query string) name the operation. */
  private Routed routeQuery(boolean form, String query, byte[] body) {
    Map<String, String> fields;
    try {
      fields = new java.util.LinkedHashMap<>(QueryInput.parseForm(query == null ? "" : query));
      if (form) {
        fields.putAll(QueryInput.parseForm(new String(body, StandardCharsets.UTF_8)));
      }
    } catch (IllegalArgumentException e) {
      throw new Unroutable(Protocol.QUERY, null,
          AwsException.of("MalformedQueryString", 400, "The query string is malformed."));
    }
    String action = fields.get("Action");
    String version = fields.get("Version");
    if (action == null || action.isEmpty()) {
      throw new Unroutable(Protocol.QUERY, null,
          AwsException.of("MissingAction", 400, "Missing Action"));
    }
    Service service = version == null ? null : byVersion.get(version);
    if (service == null) {
      throw new Unroutable(Protocol.QUERY, null, AwsException.of("InvalidAction", 400,
          "Could not find operation " + action + " for version " + version));
    }
    ObjectNode input;
    try {
      input = QueryInput.toTree(fields);
    } catch (IllegalArgumentException e) {
      throw new Unroutable(Protocol.QUERY, service,
          AwsException.of("MalformedQueryString", 400, e.getMessage()));
    }
    return new Routed(service, Protocol.QUERY, action, input);
  }

  private static AwsException unsupportedMediaType(String expected) {
    return AwsException.of("UnsupportedMediaTypeException", 415,
        "This operation takes a request body of Content-Type " + expected + ".");
  }

  private static boolean jsonOrNone(String contentType) {
    return contentType == null || contentType.isBlank()
        || contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  /** The awsJson version a Content-Type names, or null when it names none. */
  private static Protocol amzJson(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/x-amz-json-1.1")) {
      return Protocol.JSON_1_1;
    }
    if (type.startsWith("application/x-amz-json-1.0")) {
      return Protocol.JSON_1_0;
    }
    return null;
  }

  /**
   * The body as a JSON object. Anything else, trailing text after the object included, is a
   * {@code SerializationException}, as the Smithy protocol tests require of servers.
   */
  private static ObjectNode parseJson(byte[] body, Protocol protocol, Service service) {
    if (body.length == 0) {
      return Nodes.object();
    }
    try {
      JsonNode node = STRICT_JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        return Nodes.object();
      }
      if (!node.isObject()) {
        throw new Unroutable(protocol, service, AwsException.of("SerializationException", 400,
            "Request body must be a JSON object."));
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw new Unroutable(protocol, service, AwsException.of("SerializationException", 400,
          "Request body is not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new Unroutable(protocol, service, AwsException.of("SerializationException", 400,
          "Request body could not be read."));
    }
  }

  private static AwsException unknownOperation(Routed routed) {
    if (routed.protocol == Protocol.QUERY) {
      return AwsException.of("InvalidAction", 400, "Could not find operation " + routed.operation
          + " for version " + routed.service.wire().queryVersion());
    }
    return AwsException.of("UnknownOperationException", 400,
        "Unknown operation " + routed.operation);
  }

  /** How to answer a request that could not be routed, from its headers alone. */
  private static Protocol guessProtocol(Map<String, List<String>> headers) {
    String contentType = first(headers, "content-type");
    Protocol amzJson = amzJson(contentType);
    if (amzJson != null) {
      return amzJson;
    }
    if (first(headers, "x-amz-target") != null) {
      return Protocol.JSON_1_1;
    }
    return contentType != null && jsonOrNone(contentType) ? Protocol.REST_JSON : Protocol.QUERY;
  }

  private static void pause(Duration latency) {
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final class BodyTooLarge extends Exception {
    BodyTooLarge() {
      super(null, null, false, false);
    }
  }

  private byte[] readBody(HttpServerExchange exchange) throws IOException, BodyTooLarge {
    long declared = exchange.getRequestContentLength();
    if (declared > maxBodyBytes) {
      throw new BodyTooLarge();
    }
    InputStream in = exchange.getInputStream();
    if (declared >= 0) {
      // The usual case: read exactly what was announced, with no growing buffer.
      byte[] body = in.readNBytes((int) declared);
      if (body.length < declared) {
        throw new IOException("body ended early");
      }
      return body;
    }
    byte[] body = in.readNBytes(maxBodyBytes + 1);
    if (body.length > maxBodyBytes) {
      throw new BodyTooLarge();
    }
    return body;
  }

  private static Map<String, List<String>> headers(HttpServerExchange exchange) {
    Map<String, List<String>> out = new HashMap<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      List<String> list = out.computeIfAbsent(
          values.getHeaderName().toString().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
      list.addAll(values);
    }
    return out;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private void send(HttpServerExchange exchange, Reply reply, String requestId) {
    if (reply.error != null) {
      stats.error();
    }
    exchange.setStatusCode(reply.status);
    var out = exchange.getResponseHeaders();
    out.put(REQUEST_ID, requestId);
    out.put(Headers.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC)));
    byte[] bytes;
    if (reply.protocol == Protocol.QUERY) {
      out.put(Headers.CONTENT_TYPE, "text/xml");
      String ns = reply.service == null ? "https://sandbox.orgvend.dev/doc/" :
          reply.service.wire().xmlNamespace();
      bytes = (reply.error != null
          ? dev.orgvend.sandbox.protocol.XmlOutput.error(ns, reply.error, requestId)
          : dev.orgvend.sandbox.protocol.XmlOutput.response(ns, reply.operation, reply.result,
              requestId)).getBytes(StandardCharsets.UTF_8);
    } else if (reply.protocol == Protocol.REST_JSON) {
      out.put(Headers.CONTENT_TYPE, reply.protocol.contentType);
      bytes = restJsonBody(reply, out);
    } else {
      out.put(Headers.CONTENT_TYPE, reply.protocol.contentType);
      JsonNode body = reply.result == null ? Nodes.object() : reply.result;
      if (reply.error != null) {
        ObjectNode err = Nodes.object();
        err.put("__type", reply.error.shapeName());
        err.put("message", reply.error.getMessage());
        err.put("Message", reply.error.getMessage());
        reply.error.members().forEach(err::set);
        body = err;
        out.put(ERROR_TYPE, reply.error.shapeName());
        if (reply.service != null && reply.service.wire().queryCompatible()) {
          out.put(QUERY_ERROR, reply.error.code() + ";" + reply.error.faultType());
        }
      }
      try {
        bytes = JSON.writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    out.put(Headers.CONTENT_LENGTH, bytes.length);
    exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(bytes));
  }

  /**
   * restJson1 answers: the operation's output as a JSON object, or no body at all for an
   * operation without output. An error names its code only in {@code x-amzn-ErrorType} (SDK v2
   * and botocore read that header first) and carries {@code message} plus the error shape's other
   * members in the body.
   */
  private static byte[] restJsonBody(Reply reply, HeaderMap out) {
    JsonNode body;
    if (reply.error != null) {
      out.put(ERROR_TYPE, reply.error.shapeName());
      ObjectNode err = Nodes.object();
      err.put("message", reply.error.getMessage());
      reply.error.members().forEach(err::set);
      body = err;
    } else if (reply.result == null) {
      return new byte[0];
    } else {
      body = reply.result;
    }
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  enum Protocol {
    JSON_1_1("application/x-amz-json-1.1"),
    JSON_1_0("application/x-amz-json-1.0"),
    REST_JSON("application/json"),
    QUERY("text/xml");

    final String contentType;

    Protocol(String contentType) {
      this.contentType = contentType;
    }
  }

  private static final class Reply {
    final Protocol protocol;
    final Service service;
    final String operation;
    final JsonNode result;
    final AwsException error;
    final int status;
    final boolean drop;

    private Reply(Protocol protocol, Service service, String operation, JsonNode result,
        AwsException error, boolean drop) {
      this.protocol = protocol;
      this.service = service;
      this.operation = operation;
      this.result = result;
      this.error = error;
      this.status = error == null ? 200 : error.status();
      this.drop = drop;
    }

    static Reply ok(Protocol protocol, Service service, String operation, JsonNode result) {
      return new Reply(protocol, service, operation, result, null, false);
    }

    static Reply error(Protocol protocol, Service service, AwsException error) {
      return new Reply(protocol, service, null, null, error, false);
    }

    static Reply drop() {
      return new Reply(null, null, null, null, null, true);
    }
  }
}
