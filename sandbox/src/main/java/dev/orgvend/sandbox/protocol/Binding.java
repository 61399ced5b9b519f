package dev.orgvend.sandbox.protocol;

import java.util.List;

/**
 * How one service is reached through one protocol. A service has one binding per protocol it
 * answers (CloudWatch has two: awsQuery and query-compatible awsJson 1.0), and each router
 * indexes the bindings of its protocol. Services coming later add their kinds here (S3's
 * restXml routes, EC2's query version) together with a router and a renderer.
 */
public sealed interface Binding {

  /** The protocol requests arrive in through this binding. */
  Protocol protocol();

  /**
   * awsJson: {@code X-Amz-Target: <targetPrefix>.<Operation>}.
   *
   * @param protocol {@link Protocol#AWS_JSON_1_0} or {@link Protocol#AWS_JSON_1_1}
   * @param queryCompatible the service also speaks awsQuery, so JSON errors carry the Query code
   *     in {@code x-amzn-query-error}
   */
  record AwsJson(String targetPrefix, Protocol protocol, boolean queryCompatible)
      implements Binding {
    public AwsJson {
      if (protocol != Protocol.AWS_JSON_1_0 && protocol != Protocol.AWS_JSON_1_1) {
        throw new IllegalArgumentException("not an awsJson protocol: " + protocol);
      }
    }
  }

  /** awsQuery: {@code Action=<Operation>&Version=<version>}; answers in {@code xmlNamespace}. */
  record AwsQuery(String version, String xmlNamespace) implements Binding {
    @Override
    public Protocol protocol() {
      return Protocol.AWS_QUERY;
    }
  }

  /** restJson1: each operation has its own method and path. */
  record RestJson(List<Route> routes) implements Binding {
    public RestJson {
      routes = List.copyOf(routes);
    }

    @Override
    public Protocol protocol() {
      return Protocol.REST_JSON_1;
    }
  }

  /**
   * One restJson1 operation's HTTP binding, e.g. {@code POST /putAlternateContact}. The path is
   * matched exactly; none of the services the sandbox speaks puts labels in its paths.
   */
  record Route(String method, String path, String operation) {}
}
