package dev.orgvend.sandbox.protocol;

import java.util.Map;

/**
 * An AWS service the sandbox speaks: how requests for it are recognised on the wire, how its
 * errors look, and its operations by name.
 */
public interface Service {

  /** Wire facts about a service. Either {@code jsonTargetPrefix} or {@code queryVersion} (or both). */
  record Wire(
      String signingName,
      String jsonTargetPrefix,
      String jsonVersion,
      String queryVersion,
      String xmlNamespace,
      boolean queryCompatible) {}

  Wire wire();

  /** The rules that turn bad input into this service's validation errors. */
  Params.Rules rules();

  /** The error this service answers when a caller exceeds a request rate. */
  AwsException throttled(String operation);

  /** The error this service answers for an injected or unexpected server fault. */
  AwsException internalFailure();

  Map<String, Operation> operations();
}
