package dev.orgvend.cli;

import dev.orgvend.core.output.Printable;
import dev.orgvend.core.spec.SpecTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Write a commented starter spec (and its JSON Schema, for editor completion).",
        "  orgvend init [-f orgvend.yaml] [--force]"})
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-f", "--spec"}, defaultValue = "orgvend.yaml",
      description = "Where to write the spec (default: ${DEFAULT-VALUE}).")
  Path file;

  @Option(names = "--force", description = "Overwrite an existing file.")
  boolean force;

  @Override
  public Integer call() {
    if (Files.exists(file) && !force) {
      throw new UserError(file + " already exists; use --force to overwrite it");
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Files.writeString(file, SpecTemplate.text());
      Files.writeString(dir.resolve(SpecTemplate.SCHEMA_FILE_NAME), SpecTemplate.schema());
    } catch (IOException e) {
      throw new UserError("cannot write " + file + ": " + e.getMessage(), ExitCodes.ERROR);
    }
    spec.commandLine().getOut().println("wrote " + Printable.of(file) + " and "
        + SpecTemplate.SCHEMA_FILE_NAME
        + "; edit it, then run: orgvend validate && orgvend plan");
    return ExitCodes.OK;
  }
}
