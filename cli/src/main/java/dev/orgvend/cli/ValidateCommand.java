package dev.orgvend.cli;

import dev.orgvend.core.output.Printable;
import dev.orgvend.core.spec.Spec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a spec offline and report every problem with file, line and field.",
        "Exit code 0 when valid, 3 when not.",
        "  orgvend validate -f orgvend.yaml"})
final class ValidateCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec CommandSpec cmd;

  @Option(names = {"-f", "--spec"}, defaultValue = "orgvend.yaml",
      description = "The spec file (default: ${DEFAULT-VALUE}).")
  Path file;

  @Override
  public Integer call() {
    Spec spec = SpecFiles.load(file, cmd.commandLine().getErr());
    cmd.commandLine().getOut().printf("%s is valid: %d OU(s), %d account(s).%n",
        Printable.of(file), spec.organization().ouPaths().size(), spec.accounts().size());
    return ExitCodes.OK;
  }
}
