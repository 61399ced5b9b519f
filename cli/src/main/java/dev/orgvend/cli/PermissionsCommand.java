package dev.orgvend.cli;

import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.spec.AccountDefaults;
import dev.orgvend.core.spec.Spec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

@Command(name = "permissions", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print the least-privilege IAM policy that plan and apply need.",
        "The policy is JSON; sts:AssumeRole is limited to the member roles the spec names.",
        "  orgvend permissions > orgvend-policy.json",
        "  orgvend permissions --read-only      # enough for plan, check and import",
        "  orgvend permissions --member-role    # for member roles that are not administrators"})
final class PermissionsCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec CommandSpec cmd;

  @Option(names = {"-f", "--spec"}, defaultValue = "orgvend.yaml",
      description = "The spec whose member roles apply assumes (default: ${DEFAULT-VALUE};"
          + " without one, " + AccountDefaults.DEFAULT_ROLE_NAME + ").")
  Path file;

  @Option(names = "--read-only", description = "Only what plan and check need: no changes;"
      + " member roles only when the spec has baselines to read.")
  boolean readOnly;

  @Option(names = "--member-role", description = "Instead, the policy the member role needs"
      + " for the baseline components (with --read-only: for check).")
  boolean memberRole;

  @Override
  public Integer call() {
    PrintWriter out = cmd.commandLine().getOut();
    out.print(memberRole ? Engine.memberPermissions(readOnly)
        : Engine.permissions(specIfAny(), readOnly));
    out.flush();
    return ExitCodes.OK;
  }

  /** The spec, if one was named or the default one exists (before 'orgvend init' it does not). */
  private Spec specIfAny() {
    boolean named = cmd.commandLine().getParseResult().hasMatchedOption("--spec");
    if (!named && !Files.exists(file)) {
      return null;
    }
    return SpecFiles.load(file, cmd.commandLine().getErr());
  }
}
