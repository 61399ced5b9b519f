package dev.orgvend.cli;

import dev.orgvend.core.output.Printable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** The one place where exceptions become messages and exit codes. */
final class ErrorHandler implements IExecutionExceptionHandler {
  private static String hint(String code) {
    return switch (code) {
      case "AWSOrganizationsNotInUseException" -> "\n(the account is not in an organization;"
          + " create one with 'aws organizations create-organization')";
      case "AccessDeniedException", "AccessDenied" -> "\n(orgvend must run with the management"
          + " account's credentials, or a delegated administrator's for read-only commands)";
      default -> "";
    };
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    var err = cmd.getErr();
    if (e instanceof UserError user) {
      err.println("orgvend: " + Printable.of(user.getMessage()));
      return user.exitCode();
    }
    if (e instanceof dev.orgvend.core.aws.AwsCaller.Interrupted) {
      err.println("orgvend: interrupted");
      return ExitCodes.INTERRUPTED;
    }
    if (e instanceof dev.orgvend.core.journal.RunLock.Held
        || e instanceof dev.orgvend.core.journal.Journal.JournalException) {
      err.println("orgvend: " + Printable.of(e.getMessage()));
      return ExitCodes.ERROR;
    }
    if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws) {
      String code = dev.orgvend.core.aws.ErrorKind.code(aws);
      err.println("orgvend: AWS refused the request: " + Printable.of(code) + ": "
          + Printable.of(aws.awsErrorDetails() == null ? aws.getMessage()
              : aws.awsErrorDetails().errorMessage())
          + hint(code));
      return ExitCodes.ERROR;
    }
    if (e instanceof software.amazon.awssdk.core.exception.SdkClientException sdk) {
      err.println("orgvend: cannot talk to AWS: "
          + Printable.of(sdk.getMessage().lines().findFirst().orElse(""))
          + "\n(check credentials with 'aws sts get-caller-identity', or try --sandbox)");
      return ExitCodes.ERROR;
    }
    if (e instanceof IllegalArgumentException) {
      err.println("orgvend: " + Printable.of(e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    err.println("orgvend: unexpected error: " + Printable.of(e));
    if (System.getenv("ORGVEND_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set ORGVEND_DEBUG=1 to see the stack trace)");
    }
    return ExitCodes.ERROR;
  }
}
