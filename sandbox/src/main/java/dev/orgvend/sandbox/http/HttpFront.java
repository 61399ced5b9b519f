package dev.orgvend.sandbox.http;

import dev.orgvend.sandbox.front.AwsFront;
import dev.orgvend.sandbox.front.Reply;
import dev.orgvend.sandbox.front.RequestNote;
import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Protocol;
import dev.orgvend.sandbox.protocol.WireErrors;
import dev.orgvend.sandbox.render.Rendered;
import dev.orgvend.sandbox.render.Renderer;
import dev.orgvend.sandbox.state.Ids;
import dev.orgvend.sandbox.state.SandboxClock;
import dev.orgvend.sandbox.wire.WireRequest;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xnio.IoUtils;

/**
 * The sandbox's HTTP edge (an Undertow handler): hands {@code /_sandbox/} to the admin API, counts
 * every other request as it arrives, reads its body within the size limit, has the {@link
 * AwsFront} decide the reply, renders it for the request's protocol (or drops the connection),
 * and logs one line. Everything AWS-specific happens behind the front; this class knows HTTP.
 */
public final class HttpFront implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(HttpFront.class.getName());
  private static final HttpString REQUEST_ID = HttpString.tryFromString("x-amzn-RequestId");

  private final AwsFront front;
  private final HttpHandler admin;
  private final Ids requestIds;
  private final SandboxClock clock;
  private final int maxBodyBytes;
  private final RequestLog log;

  /**
   * @param requestIds where request ids come from (seeded with the sandbox, for replayable runs)
   * @param clock the sandbox clock; answers are dated with its wall time
   */
  public HttpFront(AwsFront front, HttpHandler admin, Ids requestIds, SandboxClock clock,
      int maxBodyBytes, RequestLog log) {
    this.front = front;
    this.admin = admin;
    this.requestIds = requestIds;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
    this.log = log;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    String uri = exchange.getRequestURI();
    if (uri.startsWith("/_sandbox/") || uri.equals("/_sandbox")) {
      admin.handleRequest(exchange);
      return;
    }
    long started = System.nanoTime();
    // Counted before the body is read: reading it may end the connection (see RequestStats).
    front.stats().arrived();
    exchange.startBlocking();
    String requestId = requestIds.uuid();
    RequestNote note = new RequestNote();
    Reply reply;
    try {
      reply = answer(exchange, note);
    } catch (RuntimeException e) {
      if (!exchange.getConnection().isOpen() || exchange.isResponseStarted()) {
        // The client went away (or the server is stopping): nobody to answer.
        finish(note, Reply.DROPPED, requestId, started);
        return;
      }
      LOG.log(System.Logger.Level.ERROR,
          "unexpected failure handling " + LogText.escape(uri), e);
      reply = new Reply.Failed(Protocol.AWS_JSON_1_1, null, WireErrors.internalFailure());
    }
    Optional<Rendered> rendered = reply.accept(new Reply.Visitor<Optional<Rendered>>() {
      @Override
      public Optional<Rendered> ok(Reply.Ok ok) {
        return Optional.of(Renderer.of(ok.binding().protocol()).ok(ok, requestId));
      }

      @Override
      public Optional<Rendered> failed(Reply.Failed failed) {
        front.stats().error();
        return Optional.of(Renderer.of(failed.protocol()).error(failed, requestId));
      }

      @Override
      public Optional<Rendered> dropped(Reply.Dropped dropped) {
        return Optional.empty();
      }
    });
    // Logged before the answer leaves, so a client that has its answer finds the line written.
    finish(note, reply, requestId, started);
    rendered.ifPresentOrElse(r -> send(exchange, r, requestId),
        () -> IoUtils.safeClose(exchange.getConnection()));
  }

  /** Reads the request and has the front decide; a body that cannot be read is refused here. */
  private Reply answer(HttpServerExchange exchange, RequestNote note) {
    WireRequest headersOnly = new WireRequest(exchange.getRequestMethod().toString(),
        exchange.getRequestURI(), exchange.getRequestPath(), exchange.getQueryString(),
        exchange.getRequestHeaders().getFirst(Headers.HOST), headers(exchange), new byte[0]);
    byte[] body;
    try {
      body = readBody(exchange);
    } catch (BodyTooLarge e) {
      // The rest of the body is still on its way; closing keeps it from being read as a request.
      exchange.setPersistent(false);
      return front.refuse(headersOnly, WireErrors.bodyTooLarge(maxBodyBytes));
    } catch (IOException e) {
      exchange.setPersistent(false);
      if (!exchange.getConnection().isOpen()) {
        return Reply.DROPPED; // a read timeout or a broken chunk closed it: nobody is listening
      }
      return front.refuse(headersOnly, WireErrors.incompleteBody());
    }
    return front.handle(headersOnly.withBody(body), note);
  }

  private void finish(RequestNote note, Reply reply, String requestId, long started) {
    long nanos = System.nanoTime() - started;
    reply.accept(new Reply.Visitor<Void>() {
      @Override
      public Void ok(Reply.Ok ok) {
        log.record(clock.wallNow(), note, 200, null, null, requestId, nanos);
        return null;
      }

      @Override
      public Void failed(Reply.Failed failed) {
        AwsException error = failed.error();
        log.record(clock.wallNow(), note, error.status(), error.code(), error.getMessage(),
            requestId, nanos);
        return null;
      }

      @Override
      public Void dropped(Reply.Dropped dropped) {
        log.record(clock.wallNow(), note, 0, null, null, requestId, nanos);
        return null;
      }
    });
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
      out.computeIfAbsent(values.getHeaderName().toString().toLowerCase(Locale.ROOT),
          k -> new ArrayList<>()).addAll(values);
    }
    return out;
  }

  private void send(HttpServerExchange exchange, Rendered rendered, String requestId) {
    exchange.setStatusCode(rendered.status());
    HeaderMap out = exchange.getResponseHeaders();
    out.put(REQUEST_ID, requestId);
    out.put(Headers.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(
        clock.wallNow().atZone(ZoneOffset.UTC)));
    out.put(Headers.CONTENT_TYPE, rendered.contentType());
    rendered.headers().forEach((name, value) -> out.put(HttpString.tryFromString(name), value));
    out.put(Headers.CONTENT_LENGTH, rendered.body().length);
    exchange.getResponseSender().send(ByteBuffer.wrap(rendered.body()));
  }
}
