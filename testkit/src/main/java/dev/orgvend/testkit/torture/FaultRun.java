package dev.orgvend.testkit.torture;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One apply of the torture spec against a sandbox that misbehaves: {@code orgvend sandbox serve}
 * as its own process, with injected throttling, server errors, dropped connections and slow
 * answers, and, if asked, stopped and started again on the same state while apply runs (SIGKILL
 * and SIGTERM in turn). Apply must ride it out through its retries, or fail cleanly so that a
 * rerun finishes; then, with the faults switched off, {@link Verification} must pass.
 */
public final class FaultRun {
  /**
   * What the sandbox does wrong.
   *
   * @param name for the report
   * @param throttleRate share of requests throttled
   * @param faultRate share answered with a 5xx
   * @param dropRate share whose connection is dropped (before or after the operation)
   * @param slowRate share answered {@code slowLatency} late
   * @param restarts how often the sandbox is stopped and started again during the applies
   */
  public record Scenario(String name, double throttleRate, double faultRate, double dropRate,
      double slowRate, Duration slowLatency, int restarts) {
    /** Whether a request AWS carried out may have lost its answer (so a retry repeats it). */
    boolean answersMayBeLost() {
      return dropRate > 0 || restarts > 0;
    }

    List<String> flags(Duration createDelay) {
      return List.of("--create-delay", createDelay.toMillis() + "ms",
          "--throttle-rate", String.valueOf(throttleRate), "--fault-rate",
          String.valueOf(faultRate), "--drop-rate", String.valueOf(dropRate),
          "--slow-rate", String.valueOf(slowRate), "--slow-latency",
          slowLatency.toMillis() + "ms");
    }
  }

  /**
   * How it went.
   *
   * @param applyExits the exit code of each apply, in order (the last one 0 if it finished)
   * @param apiErrors errors apply's calls met and retried or reported, over all applies
   * @param restartsDuringApply restarts that happened while an apply was running
   */
  public record Result(Scenario scenario, List<Integer> applyExits, long apiCalls,
      long apiErrors, int restartsDuringApply, Verification.Outcome outcome, Duration took) {
    public List<String> violations() {
      List<String> out = new ArrayList<>(outcome.violations());
      if (applyExits.isEmpty() || applyExits.get(applyExits.size() - 1) != 0) {
        out.add("apply did not finish in " + applyExits.size() + " run(s): exits " + applyExits);
      }
      return out;
    }
  }

  private static final Pattern SUMMARY = Pattern.compile(
      "\"event\":\"summary\".*\"apiCalls\":\"(\\d+)\".*\"apiErrors\":\"(\\d+)\""
          + "|\"event\":\"summary\".*\"apiErrors\":\"(\\d+)\".*\"apiCalls\":\"(\\d+)\"");

  private final Path jar;
  private final Path workDir;
  private final int accounts;
  private final Duration createDelay;
  private final int maxApplies;
  private final Random random;

  /**
   * @param workDir this run's own directory (spec, journal, logs, sandbox state)
   * @param maxApplies applies allowed before giving up (the first included)
   */
  public FaultRun(Path jar, Path workDir, int accounts, Duration createDelay, int maxApplies,
      long seed) {
    this.jar = jar;
    this.workDir = workDir;
    this.accounts = accounts;
    this.createDelay = createDelay;
    this.maxApplies = maxApplies;
    this.random = new Random(seed);
  }

  public Result run(Scenario scenario) throws InterruptedException {
    long started = System.nanoTime();
    TortureSpec spec = TortureSpec.of("fault", accounts);
    spec.writeTo(workDir);
    try (SandboxProcess sandbox = SandboxProcess.start(jar, workDir.resolve("sandbox"),
        scenario.flags(createDelay))) {
      PackagedCli cli = new PackagedCli(jar, workDir, sandbox.access())
          .runLimit(Duration.ofMinutes(30));
      List<Integer> exits = new ArrayList<>();
      long calls = 0;
      long errors = 0;
      int restartsLeft = scenario.restarts();
      int duringApply = 0;
      while (exits.size() < maxApplies) {
        PackagedCli.Running run = cli.start("apply", "--yes", "-o", "json");
        while (restartsLeft > 0 && run.alive()) {
          RunMoment moment = restartMoment();
          if (!moment.awaitIn(run)) {
            break;
          }
          // Odd restarts kill the server outright, even ones stop it as Ctrl-C would.
          boolean hard = (scenario.restarts() - restartsLeft) % 2 == 0;
          sandbox.stop(hard);
          boolean applyAlive = run.alive();
          Thread.sleep(300 + random.nextInt(2200));
          sandbox.restart();
          cli.retarget(sandbox.access());
          restartsLeft--;
          if (applyAlive) {
            duringApply++;
          }
        }
        PackagedCli.Result result = run.awaitExit();
        exits.add(result.exit());
        Matcher m = SUMMARY.matcher(result.output());
        if (m.find()) {
          calls += Long.parseLong(m.group(1) != null ? m.group(1) : m.group(4));
          errors += Long.parseLong(m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (result.exit() == 0) {
          break;
        }
      }
      sandbox.settings("{\"throttleRate\": 0, \"faultRate\": 0, \"dropRate\": 0,"
          + " \"slowRate\": 0}");
      Verification.Outcome outcome = Verification.check(cli, sandbox.access(), spec,
          scenario.answersMayBeLost(), List.of());
      return new Result(scenario, exits, calls, errors, duringApply, outcome,
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** While creations are in flight, or while accounts are being finished. */
  private RunMoment restartMoment() {
    return switch (random.nextInt(3)) {
      case 0 -> new RunMoment("account-requested", 1 + random.nextInt(3), random.nextInt(1500));
      case 1 -> new RunMoment("account-created", 1 + random.nextInt(4), random.nextInt(500));
      default -> new RunMoment("account-usable", 1 + random.nextInt(3), random.nextInt(500));
    };
  }
}
