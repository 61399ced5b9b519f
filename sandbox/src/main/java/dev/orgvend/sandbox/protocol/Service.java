package dev.orgvend.sandbox.protocol;

import java.util.List;
import java.util.Map;

/**
 * An AWS service the sandbox speaks: how requests for it are recognised on the wire, how its
 * errors look, and its operations by name.
 */
public interface Service {

  /**
   * Wire facts about a service: a {@code jsonTargetPrefix} (awsJson), a {@code queryVersion}
   * (awsQuery, possibly alongside JSON for query-compatible services) or {@code restRoutes}
   * (restJson1, where the method and path name the operation).
   */
  record Wire(
      String signingName,
      String jsonTargetPrefix,
      String jsonVersion,
      String queryVersion,
      String xmlNamespace,
      boolean queryCompatible,
      List<Route> restRoutes) {

    public Wire {
      restRoutes = List.copyOf(restRoutes);
    }

    /** A service without REST routes (awsJson and awsQuery services). */
    public Wire(String signingName, String jsonTargetPrefix, String jsonVersion,
        String queryVersion, String xmlNamespace, boolean queryCompatible) {
      this(signingName, jsonTargetPrefix, jsonVersion, queryVersion, xmlNamespace,
          queryCompatible, List.of());
    }

    /** A restJson1 service, recognised only by the routes of its operations. */
    public static Wire restJson(String signingName, List<Route> routes) {
      return new Wire(signingName, null, null, null, null, false, routes);
    }
  }

  /**
   * One restJson1 operation's HTTP binding, e.g. {@code POST /putAlternateContact}. The path is
   * matched exactly; none of the services the sandbox speaks puts labels in its paths.
   */
  record Route(String method, String path, String operation) {}

  Wire wire();

  /** The rules that turn bad input into this service's validation errors. */
  Params.Rules rules();

  /** The error this service answers when a caller exceeds a request rate. */
  AwsException throttled(String operation);

  /** The error this service answers for an injected or unexpected server fault. */
  AwsException internalFailure();

  Map<String, Operation> operations();
}
