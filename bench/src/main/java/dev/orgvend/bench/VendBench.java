package dev.orgvend.bench;

import dev.orgvend.core.apply.Progress;
import dev.orgvend.core.aws.CallStats;
import dev.orgvend.core.aws.Rate;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.engine.ApplyRequest;
import dev.orgvend.core.engine.ApplyResult;
import dev.orgvend.core.engine.ApplyRun;
import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.spec.Settings;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Vending N accounts against the sandbox with a creation delay, the in-flight quota and a
 * CreateAccount rate limit, side by side in one run: orgvend ({@code apply}: read, plan, create
 * within the quota, move, tag, check usable, apply the billing-alarm baseline), the seed
 * article's loop ({@link SeedLoop}: one account at a time, same SDK, same baseline), and the
 * lower bound the sandbox settings imply. Each contender gets a fresh sandbox with the same
 * settings.
 */
final class VendBench {
  static final String NAME = "vend";
  static final String ORGVEND = "orgvend";
  static final String SEED = "seed loop";
  static final String BOUND = "lower bound";
  /** The seed article polls the creation status every five seconds. */
  static final Duration SEED_POLL = Duration.ofSeconds(5);
  static final String BILLING_EMAIL = "finance@example.com";

  private VendBench() {}

  static Report run(String[] argv) throws Exception {
    Args args = Args.parse(argv, Set.of("--accounts", "--delay", "--rate", "--in-flight",
        "--seed-max", "--json"), Set.of());
    int[] sizes = args.integers("--accounts", 10, 50, 200);
    Duration delay = args.duration("--delay", Duration.ofSeconds(8));
    Rate rate = Rate.parse(args.text("--rate", "1:3"));
    int inFlight = args.integer("--in-flight", 5);
    if (inFlight < 1 || inFlight > Settings.MAX_CONCURRENCY) {
      throw new IllegalArgumentException("--in-flight takes 1 to " + Settings.MAX_CONCURRENCY
          + " (AWS's quota of account creations in progress); got " + inFlight);
    }
    int seedMax = args.integer("--seed-max", Integer.MAX_VALUE);

    Report report = Report.create(NAME, "Vending: N accounts with the billing-alarm baseline",
        argv)
        .setting("accounts", sizes).setting("creationDelaySeconds", delay.toMillis() / 1000.0)
        .setting("createAccountRate", rate.perSecond()).setting("createAccountBurst", rate.burst())
        .setting("inFlight", inFlight).setting("seedPollSeconds", SEED_POLL.toSeconds())
        .setting("seedLoopUpTo", seedMax == Integer.MAX_VALUE ? null : seedMax)
        .column("accounts", "accounts", "%d").column("contender", "contender", "%s")
        .column("wallSeconds", "wall s", "%.1f").column("timesBound", "x bound", "%.3f")
        .column("seedSpeedup", "seed / this", "%.2f")
        .column("callsPerAccount", "calls/acct", "%.1f").column("throttled", "throttled", "%d")
        .column("peakHeapMiB", "peak MiB", "%.0f").column("failed", "failed", "%d");
    report.note("lower bound: the earliest the last creation can finish when every CreateAccount"
        + " is sent the moment both the in-flight quota and the rate limit allow (a greedy"
        + " schedule, optimal for identical jobs); nothing else is counted.");
    report.note(String.format(Locale.ROOT, "the seed loop needs about %.0f s per account (the"
        + " first %d s poll after the %s creation delay), so no tool can be more than seed / bound"
        + " faster.", pollRounded(delay), SEED_POLL.toSeconds(), pretty(delay)));
    report.note("orgvend also creates five OUs and moves each account into one; the seed loop"
        + " leaves accounts in the root.");

    for (int n : sizes) {
      double bound = lowerBound(n, delay, rate, inFlight);
      Result orgvend = runOrgvend(n, delay, rate, inFlight);
      Map<String, Object> orgvendRow = addRow(report, n, ORGVEND, orgvend, bound);
      Result seed = n <= seedMax ? SeedLoop.run(n, delay, rate, inFlight, SEED_POLL) : null;
      double seedSeconds = seed != null ? seed.seconds() : Double.NaN;
      if (seed != null) {
        orgvendRow.put("seedSpeedup", Harness.round(seedSeconds / orgvend.seconds(), 3));
        addRow(report, n, SEED, seed, bound).put("seedSpeedup", 1.0);
      }
      Map<String, Object> row = report.row();
      row.put("accounts", n);
      row.put("contender", BOUND);
      row.put("wallSeconds", Harness.round(bound, 2));
      row.put("timesBound", 1.0);
      row.put("seedSpeedup", seed == null ? null : Harness.round(seedSeconds / bound, 3));
    }
    acceptance(report, sizes);
    return report;
  }

  /** What one contender did: wall time, calls, errors, peak heap, accounts that failed. */
  record Result(double seconds, CallStats stats, long peakBytes, int failed) {
    long throttled() {
      return stats.errorsByCode().getOrDefault("TooManyRequestsException", 0L);
    }
  }

  /** A contender's row; the seed loop's time over this one is filled in once it is known. */
  private static Map<String, Object> addRow(Report report, int n, String contender, Result r,
      double bound) {
    Map<String, Object> row = report.row();
    row.put("accounts", n);
    row.put("contender", contender);
    row.put("wallSeconds", Harness.round(r.seconds(), 2));
    row.put("timesBound", Harness.round(r.seconds() / bound, 3));
    row.put("seedSpeedup", null);
    row.put("callsPerAccount", Harness.round(r.stats().total() / (double) n, 2));
    row.put("throttled", r.throttled());
    row.put("peakHeapMiB", Harness.mib(r.peakBytes()));
    row.put("failed", r.failed());
    row.put("callsByOperation", r.stats().callsByOperation());
    row.put("errorsByCode", r.stats().errorsByCode());
    Results.progress("vend: %d accounts, %s: %.1f s (%.3f x the %.1f s bound), %.1f calls per"
        + " account", n, contender, r.seconds(), r.seconds() / bound, bound,
        r.stats().total() / (double) n);
    return row;
  }

