package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orgvend sandbox serve} as the packaged jar runs it: it listens on 127.0.0.1 unless
 * {@code --host} says otherwise, and then it warns, while its admin API keeps answering this
 * machine only.
 */
class SandboxServeIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(nic -> {
          try {
            return nic.isUp() && !nic.isLoopback();
          } catch (SocketException e) {
            return false;
          }
        })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()
            && !a.isLinkLocalAddress())
        .findFirst();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** An unsigned DescribeOrganization: the sandbox answers 403 before any operation runs. */
  private static HttpResponse<String> unsigned(URI endpoint) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "AWSOrganizationsV20161128.DescribeOrganization")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void serve_withLogLevelInfo_logsOneLinePerRequest() throws Exception {
    try (ServeProcess serve = ServeProcess.start(dir.resolve("out"), dir.resolve("err"),
        "--port", "0", "--in-memory", "--log-level", "info")) {
      HttpResponse<String> answer = unsigned(serve.endpoint());
      get(serve.endpoint() + "/_sandbox/health");

      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(serve.err()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"
          + " WARN  organizations\\.DescribeOrganization - 403"
          + " MissingAuthenticationTokenException \\d+ms\n");
    }
  }

  @Test
  void serve_byDefault_logsNoClientErrors() throws Exception {
    try (ServeProcess serve = ServeProcess.start(dir.resolve("out"), dir.resolve("err"),
        "--port", "0", "--in-memory")) {
      HttpResponse<String> answer = unsigned(serve.endpoint());

      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(serve.err()).isEmpty();
      assertThat(serve.out()).endsWith(" if it runs in the background.\n")
          .contains("export AWS_SECRET_ACCESS_KEY=").hasLineCount(6);
    }
  }

  @Test
  void serve_byDefault_listensOnLoopbackOnlyAndDoesNotWarn() throws Exception {
    InetAddress other = nonLoopbackAddress().orElse(null);
    assumeTrue(other != null, "this machine has no non-loopback IPv4 address to try");

    try (ServeProcess serve = ServeProcess.start(dir.resolve("out"), dir.resolve("err"),
        "--port", "0", "--in-memory")) {
      int port = serve.endpoint().getPort();

      assertThat(serve.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(get(serve.endpoint() + "/_sandbox/health").statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> new Socket(other, port).close())
          .as("connecting through %s", other).isInstanceOf(ConnectException.class);
      assertThat(serve.err()).isEmpty();
    }
  }

  @Test
  void serve_withANonLoopbackHost_warnsAndKeepsTheAdminApiLocal() throws Exception {
    InetAddress other = nonLoopbackAddress().orElse(null);
    assumeTrue(other != null, "this machine has no non-loopback IPv4 address to try");

    try (ServeProcess serve = ServeProcess.start(dir.resolve("out"), dir.resolve("err"),
        "--host", "0.0.0.0", "--port", "0", "--in-memory")) {
      int port = serve.endpoint().getPort();
      HttpResponse<String> remote = get("http://" + other.getHostAddress() + ":" + port
          + "/_sandbox/credentials");
      HttpResponse<String> local = get("http://127.0.0.1:" + port + "/_sandbox/credentials");

      assertThat(serve.err()).isEqualTo("orgvend: warning: --host 0.0.0.0 is not a loopback"
          + " address: other machines that can reach port " + port + " can call this sandbox's"
          + " AWS API, signed with its keys. The admin API under /_sandbox/ still answers this"
          + " machine only. Leave --host out to listen on 127.0.0.1 only.\n");
      assertThat(remote.statusCode()).isEqualTo(403);
      assertThat(remote.body()).contains("loopback clients only")
          .doesNotContain("secretAccessKey");
      assertThat(local.statusCode()).isEqualTo(200);
      assertThat(local.body()).contains("secretAccessKey");
    }
  }
}
