package dev.orgvend.cli;

/** A problem the user can fix (bad flag, missing file); printed without a stack trace. */
final class UserError extends RuntimeException {
  private final int exitCode;

  UserError(String message) {
    this(message, ExitCodes.BAD_INPUT);
  }

  UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
