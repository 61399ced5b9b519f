package dev.orgvend.cli;

import dev.orgvend.core.output.Printable;
import dev.orgvend.core.imports.SpecImport;
import dev.orgvend.core.spec.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write the live organization down as a spec that plans to no changes.",
        "It holds the OU tree and every member account (name, e-mail, OU path, tags).",
        "  orgvend import -f orgvend.yaml && orgvend plan",
        "  orgvend import -f -                  # print the spec instead",
        "-f names the file to write. Read-only towards AWS."})
final class ImportCommand implements Callable<Integer> {
  private static final Path STDOUT = Path.of("-");

  @picocli.CommandLine.Spec CommandSpec cmd;

  @Mixin EngineOptions options;

  @Option(names = "--force", description = "Overwrite an existing spec file.")
  boolean force;

  @Override
  public Integer call() {
    if (options.output != EngineOptions.Output.text) {
      throw new UserError("import writes YAML; --output does not apply to it");
    }
    boolean toStdout = options.spec.equals(STDOUT);
    if (!toStdout && Files.exists(options.spec) && !force) {
      throw new UserError(options.spec + " already exists; use --force to overwrite it, or"
          + " -f to name another file");
    }
    PrintWriter out = cmd.commandLine().getOut();
    PrintWriter err = cmd.commandLine().getErr();
    // With -f -, stdout carries the spec, so everything said about it goes to stderr.
    PrintWriter talk = toStdout ? err : out;
    SpecImport.Imported imported;
    try (EngineOptions.OpenEngine open = options.openWithoutSpec()) {
      imported = open.engine().importSpec(toStdout ? "(imported spec)" : options.spec.toString());
    } catch (SpecImport.NotRepresentable e) {
      for (Problem p : e.problems()) {
        err.println(Printable.of(p.toString()));
      }
      err.flush();
      throw new UserError("the organization breaks " + e.problems().size() + " rule(s) a spec"
          + " must follow (above); nothing was written. Fix them in AWS, or write the spec"
          + " by hand", ExitCodes.ERROR);
    }
    for (String note : imported.notes()) {
      talk.println("note: " + Printable.of(note));
    }
    if (toStdout) {
      out.print(imported.yaml());
      out.flush();
    } else {
      write(options.spec, imported.yaml());
    }
    talk.printf("%s %s: %d OU(s), %d account(s) of organization %s. Check it with: orgvend plan"
        + " -f %s%n", toStdout ? "printed" : "wrote",
        toStdout ? "the spec" : Printable.of(options.spec),
        imported.spec().organization().ouPaths().size(), imported.spec().accounts().size(),
        Printable.of(imported.organizationId()),
        toStdout ? "<file>" : Printable.of(options.spec));
    talk.flush();
    return ExitCodes.OK;
  }

  private void write(Path file, String text) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      if (force) {
        Files.writeString(file, text);
      } else {
        // CREATE_NEW, not the check above, decides: a file that appeared meanwhile is kept.
        Files.writeString(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
    } catch (FileAlreadyExistsException e) {
      throw new UserError(file + " already exists; use --force to overwrite it");
    } catch (IOException e) {
      throw new UserError("cannot write " + file + ": " + e.getMessage(), ExitCodes.ERROR);
    }
  }
}
