package dev.orgvend.cli;

import dev.orgvend.core.output.Printable;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.check.ReportSet;
import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.engine.Failure;
import dev.orgvend.core.spec.Spec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compare every account of the spec with AWS: its OU, its tags and every",
        "component of its baseline. Read-only. An account orgvend cannot enter (role missing,",
        "access denied) is a finding, not a failure. Each sweep is recorded in the journal.",
        "  orgvend check --html fleet.html --junit fleet.xml",
        "  orgvend check --every 6h             # keep checking; 'orgvend history' shows drift",
        "Exit code 0 = compliant, 2 = drift or unreachable accounts, 1 = error, 3 = bad input,",
        "130 = interrupted."})
final class CheckCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec CommandSpec cmd;

  @Mixin EngineOptions options;

  @Option(names = "--junit", paramLabel = "FILE",
      description = "Also write JUnit XML: one test case per account and component.")
  Path junit;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained"
      + " HTML report: the organization tree by status and a filterable results table.")
  Path html;

  @Option(names = "--every", paramLabel = "DURATION", description = "Keep checking, one sweep"
      + " per DURATION (e.g. 6h, 30m), until interrupted or --sweeps is reached.")
  String every;

  @Option(names = "--sweeps", paramLabel = "N", description = "With --every, stop after N"
      + " sweeps (default: never).")
  Integer sweeps;

  @Override
  public Integer call() {
    Spec spec = SpecFiles.load(options.spec, cmd.commandLine().getErr());
    Duration interval = interval();
    try (EngineOptions.OpenEngine open = options.open(spec)) {
      Thread main = Thread.currentThread();
      CountDownLatch finished = new CountDownLatch(1);
      Thread onCtrlC = new Thread(() -> {
        main.interrupt();
        try {
          finished.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
          // exiting anyway
        }
      }, "orgvend-interrupt");
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      try {
        return loop(open.engine(), spec, interval);
      } finally {
        finished.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(onCtrlC);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is already exiting because of Ctrl-C
        }
      }
    }
  }

  private int loop(Engine engine, Spec spec, Duration interval) {
    ReportSet.Options reports = new ReportSet.Options(cmd.commandLine().getOut(),
        options.output == EngineOptions.Output.json, junit, html, CheckCommand::exitCode);
    int done = 0;
    while (true) {
      long started = engine.ticker().nanoTime();
      int code;
      if (interval == null) {
        code = exitCode(engine.check(spec, options.spec.toString(), reports).summary().worst());
      } else {
        try {
          code = exitCode(engine.check(spec, options.spec.toString(), reports).summary().worst());
        } catch (RuntimeException e) {
          if (Failure.of(e) instanceof Failure.Interrupted) {
            throw e;
          }
          // One failed sweep (AWS unreachable for a while) must not end a long-running check.
          cmd.commandLine().getErr().println("orgvend: sweep failed: "
              + Printable.of(e.getMessage()) + "; trying again at the next sweep");
          cmd.commandLine().getErr().flush();
          code = ExitCodes.ERROR;
        }
      }
      done++;
      if (interval == null || (sweeps != null && done >= sweeps)) {
        return code;
      }
      Duration wait = interval.minusNanos(engine.ticker().nanoTime() - started);
      if (!wait.isNegative()) {
        engine.pause(wait);
      }
    }
  }

  static int exitCode(Status worst) {
    return switch (worst) {
      case COMPLIANT, NOTICE -> ExitCodes.OK;
      case DRIFTED, UNREACHABLE -> ExitCodes.CHANGES;
      case ERROR -> ExitCodes.ERROR;
    };
  }

  private Duration interval() {
    if (sweeps != null && (every == null || sweeps < 1)) {
      throw new UserError(every == null ? "--sweeps needs --every" : "--sweeps takes 1 or more");
    }
    if (every == null) {
      return null;
    }
    try {
      Duration d = Durations.parse(every);
      if (d.isZero()) {
        throw new IllegalArgumentException("--every must be longer than 0");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new UserError("--every: " + e.getMessage());
    }
  }
}
