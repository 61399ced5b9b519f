package dev.orgvend.core.engine;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.ErrorKind;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.journal.RunLock;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What an error that ended an engine call means, decided once here so that every front end
 * (the command line today) turns it into the same message and exit status. Messages carry AWS's
 * error code and message, never a request.
 */
public sealed interface Failure {
  /** Ctrl-C (an interrupt) stopped the work at a safe point; the journal is consistent. */
  record Interrupted() implements Failure {}

  /**
   * orgvend would not go on and changed nothing: another run holds the journal, the journal
   * cannot be used, a saved plan no longer applies. The message says what to do.
   */
  record Refused(String message) implements Failure {}

  /** AWS answered with an error that retrying did not cure. */
  record AwsError(String code, String message) implements Failure {}

  /** AWS could not be reached, or no credentials were found; the first line of the cause. */
  record Unreachable(String message) implements Failure {}

  /** An input turned out to be unusable only when it was used. */
  record BadInput(String message) implements Failure {}

  /** Anything else: a bug. */
  record Unexpected(Throwable error) implements Failure {}

  /** Classifies an error thrown out of the engine. */
  static Failure of(Throwable error) {
    if (error instanceof AwsCaller.Interrupted) {
      return new Interrupted();
    }
    if (error instanceof Refusal || error instanceof RunLock.Held
        || error instanceof Journal.JournalException) {
      return new Refused(error.getMessage());
    }
    if (error instanceof AwsServiceException aws) {
      return new AwsError(ErrorKind.code(aws), aws.awsErrorDetails() == null ? aws.getMessage()
          : aws.awsErrorDetails().errorMessage());
    }
    if (error instanceof SdkClientException sdk) {
      return new Unreachable(String.valueOf(sdk.getMessage()).lines().findFirst().orElse(""));
    }
    if (error instanceof IllegalArgumentException) {
      return new BadInput(error.getMessage());
    }
    return new Unexpected(error);
  }
}
