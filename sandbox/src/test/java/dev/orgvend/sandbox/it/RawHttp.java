package dev.orgvend.sandbox.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * HTTP/1.x written byte by byte over a plain socket, for requests no HTTP client will send:
 * wrong framing, truncated or oversized bodies, a Host changed after signing, HTTP/1.0, bytes
 * that are not HTTP at all. Signing uses the AWS SDK's own SigV4 signer. Every read is bounded
 * by a socket timeout, so a server that hangs fails the test instead of stalling it.
 */
final class RawHttp {
  /** Longer than any answer should take; the corpus sandbox closes idle clients after 1 s. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");

  private RawHttp() {}

  /** What came back: status 0 when the server closed the connection without answering. */
  record Reply(int status, Map<String, String> headers, String body) {
    static final Reply NONE = new Reply(0, Map.of(), "");

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The AWS error code: {@code x-amzn-ErrorType} (JSON protocols) or the XML {@code Code}. */
    String code() {
      String type = header("x-amzn-ErrorType");
      if (type != null) {
        return type.split(":", 2)[0];
      }
      Matcher m = XML_CODE.matcher(body);
      return m.find() ? m.group(1) : null;
    }

    @Override
    public String toString() {
      return status == 0 ? "(connection closed without an answer)"
          : status + " " + headers + "\n" + body;
    }
  }

  /** A request under construction; header names keep the case they were given. */
  static final class Request {
    String method = "POST";
    String path = "/";
    String version = "HTTP/1.1";
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body = new byte[0];
    /** How the body is framed on the wire. */
    Framing framing = Framing.LENGTH;
    /** With {@link Framing#DECLARED}: the Content-Length sent, whatever the body's size. */
    String declaredLength;
    /** Close our sending side once the request is written, as a client that gave up would. */
    boolean halfClose;

    Request(URI endpoint) {
      headers.put("Host", endpoint.getHost() + ":" + endpoint.getPort());
    }

    Request header(String name, String value) {
      headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
      if (value != null) {
        headers.put(name, value);
      }
      return this;
    }

    Request body(String text) {
      this.body = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    Request body(byte[] bytes) {
      this.body = bytes;
      return this;
    }

    /** Adds SigV4 headers for the current method, path, headers and body. */
    Request sign(URI endpoint, String keyId, String secret, String service, Clock clock) {
      SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
          .method(SdkHttpMethod.fromValue(method))
          .uri(endpoint.resolve(path));
      headers.forEach(unsigned::putHeader);
      SdkHttpRequest request = unsigned.build();
      SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
          .identity(AwsBasicCredentials.create(keyId, secret))
          .request(request)
          .payload(ContentStreamProvider.fromByteArray(body))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
          .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
      signed.request().headers().forEach((name, values) -> {
        boolean known = headers.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(name));
        if (!known) {
          headers.put(name, values.get(0));
        }
      });
      return this;
    }

    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StringBuilder head = new StringBuilder(method).append(' ').append(path).append(' ')
          .append(version).append("\r\n");
      headers.forEach((n, v) -> head.append(n).append(": ").append(v).append("\r\n"));
      switch (framing) {
        case LENGTH -> head.append("Content-Length: ").append(body.length).append("\r\n");
        case DECLARED -> head.append("Content-Length: ").append(declaredLength).append("\r\n");
        case CHUNKED, BAD_CHUNK -> head.append("Transfer-Encoding: chunked\r\n");
        case NONE -> { }
        default -> throw new IllegalStateException(framing.name());
      }
      head.append("\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (framing == Framing.CHUNKED) {
        for (int at = 0; at < body.length; at += 8192) {
          int n = Math.min(8192, body.length - at);
          out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(body, at, n);
          out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      } else if (framing == Framing.BAD_CHUNK) {
        out.writeBytes("zz\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        out.writeBytes(body);
      }
      return out.toByteArray();
    }
  }

  /** How the body goes on the wire; BAD_CHUNK sends a chunk size that is not hexadecimal. */
  enum Framing { LENGTH, DECLARED, CHUNKED, BAD_CHUNK, NONE }

  /** Sends the request on a new connection and reads one answer. */
  static Reply send(URI endpoint, Request request) {
    return send(endpoint, request.bytes(), request.halfClose);
  }

  /** Sends raw bytes on a new connection and reads one answer. */
  static Reply send(URI endpoint, byte[] bytes, boolean halfClose) {
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(bytes);
        out.flush();
        if (halfClose) {
          socket.shutdownOutput();
        }
      } catch (IOException refusedMidway) {
        // The server may answer and close before reading everything (an oversized body).
      }
      return read(socket.getInputStream());
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the sandbox did not answer or close within " + TIMEOUT, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reply read(InputStream in) throws IOException {
    byte[] head;
    try {
      head = readHead(in);
    } catch (java.net.SocketException reset) {
      return Reply.NONE; // closed with a reset instead of a FIN: no answer either way
    }
    if (head == null) {
      return Reply.NONE;
    }
    String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status = Integer.parseInt(statusLine[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    String length = headers.get("content-length");
    byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
    return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** Bytes up to the blank line after the headers, or null if the connection closed first. */
  private static byte[] readHead(InputStream in) throws IOException {
    List<Byte> bytes = new ArrayList<>();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      bytes.add((byte) b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    byte[] out = new byte[bytes.size() - 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }
}
