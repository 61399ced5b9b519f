package dev.orgvend.sandbox.sns;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.protocol.QueryErrors;

/**
 * The SNS error catalogue. SNS reports every kind of bad input as {@code InvalidParameter}
 * (model shape {@code InvalidParameterException}); only the message says what was wrong.
 */
final class SnsErrors {
  private SnsErrors() {}

  static final Params.Rules RULES =
      v -> AwsException.of("InvalidParameter", 400, QueryErrors.validationMessage(v));

  /** What the front answers for this service when throttling or faulting it. */
  static final Service.Errors ANSWERS = new Service.Errors(RULES,
      SnsErrors::throttled, SnsErrors::internalError);

  /** {@code Invalid parameter: <what>}, the form SNS uses for its own checks. */
  static AwsException invalidParameter(String what) {
    return AwsException.of("InvalidParameter", 400, "Invalid parameter: " + what);
  }

  static AwsException invalidAttributes(String reason) {
    return invalidParameter("Attributes Reason: " + reason);
  }

  static AwsException topicNotFound() {
    return AwsException.of("NotFound", 404, "Topic does not exist");
  }

  static AwsException subscriptionNotFound() {
    return AwsException.of("NotFound", 404, "Subscription does not exist");
  }

  static AwsException notAuthorized(String callerArn, String action, String resource) {
    return AwsException.of("AuthorizationError", 403, "User: " + callerArn
        + " is not authorized to perform: SNS:" + action + " on resource: " + resource);
  }

  static AwsException topicLimitExceeded() {
    return AwsException.of("TopicLimitExceeded", 403, "Topic limit exceeded");
  }

  static AwsException throttled() {
    return AwsException.of("Throttled", 429, "Rate exceeded");
  }

  static AwsException internalError() {
    return AwsException.of("InternalError", 500, "Internal Error");
  }
}
