package dev.orgvend.sandbox.cloudwatch;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.protocol.QueryErrors;

/**
 * The CloudWatch error catalogue. CloudWatch is query-compatible: Query clients see the model's
 * error code ({@code LimitExceeded}), JSON clients the shape name ({@code LimitExceededFault})
 * in {@code __type} plus the code in {@code x-amzn-query-error}. Both come from here.
 *
 * <p>Missing members are {@code MissingParameter}; other broken constraints (length, range,
 * enum, list size) are the framework's {@code ValidationError}; CloudWatch's own rules are {@code
 * InvalidParameterValue} or {@code InvalidParameterCombination}.
 */
final class CloudWatchErrors {
  private CloudWatchErrors() {}

  static final Params.Rules RULES = v -> v.kind() == Params.Kind.MISSING
      ? missingParameter(v.member())
      : AwsException.queryCompatible("ValidationError", "ValidationException", 400,
          QueryErrors.validationMessage(v));

  /** What the front answers for this service when throttling or faulting it. */
  static final Service.Errors ANSWERS = new Service.Errors(RULES,
      CloudWatchErrors::throttling, CloudWatchErrors::internalServiceError);

  static AwsException missingParameter(String member) {
    return AwsException.queryCompatible("MissingParameter", "MissingRequiredParameterException",
        400, "The parameter " + member + " is required.");
  }

  static AwsException invalidValue(String message) {
    return AwsException.queryCompatible("InvalidParameterValue", "InvalidParameterValueException",
        400, message);
  }

  static AwsException invalidCombination(String message) {
    return AwsException.queryCompatible("InvalidParameterCombination",
        "InvalidParameterCombinationException", 400, message);
  }

  static AwsException alarmLimitExceeded(int limit) {
    return AwsException.queryCompatible("LimitExceeded", "LimitExceededFault", 400,
        "The maximum number of alarms (" + limit + ") in this account and Region is reached.");
  }

  /** The model's {@code ResourceNotFound} shape (code and shape name are the same). */
  static AwsException alarmsNotFound(String names) {
    return AwsException.queryCompatible("ResourceNotFound", "ResourceNotFound", 404,
        "Alarms not found: " + names);
  }

  static AwsException invalidNextToken() {
    return AwsException.queryCompatible("InvalidNextToken", "InvalidNextToken", 400,
        "The NextToken is not valid.");
  }

  static AwsException invalidFormat(String message) {
    return AwsException.queryCompatible("InvalidFormat", "InvalidFormatFault", 400, message);
  }

  static AwsException throttling() {
    return AwsException.queryCompatible("Throttling", "ThrottlingException", 400, "Rate exceeded");
  }

  static AwsException internalServiceError() {
    return AwsException.queryCompatible("InternalServiceError", "InternalServiceFault", 500,
        "Internal service error.");
  }
}
