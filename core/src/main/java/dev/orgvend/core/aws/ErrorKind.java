package dev.orgvend.core.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * How orgvend treats a failed AWS call, decided once, by error code (never by message text).
 */
public enum ErrorKind {
  /** The caller went too fast: slow down and try again. */
  THROTTLED,
  /** Someone else is changing the same thing (ConcurrentModificationException): try again. */
  CONFLICT,
  /** A server fault or a network problem: try again. */
  TRANSIENT,
  /** Anything else: retrying will not help. */
  TERMINAL;

  private static final Set<String> THROTTLING = Set.of(
      "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException",
      "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException",
      "ProvisionedThroughputExceededException", "SlowDown", "BandwidthLimitExceeded",
      "PriorRequestNotComplete");
  private static final Set<String> TRANSIENT_CODES = Set.of(
      "ServiceException", "InternalFailure", "InternalError", "ServiceUnavailable",
      "RequestTimeout", "RequestTimeoutException", "InternalServerException");

  public boolean retryable() {
    return this != TERMINAL;
  }

  public static ErrorKind of(Throwable error) {
    if (error instanceof AwsServiceException aws) {
      String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
      if (code != null && THROTTLING.contains(code)) {
        return THROTTLED;
      }
      if ("ConcurrentModificationException".equals(code)) {
        return CONFLICT;
      }
      if ((code != null && TRANSIENT_CODES.contains(code)) || aws.statusCode() >= 500) {
        return TRANSIENT;
      }
      if (aws.statusCode() == 429) {
        return THROTTLED;
      }
      return TERMINAL;
    }
    if (error instanceof SdkClientException) {
      for (Throwable t = error; t != null; t = t.getCause()) {
        if (t instanceof IOException || t instanceof UncheckedIOException) {
          return TRANSIENT;
        }
      }
      return TERMINAL;
    }
    return TERMINAL;
  }

  /** The AWS error code of a service error, or the exception's simple name otherwise. */
  public static String code(Throwable error) {
    if (error instanceof AwsServiceException aws && aws.awsErrorDetails() != null
        && aws.awsErrorDetails().errorCode() != null) {
      return aws.awsErrorDetails().errorCode();
    }
    return error.getClass().getSimpleName();
  }
}
