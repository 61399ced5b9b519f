package dev.orgvend.cli;

import dev.orgvend.core.output.Printable;
import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.check.CheckListener;
import dev.orgvend.core.check.CheckSummary;
import dev.orgvend.core.check.FleetChecker;
import dev.orgvend.core.check.HtmlReport;
import dev.orgvend.core.check.JournalFindings;
import dev.orgvend.core.check.JsonReport;
import dev.orgvend.core.check.JunitReport;
import dev.orgvend.core.check.TextReport;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.spec.Spec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    try (Engine engine = Engine.open(options, spec)) {
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
        return loop(engine, spec, interval);
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
    int done = 0;
    while (true) {
      Instant started = engine.clock.instant();
      int code;
      if (interval == null) {
        code = sweep(engine, spec);
      } else {
        try {
          code = sweep(engine, spec);
        } catch (AwsCaller.Interrupted e) {
          throw e;
        } catch (RuntimeException e) {
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
      Duration wait = interval.minus(Duration.between(started, engine.clock.instant()));
      if (!wait.isNegative()) {
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AwsCaller.Interrupted();
        }
      }
    }
  }

  private int sweep(Engine engine, Spec spec) {
    Journal journal = engine.journal();
    Instant started = engine.clock.instant();
    LiveOrganization live;
    try {
      live = Planning.read(engine, spec);
    } catch (RuntimeException e) {
      if (!(e instanceof AwsCaller.Interrupted)) {
        long runId = journal.startRun("check", options.spec.toString(), null);
        journal.finishRun(runId, Journal.RunStatus.FAILED, "could not read the organization: "
            + e.getMessage());
      }
      throw e;
    }
    long runId = journal.startRun("check", options.spec.toString(), live.id());
    PrintWriter out = cmd.commandLine().getOut();
    boolean json = options.output == EngineOptions.Output.json;
    TextReport text = json ? null : new TextReport(out);
    JsonReport jsonReport = json ? new JsonReport(out, live.id(), started) : null;
    try (JournalFindings recorded = new JournalFindings(journal, runId);
        JunitReport junitReport = junit == null ? null : new JunitReport(junit);
        HtmlReport htmlReport = html == null ? null : new HtmlReport(html)) {
      List<CheckListener> listeners = new ArrayList<>();
      listeners.add(recorded);
      listeners.add(json ? jsonReport : text);
      if (junitReport != null) {
        listeners.add(junitReport);
      }
      if (htmlReport != null) {
        listeners.add(htmlReport);
      }
      CheckSummary summary = new FleetChecker(engine.baselineRunner, engine.baselines,
          engine.pool, engine.parallel).check(spec, live, CheckListener.all(listeners));
      Duration elapsed = Duration.between(started, engine.clock.instant());
      int code = exitCode(summary.worst());
      if (junitReport != null) {
        junitReport.finish(elapsed);
      }
      if (htmlReport != null) {
        htmlReport.finish(summary, live.id(), started, elapsed);
      }
      if (json) {
        jsonReport.finish(summary, elapsed, code);
      } else {
        text.finish(summary, elapsed);
      }
      recorded.close();
      journal.finishRun(runId, code == ExitCodes.OK ? Journal.RunStatus.SUCCEEDED
          : code == ExitCodes.CHANGES ? Journal.RunStatus.DRIFTED : Journal.RunStatus.FAILED,
          summary.line());
      return code;
    } catch (AwsCaller.Interrupted e) {
      journal.finishRun(runId, Journal.RunStatus.INTERRUPTED, "interrupted");
      throw e;
    } catch (RuntimeException e) {
      journal.finishRun(runId, Journal.RunStatus.FAILED, "failed: " + e.getMessage());
      throw e;
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
