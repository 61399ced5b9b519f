package dev.orgvend.core.baseline;

import dev.orgvend.core.aws.ErrorKind;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an AWS error met inside a member account into a finding, by error code. */
final class Failures {
  /** The codes AWS services use for "you may not do this" (IAM, STS, SNS, Account, EC2). */
  private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException",
      "AuthorizationError", "UnauthorizedOperation", "RegionDisabledException");

  /** What to do about errors whose code alone says what went wrong. */
  private static final java.util.Map<String, String> ADVICE = java.util.Map.of(
      "EntityAlreadyExists", "; account aliases are unique across all of AWS, so another"
          + " account may hold this one: choose another");

  private Failures() {}

  static boolean denied(SdkException e) {
    return e instanceof AwsServiceException aws
        && (DENIED.contains(ErrorKind.code(aws)) || aws.statusCode() == 403);
  }

  /** A finding for a component whose read or change failed. */
  static Finding finding(String component, SdkException e, String doing) {
    String detail = ErrorKind.code(e) + ": " + message(e);
    if (denied(e)) {
      return new Finding(component, Status.UNREACHABLE, component, "access denied while trying"
          + " to " + doing + " it (" + detail + "); check the member role's permissions and the"
          + " SCPs on the account's OUs", null, null);
    }
    return new Finding(component, Status.ERROR, component, "could not " + doing + " it ("
        + detail + ")" + ADVICE.getOrDefault(ErrorKind.code(e), "")
        + (ErrorKind.of(e).retryable() ? "; AWS kept failing after retries, try"
            + " again later" : ""), null, null);
  }

  /** A finding for an account whose member role could not be assumed. */
  static Finding unreachable(String component, String roleName, SdkException e) {
    String detail = ErrorKind.code(e) + ": " + message(e);
    if (denied(e)) {
      return new Finding(component, Status.UNREACHABLE, "role " + roleName, "cannot assume role "
          + roleName + " (" + detail + "); the role may be missing, renamed, or no longer trust"
          + " the management account", null, null);
    }
    return new Finding(component, Status.ERROR, "role " + roleName, "could not assume role "
        + roleName + " (" + detail + ")", null, null);
  }

  static String message(SdkException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
        && aws.awsErrorDetails().errorMessage() != null) {
      return aws.awsErrorDetails().errorMessage();
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }
}
