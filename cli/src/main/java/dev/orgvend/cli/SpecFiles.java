package dev.orgvend.cli;

import dev.orgvend.core.engine.Engine;
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
      err.println(p);
    }
    err.flush();
    throw new UserError(invalid.problems().size() + " problem(s) in " + file
        + "; nothing was sent to AWS");
  }
}
