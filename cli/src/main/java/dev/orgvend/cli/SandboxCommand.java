package dev.orgvend.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Run a local, wire-compatible AWS endpoint to rehearse without AWS.",
      "It speaks Organizations, STS, IAM, SNS, CloudWatch and Account; point orgvend, the AWS",
      "CLI or boto3 at it.",
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
