package dev.orgvend.cli;

import dev.orgvend.core.aws.Permissions;
import dev.orgvend.core.spec.AccountDefaults;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.Spec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    if (memberRole) {
      out.print(Permissions.memberPolicy(readOnly));
    } else {
      out.print(Permissions.policy(readOnly ? baselineRoleNames() : roleNames(), readOnly));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The roles plan and check assume: those of accounts that have a baseline. */
  private List<String> baselineRoleNames() {
    boolean named = cmd.commandLine().getParseResult().hasMatchedOption("--spec");
    if (!named && !Files.exists(file)) {
      return List.of();
    }
    Spec spec = SpecFiles.load(file, cmd.commandLine().getErr());
    return spec.accounts().stream().filter(a -> a.baseline() != null)
        .map(AccountSpec::roleName).distinct().toList();
  }

  private List<String> roleNames() {
    boolean named = cmd.commandLine().getParseResult().hasMatchedOption("--spec");
    if (!named && !Files.exists(file)) {
      // Nothing to read yet (say, before 'orgvend init'): AWS's default role it is.
      return List.of(AccountDefaults.DEFAULT_ROLE_NAME);
    }
    Spec spec = SpecFiles.load(file, cmd.commandLine().getErr());
    List<String> roles = spec.accounts().stream().map(AccountSpec::roleName).distinct().toList();
    return roles.isEmpty() ? List.of(spec.defaults().roleName()) : roles;
  }
}
