package dev.orgvend.cli;

import picocli.CommandLine;

/** Builds the command tree with the shared converters and the one exception-to-exit-code mapper. */
public final class Cli {
  private Cli() {}

  public static CommandLine create() {
    CommandLine cli = new CommandLine(new OrgvendCommand());
    cli.registerConverter(java.time.Duration.class, Durations::parse);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpAutoWidth(true);
    badInputExitsWith(cli, ExitCodes.BAD_INPUT);
    return cli;
  }

  /**
   * picocli answers an unknown option or a bad option value with its own USAGE code, 2, which is
   * orgvend's "changes pending": a script would take a typo for a plan with changes.
   */
  private static void badInputExitsWith(CommandLine command, int code) {
    command.getCommandSpec().exitCodeOnInvalidInput(code);
    command.getSubcommands().values().forEach(sub -> badInputExitsWith(sub, code));
  }
}
