package dev.orgvend.cli;

import dev.orgvend.core.engine.Failure;
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
    Failure failure = Failure.of(e);
    if (failure instanceof Failure.Interrupted) {
      err.println("orgvend: interrupted");
      return ExitCodes.INTERRUPTED;
    }
    if (failure instanceof Failure.Refused refused) {
      err.println("orgvend: " + Printable.of(refused.message()));
      return ExitCodes.ERROR;
    }
    if (failure instanceof Failure.AwsError aws) {
      err.println("orgvend: AWS refused the request: " + Printable.of(aws.code()) + ": "
          + Printable.of(aws.message()) + hint(aws.code()));
      return ExitCodes.ERROR;
    }
    if (failure instanceof Failure.Unreachable unreachable) {
      err.println("orgvend: cannot talk to AWS: " + Printable.of(unreachable.message())
          + "\n(check credentials with 'aws sts get-caller-identity', or try --sandbox)");
      return ExitCodes.ERROR;
    }
    if (failure instanceof Failure.BadInput bad) {
      err.println("orgvend: " + Printable.of(bad.message()));
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
