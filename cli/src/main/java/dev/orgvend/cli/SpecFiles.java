package dev.orgvend.cli;

import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.output.Printable;
import dev.orgvend.core.spec.Problem;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecResult;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Loads a spec for a command, printing every problem and failing with the bad-input code. */
final class SpecFiles {
  private SpecFiles() {}

  static Spec load(Path file, PrintWriter err) {
    SpecResult result = Engine.loadSpec(file);
    if (result instanceof SpecResult.Valid valid) {
      return valid.spec();
    }
    SpecResult.Invalid invalid = (SpecResult.Invalid) result;
    for (Problem p : invalid.problems()) {
      // Problems quote values escaped already; the file name is as the user typed it.
      err.println(Printable.of(p.toString()));
    }
    err.flush();
    throw new UserError(invalid.problems().size() + " problem(s) in " + file
        + "; nothing was sent to AWS");
  }
}
