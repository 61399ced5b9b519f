package dev.orgvend.bench;

import dev.orgvend.core.apply.Progress;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.baseline.ComponentRegistry;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.check.ReportSet;
import dev.orgvend.core.engine.ApplyRequest;
import dev.orgvend.core.engine.ApplyResult;
import dev.orgvend.core.engine.ApplyRun;
import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.engine.SweepResult;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code orgvend check} on fleets of 100, 1,000 and 5,000 accounts in proportionate OU trees
 * (see {@link OrgShape}), each account with the billingAlarm baseline in place (one in twenty
 * then loses its alarm), checked with the sandbox adding a fixed latency to every answer. Prints
 * accounts per second for the whole check (organization read included) and for the
 * member-account sweep alone, calls per account, peak heap and the heap kept. Reports (JUnit,
 * HTML) are written as in {@code check --junit --html}.
 */
final class CheckBench {
  static final String NAME = "check";
  static final String BASELINE = "billingAlarm: {email: finance@example.com}";

  private CheckBench() {}

  static Report run(String[] argv) throws Exception {
    Args args = Args.parse(argv, Set.of("--accounts", "--latency-ms", "--parallel", "--json"),
        Set.of("--in-memory"));
    int[] sizes = args.integers("--accounts", 100, 1000, 5000);
    Duration latency = Duration.ofMillis(args.integer("--latency-ms", 20));
    int[] parallel = args.integers("--parallel", 16);
    boolean inMemory = args.flag("--in-memory");
    Report report = Report.create(NAME, "Fleet check: every account's OU, tags and baseline",
        argv)
        .setting("accounts", sizes).setting("latencyMs", latency.toMillis())
        .setting("parallel", parallel).setting("store", inMemory ? "memory" : "sqlite")
        .setting("baseline", BASELINE).setting("drifted", "one account in twenty")
        .column("accounts", "accounts", "%d").column("parallel", "parallel", "%d")
        .column("totalSeconds", "total s", "%.1f").column("accountsPerSecond", "acct/s", "%.0f")
        .column("sweepAccountsPerSecond", "sweep acct/s", "%.0f")
        .column("callsPerAccount", "calls/acct", "%.1f")
        .column("peakHeapMiB", "peak MiB", "%.0f").column("liveHeapGrowthMiB", "+live MiB", "%.1f")
        .column("drifted", "drifted", "%d");
    report.note("sweep acct/s leaves out the organization read; +live MiB is the growth of the"
        + " heap that survives collection during the check (in-process sandbox included).");
    ComponentRegistry registry = ComponentRegistry.standard();
    for (int size : sizes) {
      OrgShape shape = OrgShape.of(size);
      Spec spec = shape.spec(registry, BASELINE);
      SandboxSettings settings = SandboxSettings.defaults()
          .withQuotas(SandboxSettings.OverQuota.SYNC, size + 100, 5);
      Path dir = Harness.tempDir("orgvend-check-bench");
      try (Sandbox sandbox = Harness.sandbox(settings, inMemory)) {
        long setup = System.nanoTime();
        OrgShape.Seeded seeded = shape.seed(sandbox);
        setUp(sandbox, spec, seeded.accountIds());
        Results.progress("check: %d accounts seeded and baselined in %.1f s", size,
            Harness.seconds(setup));
        sandbox.updateSettings(s -> s.withFaults(latency, 0, 0));
        if (size == sizes[0]) {
          // One unmeasured check first, so that class loading and JIT warm-up are not counted.
          run(null, sandbox, spec, parallel[0], dir);
        }
        for (int p : parallel) {
          run(report, sandbox, spec, p, dir);
        }
      }
    }
    return report;
  }

