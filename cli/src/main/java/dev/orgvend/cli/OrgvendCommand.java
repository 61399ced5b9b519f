package dev.orgvend.cli;

import picocli.CommandLine.Command;

/** The root command; its subcommands are the whole command tree. */
@Command(
    name = "orgvend",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Account vending for AWS Organizations: spec, plan, apply, check.",
    subcommands = {InitCommand.class, ValidateCommand.class, PlanCommand.class,
      ApplyCommand.class, CheckCommand.class, ImportCommand.class, HistoryCommand.class,
      PermissionsCommand.class, PolicyCommand.class, SandboxCommand.class},
    footer = {
      "",
      "Exit codes: 0 success / no changes, 1 error, 2 changes pending or drift found,",
      "            3 bad input (spec, flags), 130 interrupted."
    })
final class OrgvendCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
