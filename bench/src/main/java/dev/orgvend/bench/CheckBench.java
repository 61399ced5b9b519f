package dev.orgvend.bench;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.baseline.Baseline;
import dev.orgvend.core.baseline.BaselineRunner;
import dev.orgvend.core.baseline.ComponentRegistry;
import dev.orgvend.core.baseline.MemberClients;
import dev.orgvend.core.baseline.StepLog;
import dev.orgvend.core.check.CheckListener;
import dev.orgvend.core.check.CheckSummary;
import dev.orgvend.core.check.FleetChecker;
import dev.orgvend.core.check.HtmlReport;
import dev.orgvend.core.check.JunitReport;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.live.OrganizationReader;
import dev.orgvend.core.session.MemberSessions;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code orgvend check} on a large fleet: N sandbox accounts, each with the billingAlarm
 * baseline in place (one in twenty then loses its alarm), checked with the sandbox adding a
 * fixed latency to every answer. Prints accounts per second for the whole check (organization
 * read included) and for the member-account sweep alone, calls per account, and peak heap, for
 * a smaller and the full fleet so that memory growth with fleet size shows. Reports (JUnit,
 * HTML) are written as in {@code check --junit --html}.
 */
final class CheckBench {
  private CheckBench() {}

  static void main(String[] args) throws Exception {
    int accounts = 1000;
    Duration latency = Duration.ofMillis(20);
    int[] parallel = {16, 32};
    boolean inMemory = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--accounts" -> accounts = Integer.parseInt(args[++i]);
        case "--latency-ms" -> latency = Duration.ofMillis(Long.parseLong(args[++i]));
        case "--parallel" -> parallel = Arrays.stream(args[++i].split(","))
            .mapToInt(Integer::parseInt).toArray();
        case "--in-memory" -> inMemory = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("orgvend-check-bench");
    SandboxSettings settings = SandboxSettings.defaults().withCreateAccountDelay(Duration.ZERO)
        .withQuotas(SandboxSettings.OverQuota.SYNC, accounts + 10, 1000);
    Sandbox.Builder builder = Sandbox.builder().port(0).settings(settings);
    if (!inMemory) {
      builder.dataDir(dir.resolve("sandbox"));
    }
    ComponentRegistry registry = ComponentRegistry.standard();
    Spec full = spec(accounts, registry);
    try (Sandbox sandbox = builder.start(); AwsClients clients = VendBench.clients(sandbox)) {
      System.out.printf("check bench: %d accounts with the billingAlarm baseline, %d ms latency"
          + " per answer, store=%s, %d cores%n", accounts, latency.toMillis(),
          inMemory ? "memory" : "sqlite", Runtime.getRuntime().availableProcessors());
      long setup = System.nanoTime();
      setUp(sandbox, clients, full, registry);
      System.out.printf("setup: %d accounts created and baselined in %.1f s%n", accounts,
          (System.nanoTime() - setup) / 1e9);
      Duration added = latency;
      sandbox.updateSettings(s -> s.withFaults(added, 0, 0));

      System.out.printf("%8s %9s %10s %10s %10s %11s %9s %9s %8s%n", "accounts", "parallel",
          "total s", "acct/s", "sweep a/s", "calls/acct", "peak MiB", "+live MiB", "drifted");
      int small = Math.max(1, accounts / 4);
      for (int p : parallel) {
        run(clients, spec(small, registry), registry, p, dir);
        run(clients, full, registry, p, dir);
      }
    }
  }

