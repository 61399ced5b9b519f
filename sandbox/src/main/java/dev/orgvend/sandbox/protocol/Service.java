package dev.orgvend.sandbox.protocol;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An AWS service the sandbox speaks, in one shared form: its signing name and bindings (how
 * requests reach it), how it reports bad input, throttling and server faults, and its operations
 * by name. Each service package builds one from its operation groups and error catalogue.
 *
 * @param signingName the service in a SigV4 credential scope, e.g. {@code organizations}; it also
 *     names the service in request counts and logs
 * @param bindings one per protocol the service answers
 * @param errors the service's answers to trouble the front detects
 * @param operations every operation, by name
 */
public record Service(
    String signingName,
    List<Binding> bindings,
    Errors errors,
    Map<String, Operation> operations) {

  public Service {
    bindings = List.copyOf(bindings);
    operations = Map.copyOf(operations);
  }

  /**
   * The errors a service answers for trouble found outside its operations, taken from its error
   * catalogue.
   *
   * @param rules how bad input becomes the service's validation error
   * @param throttled the error for a caller over a request rate
   * @param internalFailure the error for an injected or unexpected server fault
   */
  public record Errors(
      Params.Rules rules,
      Supplier<AwsException> throttled,
      Supplier<AwsException> internalFailure) {}
}
