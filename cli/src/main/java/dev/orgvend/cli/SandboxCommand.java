package dev.orgvend.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "A local, wire-compatible endpoint for the AWS APIs orgvend uses (Organizations, STS, IAM,",
      "SNS, CloudWatch). Point orgvend, the AWS CLI or boto3 at it to rehearse without AWS.",
      "  orgvend sandbox serve        then, in another shell: eval \"$(orgvend sandbox credentials)\""
    },
    subcommands = {SandboxServeCommand.class, SandboxCredentialsCommand.class})
final class SandboxCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
