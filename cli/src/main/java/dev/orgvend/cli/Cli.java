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
    return cli;
  }
}
