package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orgvend.sandbox.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Who can reach the sandbox: by default only this machine (it listens on 127.0.0.1); with
 * another address the AWS API is reachable from elsewhere, but the admin API still answers only
 * loopback clients, and never a request a web page made the browser send.
 */
class LoopbackIT {
  /** An IPv4 address of this machine on an interface that is up and not loopback, if any. */
  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : nic.inetAddresses().toList()) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()
            && !address.isLinkLocalAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }

  private record Answer(int status, String body) {}

  /** One HTTP/1.1 GET or POST over a fresh connection to {@code address}, headers as given. */
  private static Answer request(InetAddress address, int port, String method, String path,
      Map<String, String> headers) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 5_000);
      socket.setSoTimeout(10_000);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      int bodyAt = response.indexOf("\r\n\r\n");
      return new Answer(status, bodyAt < 0 ? "" : response.substring(bodyAt + 4));
    }
  }

  private static Map<String, String> host(String host) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", host);
    return headers;
  }

  @Test
  void builder_byDefault_listensOnLoopbackOnly() throws IOException {
    InetAddress other = nonLoopbackAddress().orElse(null);
    assumeTrue(other != null, "this machine has no non-loopback IPv4 address to try");
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      int port = sandbox.endpoint().getPort();

      assertThat(sandbox.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(request(InetAddress.getLoopbackAddress(), port, "GET", "/_sandbox/health",
          host("127.0.0.1:" + port)).status()).isEqualTo(200);
      assertThatThrownBy(() -> new Socket(other, port).close())
          .as("connecting through %s", other).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void adminApi_whenCallerIsNotOnLoopback_refusesButTheAwsApiAnswers() throws IOException {
    InetAddress other = nonLoopbackAddress().orElse(null);
    assumeTrue(other != null, "this machine has no non-loopback IPv4 address to try");
    try (Sandbox sandbox = Sandbox.builder().host("0.0.0.0").port(0).start()) {
      int port = sandbox.endpoint().getPort();
      String secret = sandbox.managementCredentials().secretAccessKey();
      String address = other.getHostAddress() + ":" + port;

      Answer remote = request(other, port, "GET", "/_sandbox/credentials", host(address));
      Answer local = request(InetAddress.getLoopbackAddress(), port, "GET",
          "/_sandbox/credentials", host("127.0.0.1:" + port));

      assertThat(remote.status()).as(remote.body()).isEqualTo(403);
      assertThat(remote.body()).contains("the admin API answers loopback clients only")
          .doesNotContain(secret);
      assertThat(local.status()).isEqualTo(200);
      assertThat(local.body()).contains(secret);
      try (OrganizationsClient orgs = OrganizationsClient.builder()
          .endpointOverride(URI.create("http://" + address)).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
              sandbox.managementCredentials().accessKeyId(), secret))).build()) {
        assertThat(orgs.describeOrganization().organization().masterAccountId())
            .isEqualTo(sandbox.managementCredentials().accountId());
      }
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "Origin, http://attacker.example",
      "Sec-Fetch-Site, cross-site",
      "Sec-Fetch-Site, same-site",
      "Host, attacker.example"})
  void adminApi_whenAWebPageMadeTheRequest_refuses(String header, String value)
      throws IOException {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      int port = sandbox.endpoint().getPort();
      Map<String, String> headers = host("127.0.0.1:" + port);
      headers.put(header, header.equals("Host") ? value + ":" + port : value);

      Answer read = request(InetAddress.getLoopbackAddress(), port, "GET",
          "/_sandbox/credentials", headers);
      Answer reset = request(InetAddress.getLoopbackAddress(), port, "POST", "/_sandbox/reset",
          headers);

      assertThat(read.status()).as(read.body()).isEqualTo(403);
      assertThat(read.body()).doesNotContain(sandbox.managementCredentials().secretAccessKey());
      assertThat(reset.status()).as(reset.body()).isEqualTo(403);
    }
  }

  @ParameterizedTest(name = "Host {0}")
  @CsvSource({"127.0.0.1", "localhost", "LOCALHOST"})
  void adminApi_whenAddressedByLoopbackNameOrTypedIntoTheBrowser_answers(String name)
      throws IOException {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      int port = sandbox.endpoint().getPort();
      Map<String, String> headers = host(name + ":" + port);
      headers.put("Sec-Fetch-Site", "none");

      Answer answer = request(InetAddress.getLoopbackAddress(), port, "GET", "/_sandbox/health",
          headers);

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
  }
}
