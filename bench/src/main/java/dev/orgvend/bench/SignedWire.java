package dev.orgvend.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A deliberately thin load generator: each request is built by hand, signed afresh by the AWS
 * SDK's own SigV4 signer ({@link AwsV4HttpSigner}) and written to one keep-alive socket; the
 * answer is read to its end and only its status is looked at. It exists so that the sandbox
 * benchmark can tell the server's cost from the full SDK client's (marshalling, interceptors,
 * endpoint rules, Apache's connection pool), which on a two-core machine otherwise takes most
 * of the CPU. One instance per client thread: it is not thread-safe.
 */
final class SignedWire implements AutoCloseable {
  /** One kind of request in the mix: where it goes and what it carries. */
  record Call(String service, String contentType, String target, String body) {
    static Call json11(String operation, String body) {
      return new Call("organizations", "application/x-amz-json-1.1",
          "AWSOrganizationsV20161128." + operation, body);
    }

    static Call query(String service, String body) {
      return new Call(service, "application/x-www-form-urlencoded; charset=utf-8", null, body);
    }
  }

  private final URI endpoint;
  private final AwsCredentialsIdentity identity;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  SignedWire(URI endpoint, String accessKeyId, String secretAccessKey) {
    this.endpoint = endpoint;
    this.identity = AwsCredentialsIdentity.create(accessKeyId, secretAccessKey);
  }

  /** Sends one signed request and returns the HTTP status of the answer. */
  int send(Call call) {
    byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(endpoint.resolve("/"))
        .putHeader("Content-Type", call.contentType())
        .putHeader("Content-Length", Integer.toString(body.length));
    if (call.target() != null) {
      unsigned.putHeader("X-Amz-Target", call.target());
    }
    SdkHttpRequest request = unsigned.build();
    SdkHttpRequest signed = signer.sign(r -> r.identity(identity)
            .request(request)
            .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, call.service())
            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
        .request();
    try {
      return exchange(signed, body);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    }
  }

  private int exchange(SdkHttpRequest signed, byte[] body) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(30_000);
      socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }
    StringBuilder head = new StringBuilder(1024).append("POST / HTTP/1.1\r\n")
        .append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort())
        .append("\r\n");
    for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Host")) {
        continue;
      }
      for (String value : header.getValue()) {
        head.append(header.getKey()).append(": ").append(value).append("\r\n");
      }
    }
    head.append("\r\n");
    ByteArrayOutputStream whole = new ByteArrayOutputStream(head.length() + body.length);
    whole.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    whole.write(body);
    whole.writeTo(out);
    out.flush();
    return readResponse();
  }

  private int readResponse() throws IOException {
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
        case "connection" -> closeAfter = value.equalsIgnoreCase("close");
        default -> { }
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
          size = Long.parseLong(line().split(";")[0].trim(), 16)) {
        skip(size);
        line();
      }
      line();
    } else if (length >= 0) {
      skip(length);
    }
    if (closeAfter) {
      close();
    }
    return code;
  }

  private void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed in the middle of an answer");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed by the server");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing to save on a benchmark socket
      }
      socket = null;
    }
  }
}
