package dev.orgvend.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** The one place where exceptions become messages and exit codes. */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    var err = cmd.getErr();
    if (e instanceof UserError user) {
      err.println("orgvend: " + user.getMessage());
      return user.exitCode();
    }
    if (e instanceof IllegalArgumentException) {
      err.println("orgvend: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    err.println("orgvend: unexpected error: " + e);
    if (System.getenv("ORGVEND_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set ORGVEND_DEBUG=1 to see the stack trace)");
    }
    return ExitCodes.ERROR;
  }
}