  private static void run(AwsClients clients, Spec spec, ComponentRegistry registry,
      int parallel, Path dir) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(16, parallel + 4));
    AwsCaller caller = AwsCaller.standard(RateTable.unlimited());
    Map<String, Baseline> baselines = registry.compile(spec);
    Set<String> emails = spec.accounts().stream().map(a -> a.email().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    MemoryProbe memory = MemoryProbe.start();
    AfterGcHeap retained = AfterGcHeap.start();
    long started = System.nanoTime();
    try (MemberClients members = new MemberClients(clients);
        JunitReport junit = new JunitReport(dir.resolve("check.xml"));
        HtmlReport html = new HtmlReport(dir.resolve("check.html"))) {
      LiveOrganization live = new OrganizationReader(clients.organizations(), caller, pool)
          .read(a -> emails.contains(a.email().toLowerCase(Locale.ROOT)));
      long swept = System.nanoTime();
      BaselineRunner runner = new BaselineRunner(new MemberSessions(clients, caller, "bench",
          Clock.systemUTC()), members, caller, parallel);
      CheckSummary summary = new FleetChecker(runner, baselines, pool, parallel)
          .check(spec, live, CheckListener.all(List.of(junit, html)));
      long ended = System.nanoTime();
      Duration elapsed = Duration.ofNanos(ended - started);
      junit.finish(elapsed);
      html.finish(summary, live.id(), Instant.now(), elapsed);
      double total = (ended - started) / 1e9;
      double sweep = (ended - swept) / 1e9;
      int n = spec.accounts().size();
      System.out.printf("%8d %9d %10.1f %10.0f %10.0f %11.1f %9.0f %9.1f %8d%n", n, parallel,
          total, n / total, n / sweep, caller.stats().total() / (double) n,
          memory.stop() / 1048576.0, retained.stop() / 1048576.0,
          summary.count(dev.orgvend.core.baseline.Status.DRIFTED));
    } finally {
      pool.shutdownNow();
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

  /** Creates the accounts, applies their baseline, and removes one alarm in twenty. */
  private static void setUp(Sandbox sandbox, AwsClients clients, Spec spec,
      ComponentRegistry registry) throws Exception {
    var orgs = clients.organizations();
    for (AccountSpec a : spec.accounts()) {
      orgs.createAccount(r -> r.accountName(a.name()).email(a.email()));
    }
    List<String> ids = new ArrayList<>();
    orgs.listAccountsPaginator().stream().flatMap(p -> p.accounts().stream())
        .filter(a -> a.email().startsWith("bench-")).forEach(a -> ids.add(a.id()));
    if (ids.size() != spec.accounts().size()) {
      throw new IllegalStateException("created " + ids.size() + " of "
          + spec.accounts().size() + " accounts");
    }
    AwsCaller caller = AwsCaller.standard(RateTable.unlimited());
    Baseline baseline = registry.compile(spec).get("std");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (MemberClients members = new MemberClients(clients)) {
      BaselineRunner runner = new BaselineRunner(new MemberSessions(clients, caller, "setup",
          Clock.systemUTC()), members, caller, 16);
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        boolean drift = i % 20 == 0;
        work.add(pool.submit(() -> {
          runner.repair(new BaselineRunner.Target(id, id, "OrganizationAccountAccessRole"),
              baseline, StepLog.NONE);
          if (drift) {
            deleteAlarm(sandbox, clients, id);
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void deleteAlarm(Sandbox sandbox, AwsClients clients, String accountId) {
    Credentials c = clients.sts().assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId
        + ":role/OrganizationAccountAccessRole").roleSessionName("drift")).credentials();
    try (CloudWatchClient cw = CloudWatchClient.builder().endpointOverride(sandbox.endpoint())
        .region(Region.US_EAST_1).httpClient(clients.http())
        .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
            c.accessKeyId(), c.secretAccessKey(), c.sessionToken()))).build()) {
      cw.deleteAlarms(r -> r.alarmNames("DefaultBillingAlarm"));
    }
  }

  private static Spec spec(int accounts, ComponentRegistry registry) {
    StringBuilder yaml = new StringBuilder("version: 1\ndefaults: {baseline: std}\n"
        + "baselines:\n  std:\n    billingAlarm: {email: finance@example.com}\naccounts:\n");
    for (int i = 0; i < accounts; i++) {
      yaml.append(String.format("  - {name: bench-%05d, email: bench-%05d@example.com}%n", i,
          i));
    }
    SpecResult result = SpecLoader.create(registry).parse("bench.yaml", yaml.toString());
    if (result instanceof SpecResult.Invalid invalid) {
      throw new IllegalStateException(invalid.problems().toString());
    }
    return ((SpecResult.Valid) result).spec();
  }
}
