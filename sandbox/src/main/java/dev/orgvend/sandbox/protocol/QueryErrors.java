package dev.orgvend.sandbox.protocol;

import java.util.Locale;

/**
 * Errors shared by the awsQuery services that report bad input as {@code ValidationError}
 * (STS, IAM, CloudFormation) and the generic server-side failures of Query services.
 */
public final class QueryErrors {
  private QueryErrors() {}

  /**
   * {@code ValidationError} in the "1 validation error detected" form. Member names are shown in
   * lower camel case, as these services do.
   */
  public static final Params.Rules VALIDATION_ERROR =
      v -> AwsException.of("ValidationError", 400, validationMessage(v));

  public static String validationMessage(Params.Violation v) {
    String member = lowerCamel(v.member());
    String value = v.value() == null ? "null" : "'" + v.value() + "'";
    return "1 validation error detected: Value " + value + " at '" + member
        + "' failed to satisfy constraint: Member must " + v.constraint();
  }

  public static String lowerCamel(String member) {
    if (member.isEmpty()) {
      return member;
    }
    return member.substring(0, 1).toLowerCase(Locale.ROOT) + member.substring(1);
  }

  /** The answers of a Query service that has no catalogue of its own (STS). */
  public static final Service.Errors ANSWERS = new Service.Errors(VALIDATION_ERROR,
      QueryErrors::throttling, QueryErrors::internalFailure);

  public static AwsException throttling() {
    return AwsException.of("Throttling", 400, "Rate exceeded");
  }

  public static AwsException internalFailure() {
    return AwsException.of("InternalFailure", 500,
        "The request processing has failed because of an unknown error, exception or failure.");
  }
}