  /** One check, as {@code orgvend check --junit --html} runs it; a row unless report is null. */
  private static void run(Report report, Sandbox sandbox, Spec spec, int parallel, Path dir) {
    MemoryProbe memory = MemoryProbe.start();
    AfterGcHeap retained = AfterGcHeap.start();
    try (Engine engine = Engine.start(Harness.engine(sandbox, RateTable.unlimited())
        .parallel(parallel).build())) {
      // The text report prints only what needs attention; here it goes nowhere.
      SweepResult sweep = engine.check(spec, "bench.yaml", new ReportSet.Options(
          new PrintWriter(Writer.nullWriter()), false, dir.resolve("check.xml"),
          dir.resolve("check.html"), worst -> 0));
      double total = sweep.elapsed().toNanos() / 1e9;
      double sweepOnly = sweep.elapsed().minus(sweep.reading()).toNanos() / 1e9;
      int n = spec.accounts().size();
      if (report == null) {
        return;
      }
      Map<String, Object> row = report.row();
      row.put("accounts", n);
      row.put("parallel", parallel);
      row.put("totalSeconds", Harness.round(total, 2));
      row.put("accountsPerSecond", Harness.round(n / total, 1));
      row.put("sweepAccountsPerSecond", Harness.round(n / sweepOnly, 1));
      row.put("callsPerAccount", Harness.round(engine.stats().total() / (double) n, 2));
      row.put("peakHeapMiB", Harness.mib(memory.stop()));
      row.put("liveHeapGrowthMiB", Harness.mib(retained.stop()));
      row.put("drifted", sweep.summary().count(Status.DRIFTED));
      row.put("callsByOperation", engine.stats().callsByOperation());
      row.put("errorsByCode", engine.stats().errorsByCode());
      Results.progress("check: %d accounts, parallel %d: %.1f s, %.0f accounts/s", n, parallel,
          total, n / total);
    }
  }

  /**
   * Growth of the heap that survives garbage collection while the check runs: the largest
   * after-GC heap seen, less the after-GC heap at the start. Peak heap alone mostly measures
   * how long the collector waited; this is what the check (and the in-process sandbox) keep.
   */
  private static final class AfterGcHeap {
    private final long base;
    private volatile long max;
    private volatile boolean stopped;

    private AfterGcHeap() {
      System.gc();
      this.base = afterGc();
      this.max = base;
      Thread sampler = new Thread(() -> {
        while (!stopped) {
          max = Math.max(max, afterGc());
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "after-gc-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    static AfterGcHeap start() {
      return new AfterGcHeap();
    }

    long stop() {
      stopped = true;
      return Math.max(0, max - base);
    }

    private static long afterGc() {
      long used = 0;
      for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
        var after = pool.getCollectionUsage();
        if (pool.getType() == java.lang.management.MemoryType.HEAP && after != null) {
          used += after.getUsed();
        }
      }
      return used;
    }
  }

  /**
   * Brings every account's baseline to the spec with {@code orgvend apply} (the plan lists an
   * ApplyBaseline change for each), then deletes one alarm in twenty from inside its account.
   */
  private static void setUp(Sandbox sandbox, Spec spec, List<String> ids) {
    try (Engine engine = Engine.start(Harness.engine(sandbox, RateTable.unlimited()).build());
        ApplyRun run = engine.startApply(ApplyRequest.of(spec, Path.of("bench.yaml")),
            Progress.silent())) {
      if (!(run.apply() instanceof ApplyResult.Finished done) || done.failed() > 0) {
        throw new IllegalStateException("setting up the baselines failed");
      }
    }
    for (int i = 0; i < ids.size(); i += 20) {
      deleteAlarm(sandbox, ids.get(i));
    }
  }

  private static void deleteAlarm(Sandbox sandbox, String accountId) {
    var keys = sandbox.managementCredentials();
    Credentials c;
    try (StsClient sts = StsClient.builder().endpointOverride(sandbox.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()))).build()) {
      c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId
          + ":role/OrganizationAccountAccessRole").roleSessionName("drift")).credentials();
    }
    try (CloudWatchClient cw = CloudWatchClient.builder().endpointOverride(sandbox.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
            c.accessKeyId(), c.secretAccessKey(), c.sessionToken()))).build()) {
      cw.deleteAlarms(r -> r.alarmNames("DefaultBillingAlarm"));
    }
  }
}
