package dev.orgvend.sandbox.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Protocol;
import dev.orgvend.sandbox.protocol.QueryErrors;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.wire.WireRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing by protocol, without a server: which operation a request names, or why none. */
class RoutesTest {
  private static final Binding.AwsJson JSON =
      new Binding.AwsJson("ExampleV1", Protocol.AWS_JSON_1_1, false);
  private static final Binding.AwsQuery QUERY =
      new Binding.AwsQuery("2020-01-01", "https://example.amazonaws.com/doc/2020-01-01/");
  private static final Binding.RestJson REST = new Binding.RestJson(
      List.of(new Binding.Route("POST", "/putThing", "PutThing")));

  private static Service service(String name, Binding... bindings) {
    return new Service(name, List.of(bindings), QueryErrors.ANSWERS,
        Map.of("DescribeThing", call -> null, "PutThing", call -> null));
  }

  private static final Routes ROUTES = Routes.of(List.of(service("example", JSON, QUERY),
      service("rest", REST)));

  private static WireRequest request(String method, String path, String query, String body,
      String... headers) {
    Map<String, List<String>> map = new HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], List.of(headers[i + 1]));
    }
    return new WireRequest(method, path, path, query, "localhost", map,
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static AwsException refusal(WireRequest request) {
    try {
      ROUTES.route(request);
    } catch (Unroutable e) {
      return e.error();
    }
    throw new AssertionError("routed " + request);
  }

  @Test
  void route_whenTargetHeaderNamesAService_reachesItsJsonBinding() {
    Routed routed = ROUTES.route(request("POST", "/", null, "{\"Name\":\"a\"}",
        "x-amz-target", "ExampleV1.DescribeThing",
        "content-type", "application/x-amz-json-1.1"));

    assertThat(routed.service().signingName()).isEqualTo("example");
    assertThat(routed.binding()).isEqualTo(JSON);
    assertThat(routed.operation()).isEqualTo("DescribeThing");
    assertThat(routed.input().path("Name").asText()).isEqualTo("a");
  }

  @Test
  void route_whenFormNamesActionAndVersion_reachesTheQueryBindingOfTheSameService() {
    Routed routed = ROUTES.route(request("POST", "/", null,
        "Action=DescribeThing&Version=2020-01-01&Tags.member.1.Key=k",
        "content-type", "application/x-www-form-urlencoded"));

    assertThat(routed.service().signingName()).isEqualTo("example");
    assertThat(routed.protocol()).isEqualTo(Protocol.AWS_QUERY);
    assertThat(routed.input().path("Tags").path(0).path("Key").asText()).isEqualTo("k");
  }

  @Test
  void route_whenMethodAndPathAreARestRoute_reachesTheRestBinding() {
    Routed routed = ROUTES.route(request("POST", "/putThing", null, "{}",
        "content-type", "application/json"));

    assertThat(routed.service().signingName()).isEqualTo("rest");
    assertThat(routed.operation()).isEqualTo("PutThing");
  }

  @Test
  void route_whenNothingNamesAnOperation_refusesWith404InTheGuessedProtocol() {
    WireRequest plain = request("GET", "/", null, "");

    assertThat(refusal(plain).status()).isEqualTo(404);
    assertThat(Routes.guessProtocol(plain)).isEqualTo(Protocol.AWS_QUERY);
  }

  @Test
  void route_whenAmzJsonHasNoTarget_refusesBeforeReadingItAsAForm() {
    AwsException e = refusal(request("POST", "/", "Action=DescribeThing&Version=2020-01-01",
        "{}", "content-type", "application/x-amz-json-1.0"));

    assertThat(e.code()).isEqualTo("UnknownOperationException");
    assertThat(e.status()).isEqualTo(400);
  }

  @Test
  void route_whenJsonBodyIsNotAnObject_refusesWithSerializationException() {
    assertThat(refusal(request("POST", "/", null, "[1]", "x-amz-target",
        "ExampleV1.DescribeThing", "content-type", "application/x-amz-json-1.1")).code())
        .isEqualTo("SerializationException");
  }

  @Test
  void of_whenTwoServicesClaimOneTarget_refusesToStart() {
    assertThatThrownBy(() -> Routes.of(List.of(service("a", JSON), service("b", JSON))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ExampleV1");
  }
}
