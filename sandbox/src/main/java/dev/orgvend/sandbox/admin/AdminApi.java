package dev.orgvend.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sandbox's own control surface under {@code /_sandbox/}, for tests and demos: health,
 * credentials, reset, time travel, taken e-mail addresses, state dump, request counts, run-time
 * settings, and actions that services register (confirming an SNS subscription, say). It is not
 * AWS API and is not signed, so it answers only requests from the loopback interface, and of those
 * not the ones a web page makes the browser send (a cross-site request, or a page whose name was
 * pointed at 127.0.0.1 by DNS rebinding): those carry {@code Origin} or a cross-site {@code
 * Sec-Fetch-Site}, or address the sandbox by a host name other than {@code localhost}.
 */
public final class AdminApi implements HttpHandler {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** An admin action: reads query parameters and an optional JSON body, answers JSON. */
  @FunctionalInterface
  public interface Action {
    JsonNode run(Map<String, String> query, JsonNode body);
  }

  /** Raised by an action for a request it cannot serve; becomes HTTP 400. */
  public static final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
      super(message);
    }
  }

  private final Map<String, Action> actions = new LinkedHashMap<>();

  public AdminApi(Control sandbox) {
    register("GET /_sandbox/health", (q, b) -> JSON.createObjectNode().put("status", "ok"));
    register("GET /_sandbox/credentials", (q, b) -> {
      ObjectNode out = JSON.createObjectNode();
      sandbox.credentials().forEach(out::put);
      return out;
    });
    register("POST /_sandbox/reset", (q, b) -> {
      sandbox.reset();
      return JSON.createObjectNode().put("reset", true);
    });
    register("POST /_sandbox/clock/advance", (q, b) -> {
      long seconds = parseLong(q.get("seconds"), "seconds");
      if (seconds < 0) {
        throw new BadRequest("seconds must not be negative");
      }
      Instant now = sandbox.advanceClock(Duration.ofSeconds(seconds));
      return JSON.createObjectNode()
          .put("offsetSeconds", sandbox.clockOffset().toSeconds())
          .put("now", now.toString());
    });
    register("POST /_sandbox/taken-emails", (q, b) -> {
      if (b == null || !b.isArray()) {
        throw new BadRequest("send a JSON array of e-mail addresses");
      }
      List<String> emails = new ArrayList<>();
      b.forEach(e -> emails.add(e.asText()));
      sandbox.addTakenEmails(emails);
      return JSON.createObjectNode().put("added", emails.size());
    });
    register("GET /_sandbox/state", (q, b) -> sandbox.state());
    register("GET /_sandbox/stats", (q, b) -> sandbox.stats());
    register("POST /_sandbox/stats/reset", (q, b) -> {
      sandbox.resetStats();
      return sandbox.stats();
    });
    register("GET /_sandbox/settings", (q, b) -> sandbox.settings());
    register("POST /_sandbox/settings", (q, b) -> sandbox.updateSettings(b));
  }

  /** Adds an action under {@code "METHOD /_sandbox/path"}. */
  public void register(String route, Action action) {
    actions.put(route, action);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String refused = refusal(exchange);
    if (refused != null) {
      reply(exchange, 403, error(refused));
      return;
    }
    String route = exchange.getRequestMethod() + " " + exchange.getRequestPath();
    Action action = actions.get(route);
    if (action == null) {
      reply(exchange, 404, error("no admin action " + route + "; try GET /_sandbox/health"));
      return;
    }
    exchange.startBlocking();
    try {
      byte[] raw = exchange.getInputStream().readNBytes(1 << 20);
      JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
      Map<String, String> query = new LinkedHashMap<>();
      for (Map.Entry<String, Deque<String>> e : exchange.getQueryParameters().entrySet()) {
        query.put(e.getKey(), e.getValue().peekFirst());
      }
      reply(exchange, 200, action.run(query, body));
    } catch (BadRequest | IllegalArgumentException e) {
      reply(exchange, 400, error(e.getMessage()));
    } catch (IOException e) {
      reply(exchange, 400, error("body is not valid JSON"));
    }
  }

  /** Why this request may not use the admin API, or null when it may. */
  static String refusal(HttpServerExchange exchange) {
    InetSocketAddress peer = exchange.getSourceAddress();
    if (peer == null || peer.getAddress() == null || !peer.getAddress().isLoopbackAddress()) {
      return "the admin API answers loopback clients only";
    }
    String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
    if (exchange.getRequestHeaders().contains(Headers.ORIGIN)
        || (site != null && !site.equalsIgnoreCase("none"))) {
      return "the admin API does not answer requests made by web pages";
    }
    String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
    if (host != null && !localName(host)) {
      return "the admin API answers requests addressed to localhost or an IP address only";
    }
    return null;
  }

  /** {@code localhost} or an IP address, with or without a port: nothing DNS could rebind. */
  private static boolean localName(String hostHeader) {
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      return host.indexOf(']') > 0;
    }
    int colon = host.indexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    return host.equals("localhost") || IPV4.matcher(host).matches();
  }

  private static long parseLong(String text, String name) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException | NullPointerException e) {
      throw new BadRequest(name + " must be a whole number");
    }
  }

  private static JsonNode error(String message) {
    return JSON.createObjectNode().put("error", message);
  }

  private static void reply(HttpServerExchange exchange, int status, JsonNode body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseSender().send(new String(bytes, StandardCharsets.UTF_8));
  }
}