  /** The target at 50 accounts: at least 5x the seed loop, within 1.10x of the bound. */
  private static void acceptance(Report report, int[] sizes) {
    Map<String, Object> orgvend = find(report, 50, ORGVEND);
    if (orgvend == null || orgvend.get("seedSpeedup") == null) {
      return;
    }
    double speedup = ((Number) orgvend.get("seedSpeedup")).doubleValue();
    double times = ((Number) orgvend.get("timesBound")).doubleValue();
    boolean met = speedup >= 5 && times <= 1.10;
    report.setting("acceptance50", Map.of("seedSpeedup", speedup, "timesBound", times,
        "met", met));
    report.note(String.format(Locale.ROOT, "acceptance at 50 accounts: orgvend is %.2fx faster"
        + " than the seed loop (target >= 5) and %.3fx the lower bound (target <= 1.10): %s",
        speedup, times, met ? "met" : "NOT met"));
  }

  private static Map<String, Object> find(Report report, int n, String contender) {
    for (Map<String, Object> row : report.rows()) {
      if (((Number) row.get("accounts")).intValue() == n && contender.equals(row.get("contender"))) {
        return row;
      }
    }
    return null;
  }

  /** Seconds the seed loop spends per account: the creation delay rounded up to its polls. */
  static double pollRounded(Duration delay) {
    long poll = SEED_POLL.toMillis();
    return Math.max(1, (delay.toMillis() + poll - 1) / poll) * poll / 1000.0;
  }

  private static String pretty(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The earliest the last account can be done: greedy submission under both limits. */
  static double lowerBound(int n, Duration delay, Rate rate, int inFlight) {
    double d = delay.toMillis() / 1000.0;
    double tokens = rate.burst();
    double t = 0;
    double[] slotFree = new double[inFlight];
    double last = 0;
    for (int i = 0; i < n; i++) {
      int slot = 0;
      for (int s = 1; s < inFlight; s++) {
        if (slotFree[s] < slotFree[slot]) {
          slot = s;
        }
      }
      double start = Math.max(t, slotFree[slot]);
      tokens = Math.min(rate.burst(), tokens + (start - t) * rate.perSecond());
      if (tokens < 1) {
        start += (1 - tokens) / rate.perSecond();
        tokens = 1;
      }
      tokens -= 1;
      t = start;
      slotFree[slot] = start + d;
      last = Math.max(last, start + d);
    }
    return last;
  }

  /** A sandbox with the benchmark's settings: only CreateAccount is throttled. */
  static Sandbox sandbox(Duration delay, Rate rate, int inFlight) {
    SandboxSettings settings = SandboxSettings.defaults().withCreateAccountDelay(delay)
        .withThrottling(SandboxSettings.Throttling.OFF, Map.of("CreateAccount",
            new SandboxSettings.Rate(rate.perSecond(), rate.burst())))
        .withQuotas(SandboxSettings.OverQuota.SYNC, 100_000, inFlight);
    return Harness.sandbox(settings, false);
  }

  /** {@code orgvend apply} as the CLI runs it, told the sandbox's CreateAccount rate. */
  private static Result runOrgvend(int n, Duration delay, Rate rate, int inFlight) {
    Spec spec = spec(n, inFlight);
    MemoryProbe memory = MemoryProbe.start();
    try (Sandbox sandbox = sandbox(delay, rate, inFlight);
        Engine engine = Engine.start(Harness.engine(sandbox, RateTable.unlimited()
            .with(Map.of("CreateAccount", rate))).sessionName("orgvend-bench").build())) {
      long started = System.nanoTime();
      ApplyResult result;
      try (ApplyRun run = engine.startApply(ApplyRequest.of(spec, Path.of("bench.yaml")),
          Progress.silent())) {
        result = run.apply();
      }
      double seconds = Harness.seconds(started);
      if (!(result instanceof ApplyResult.Finished finished)) {
        throw new IllegalStateException("the vending run was interrupted");
      }
      return new Result(seconds, engine.stats(), memory.stop(), (int) finished.failed());
    }
  }

  /**
   * N accounts spread over five OUs, each with the billing alarm the seed loop sets up, created
   * {@code inFlight} at a time.
   */
  static Spec spec(int n, int inFlight) {
    StringBuilder yaml = new StringBuilder("version: 1\nsettings: {concurrency: " + inFlight
        + "}\ndefaults: {baseline: billing}\n"
        + "baselines:\n  billing:\n    billingAlarm: {email: " + BILLING_EMAIL + "}\n"
        + "organization:\n  units:\n");
    for (int u = 0; u < 5; u++) {
      yaml.append("    - name: Unit").append(u).append('\n');
    }
    yaml.append("accounts:\n");
    for (int i = 0; i < n; i++) {
      yaml.append("  - {name: bench-").append(i).append(", email: bench-").append(i)
          .append("@example.com, ou: Unit").append(i % 5).append("}\n");
    }
    SpecResult result = Engine.specLoader().parse("bench.yaml", yaml.toString());
    if (result instanceof SpecResult.Valid valid) {
      return valid.spec();
    }
    throw new IllegalStateException("generated spec is invalid: " + result);
  }
}
