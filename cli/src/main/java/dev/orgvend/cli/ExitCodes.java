package dev.orgvend.cli;

/** The exit codes orgvend promises to scripts and CI. */
final class ExitCodes {
  static final int OK = 0;
  static final int ERROR = 1;
  static final int CHANGES = 2;
  static final int BAD_INPUT = 3;
  static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
