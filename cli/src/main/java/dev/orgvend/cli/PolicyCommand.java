package dev.orgvend.cli;

import dev.orgvend.policy.Problem;
import dev.orgvend.policy.Severity;
import dev.orgvend.policy.Text;
import dev.orgvend.policy.catalogue.ActionCatalogue;
import dev.orgvend.policy.lint.PolicyLinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "policy", mixinStandardHelpOptions = true,
    description = {"Work with service control policies offline.",
        "  orgvend policy lint scp/*.json"})
final class PolicyCommand implements Runnable {
  /** Far above any SCP (10,240 characters); a bigger file is not read at all. */
  private static final int MAX_FILE_BYTES = 1 << 20;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "lint", mixinStandardHelpOptions = true,
      description = {"Check SCP documents: grammar, size, unknown actions (from the IAM"
          + " catalogue), conditions, and statements that lock accounts out.",
          "Problems are printed as file:line:column: severity: message; what to do [rule].",
          "Exit code 0 when no file has an error or warning, 3 otherwise.",
          "  orgvend policy lint scp/region-deny.json scp/guardrails.json"})
  int lint(@Parameters(arity = "1..*", paramLabel = "FILE",
      description = "Policy documents (JSON).") List<Path> files) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PolicyLinter linter = PolicyLinter.create(ActionCatalogue.standard());
    int problems = 0;
    int filesWithProblems = 0;
    for (Path file : files) {
      String name = file.toString();
      List<Problem> found;
      try {
        found = linter.lint(name, read(file));
      } catch (UserError e) {
        err.println(Text.printable(name) + ": " + e.getMessage());
        problems++;
        filesWithProblems++;
        continue;
      }
      long counted = found.stream().filter(p -> p.severity() != Severity.NOTE).count();
      found.forEach(err::println);
      if (counted == 0) {
        out.println(Text.printable(name) + ": no problems");
      } else {
        problems += (int) counted;
        filesWithProblems++;
      }
    }
    out.flush();
    err.flush();
    if (problems > 0) {
      throw new UserError(problems + " problem(s) in " + filesWithProblems + " of " + files.size()
          + " file(s)");
    }
    return ExitCodes.OK;
  }

  private static String read(Path file) {
    // A named pipe would block the read for ever, a device never end: refused unopened.
    String special = dev.orgvend.core.spec.InputFiles.notRegular(file);
    if (special != null) {
      throw new UserError(special + "; a policy must be a regular file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file");
    } catch (IOException e) {
      throw new UserError("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new UserError("over 1 MiB, far too big for a service control policy (at most"
          + " 10,240 characters); not read");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new UserError("is not UTF-8 text; save the policy as UTF-8 JSON");
    }
  }
}
