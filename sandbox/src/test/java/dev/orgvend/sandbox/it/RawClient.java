package dev.orgvend.sandbox.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Sends hand-built requests, signed by the AWS SDK's own SigV4 signer, for the cases the typed
 * clients cannot produce: malformed bodies, wrong scopes, skewed clocks, protocols SDK 2.40.2 does
 * not speak.
 */
final class RawClient {
  /** One connection pool per client: tests that shorten the sandbox's timeouts get fresh ones. */
  private final HttpClient http = HttpClient.newHttpClient();

  record Response(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final URI endpoint;
  private final AwsCredentialsIdentity credentials;

  RawClient(URI endpoint, String accessKeyId, String secret) {
    this.endpoint = endpoint;
    this.credentials = AwsBasicCredentials.create(accessKeyId, secret);
  }

  Response json(String service, String target, String contentType, String body) {
    return send(service, "us-east-1", Clock.systemUTC(),
        Map.of("Content-Type", contentType, "X-Amz-Target", target), body, true);
  }

  Response query(String service, String body) {
    return send(service, "us-east-1", Clock.systemUTC(),
        Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), body, true);
  }

  /** A restJson1 request: {@code method path} with a JSON body, as the Account API takes. */
  Response rest(String service, String method, String path, String body) {
    return send(service, "us-east-1", Clock.systemUTC(), method, path,
        Map.of("Content-Type", "application/json"), body, true);
  }

  /** A request signed for {@code service}/{@code region} at the time {@code clock} gives. */
  Response send(String service, String region, Clock clock, Map<String, String> headers,
      String body, boolean sign) {
    return send(service, region, clock, "POST", "/", headers, body, sign);
  }

  /** As above, with any method and path. */
  Response send(String service, String region, Clock clock, String method, String path,
      Map<String, String> headers, String body, boolean sign) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest.Builder request = SdkHttpRequest.builder()
        .method(SdkHttpMethod.fromValue(method))
        .uri(endpoint.resolve(path))
        .putHeader("Host", endpoint.getHost() + ":" + endpoint.getPort());
    headers.forEach(request::putHeader);
    SdkHttpRequest unsigned = request.build();
    SdkHttpRequest toSend = unsigned;
    if (sign) {
      SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
          .identity(credentials)
          .request(unsigned)
          .payload(ContentStreamProvider.fromByteArray(bytes))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
          .putProperty(AwsV4HttpSigner.REGION_NAME, region)
          .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
      toSend = signed.request();
    }
    HttpRequest.Builder outgoing = HttpRequest.newBuilder(endpoint.resolve(path))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    toSend.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        values.forEach(v -> outgoing.header(name, v));
      }
    });
    try {
      HttpResponse<String> response = http.send(outgoing.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), new LinkedHashMap<>(response.headers().map()),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
