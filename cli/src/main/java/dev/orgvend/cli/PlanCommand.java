package dev.orgvend.cli;

import dev.orgvend.core.plan.OrganizationLimits;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.PlanJson;
import dev.orgvend.core.plan.PlanText;
import dev.orgvend.core.spec.Spec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Show what apply would change: the spec compared with the live organization.",
        "Read-only. Exit code 0 = no changes, 2 = changes, 1 = error (including a plan that",
        "does not fit the organization's quotas), 3 = bad spec.",
        "  orgvend plan [--sandbox | --profile NAME] [--out plan.json]"})
final class PlanCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec CommandSpec cmd;

  @Mixin EngineOptions options;

  @Mixin LimitOptions limits;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Also save the plan as JSON, for 'orgvend apply FILE'.")
  Path out;

  @Override
  public Integer call() {
    Spec spec = SpecFiles.load(options.spec, cmd.commandLine().getErr());
    OrganizationLimits quotas = limits.resolve();
    PrintWriter stdout = cmd.commandLine().getOut();
    try (EngineOptions.OpenEngine open = options.open(spec, quotas)) {
      Plan plan = open.engine().plan(spec);
      if (out != null) {
        try {
          Files.writeString(out, PlanJson.write(plan));
        } catch (IOException e) {
          throw new UserError("cannot write " + out + ": " + e.getMessage(), ExitCodes.ERROR);
        }
      }
      stdout.print(options.output == EngineOptions.Output.json ? PlanJson.write(plan)
          : PlanText.render(plan));
      if (out != null && options.output == EngineOptions.Output.text) {
        stdout.println("Saved to " + out + "; apply it with: orgvend apply " + out);
      }
      stdout.flush();
      if (plan.hasErrors()) {
        return ExitCodes.ERROR;
      }
      return plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
  }
}
