package dev.orgvend.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An AWS-compatible endpoint that says hostile things: it relays every request to a sandbox byte
 * for byte (signed headers, the Host header included, reach the sandbox unchanged, so signatures
 * verify), except requests for the chosen JSON or REST operations, which it answers with an error
 * whose code and message hold terminal escapes and forged lines. It stands for an AWS endpoint,
 * a proxy or a compatible service that is not to be trusted; the SDK on the other side is real.
 */
final class HostileRelay implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "expect",
      "transfer-encoding");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final URI target;
  private final Set<String> poisoned;
  private final String code;
  private final String message;

  /**
   * @param target the sandbox to relay to
   * @param poisoned operation names answered with the error, e.g. {@code CreateOrganizationalUnit}
   *     (awsJson, by X-Amz-Target) or {@code GetAlternateContact} (restJson, by path)
   */
  HostileRelay(URI target, Set<String> poisoned, String code, String message) throws IOException {
    this.target = target;
    this.poisoned = Set.copyOf(poisoned);
    this.code = code;
    this.message = message;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String operation = operation(exchange);
      if (operation != null && poisoned.contains(operation)) {
        refuse(exchange);
      } else {
        relay(exchange, body);
      }
    }
  }

  private static String operation(HttpExchange exchange) {
    String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (amzTarget != null) {
      return amzTarget.substring(amzTarget.indexOf('.') + 1);
    }
    String path = exchange.getRequestURI().getPath();
    if (path.length() > 1) {
      return Character.toUpperCase(path.charAt(1)) + path.substring(2);
    }
    return null;
  }

  private void refuse(HttpExchange exchange) throws IOException {
    byte[] answer = JSON.writeValueAsBytes(Map.of("__type", code, "message", message,
        "Message", message));
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().add("x-amzn-RequestId", "relay-request");
    exchange.sendResponseHeaders(400, answer.length);
    exchange.getResponseBody().write(answer);
  }

  private void relay(HttpExchange exchange, byte[] body) throws IOException {
    try (Socket socket = new Socket(target.getHost(), target.getPort())) {
      StringBuilder head = new StringBuilder(exchange.getRequestMethod()).append(' ')
          .append(exchange.getRequestURI().getRawPath());
      if (exchange.getRequestURI().getRawQuery() != null) {
        head.append('?').append(exchange.getRequestURI().getRawQuery());
      }
      head.append(" HTTP/1.1\r\n");
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
        }
      });
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      answer(exchange, socket.getInputStream());
    }
  }

  /** Reads the sandbox's answer (length-delimited, chunked or to the end) and passes it on. */
  private static void answer(HttpExchange exchange, InputStream in) throws IOException {
    String status = line(in);
    int code = Integer.parseInt(status.split(" ")[1]);
    long length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("content-length")) {
        length = Long.parseLong(value);
      } else if (lower.equals("transfer-encoding")) {
        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
      } else if (!HOP_BY_HOP.contains(lower) && !lower.equals("date")) {
        exchange.getResponseHeaders().add(name, value);
      }
    }
    byte[] content;
    if (chunked) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
          size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        all.write(in.readNBytes(size));
        line(in);
      }
      content = all.toByteArray();
    } else if (length >= 0) {
      content = in.readNBytes((int) length);
    } else {
      content = in.readAllBytes();
    }
    exchange.sendResponseHeaders(code, content.length == 0 ? -1 : content.length);
    exchange.getResponseBody().write(content);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
