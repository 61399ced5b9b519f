package dev.orgvend.bench;

import dev.orgvend.core.apply.Applier;
import dev.orgvend.core.apply.ApplyOptions;
import dev.orgvend.core.apply.Outcome;
import dev.orgvend.core.apply.Progress;
import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.AwsTarget;
import dev.orgvend.core.aws.CallStats;
import dev.orgvend.core.aws.Rate;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.live.OrganizationReader;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.Planner;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;

/**
 * Vending N accounts against the sandbox with a creation delay, the in-flight quota and a
 * CreateAccount rate limit; prints wall time next to the lower bound those settings imply, and
 * the API calls made per account. {@code --sequential} also times the seed article's loop
 * (create, poll every 5 s, assume role; one account at a time) on the same settings.
 */
final class VendBench {
  private VendBench() {}

  static void main(String[] args) throws Exception {
    int accounts = 50;
    Duration delay = Duration.ofSeconds(5);
    Rate rate = new Rate(1, 3);
    int inFlight = 5;
    boolean sequential = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--accounts" -> accounts = Integer.parseInt(args[++i]);
        case "--delay" -> delay = Duration.ofMillis(Long.parseLong(args[++i].replace("ms", ""))
            * (args[i].endsWith("ms") ? 1 : 1000));
        case "--rate" -> rate = Rate.parse(args[++i]);
        case "--in-flight" -> inFlight = Integer.parseInt(args[++i]);
        case "--sequential" -> sequential = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    double bound = lowerBound(accounts, delay, rate, inFlight);
    double waves = Math.ceil(accounts / (double) inFlight) * delay.toMillis() / 1000.0;
    System.out.printf("vend bench: %d accounts, creation delay %s, CreateAccount %s/s burst %d,"
        + " %d in flight, %d cores%n", accounts, delay, rate.perSecond(), rate.burst(), inFlight,
        Runtime.getRuntime().availableProcessors());
    System.out.printf("lower bound: %.1f s (ceil(N/in-flight) x delay = %.1f s; rate limit alone"
        + " = %.1f s)%n", bound, waves, (accounts - rate.burst()) / rate.perSecond()
            + delay.toMillis() / 1000.0);
    Result orgvend = runOrgvend(accounts, delay, rate, inFlight);
    System.out.printf("%-12s %9s %9s %12s %10s %10s%n", "contender", "wall s", "x bound",
        "calls/acct", "throttled", "peak MiB");
    print("orgvend", orgvend, bound, accounts);
    if (sequential) {
      Result seq = SeedLoop.run(accounts, delay, rate, inFlight);
      print("seed loop", seq, bound, accounts);
      System.out.printf("orgvend is %.1fx faster than the seed loop%n", seq.seconds / orgvend.seconds);
    }
    System.out.println("orgvend calls by operation: " + orgvend.stats.callsByOperation());
  }

  record Result(double seconds, CallStats stats, long throttled, long peakBytes, int failed) {}

  private static void print(String name, Result r, double bound, int accounts) {
    System.out.printf("%-12s %9.1f %9.3f %12.1f %10d %10.0f%s%n", name, r.seconds,
        r.seconds / bound, r.stats.total() / (double) accounts, r.throttled,
        r.peakBytes / 1048576.0, r.failed == 0 ? "" : "  (" + r.failed + " failed!)");
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

  static Sandbox sandbox(Duration delay, Rate rate, int inFlight) {
    SandboxSettings settings = SandboxSettings.defaults().withCreateAccountDelay(delay)
        .withThrottling(SandboxSettings.Throttling.OFF, Map.of("CreateAccount",
            new SandboxSettings.Rate(rate.perSecond(), rate.burst())))
        .withQuotas(SandboxSettings.OverQuota.SYNC, 100_000, inFlight);
    return Sandbox.builder().port(0).settings(settings).start();
  }

  static AwsClients clients(Sandbox sandbox) {
    var keys = sandbox.managementCredentials();
    return new AwsClients(new AwsTarget("us-east-1", sandbox.endpoint(), null,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(),
            keys.secretAccessKey()))));
  }

  private static Result runOrgvend(int n, Duration delay, Rate rate, int inFlight)
      throws Exception {
    Spec spec = spec(n);
    Path dir = Files.createTempDirectory("orgvend-vend");
    MemoryProbe memory = MemoryProbe.start();
    try (Sandbox sandbox = sandbox(delay, rate, inFlight);
        AwsClients clients = clients(sandbox);
        Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      AwsCaller caller = AwsCaller.standard(RateTable.unlimited()
          .with(Map.of("CreateAccount", rate)));
      long started = System.nanoTime();
      LiveOrganization live = new OrganizationReader(clients.organizations(), caller, pool)
          .read(a -> false);
      Plan plan = Planner.plan(spec, live);
      long run = journal.startRun("bench", "generated", live.id());
      List<Outcome> outcomes = new Applier(clients, caller, journal, Progress.silent(),
          ApplyOptions.defaults(inFlight, "orgvend-bench"), pool, Clock.systemUTC())
          .apply(plan, live, run);
      double seconds = (System.nanoTime() - started) / 1e9;
      pool.shutdownNow();
      int failed = (int) outcomes.stream().filter(o -> !o.ok()).count();
      long throttled = caller.stats().errorsByCode().getOrDefault("TooManyRequestsException", 0L);
      return new Result(seconds, caller.stats(), throttled, memory.stop(), failed);
    }
  }

  static Spec spec(int n) {
    StringBuilder yaml = new StringBuilder("version: 1\norganization:\n  units:\n");
    for (int u = 0; u < 5; u++) {
      yaml.append("    - name: Unit").append(u).append('\n');
    }
    yaml.append("accounts:\n");
    for (int i = 0; i < n; i++) {
      yaml.append("  - name: bench-").append(i).append("\n    email: bench-").append(i)
          .append("@example.com\n    ou: Unit").append(i % 5).append('\n');
    }
    SpecResult result = SpecLoader.create().parse("bench.yaml", yaml.toString());
    if (result instanceof SpecResult.Valid valid) {
      return valid.spec();
    }
    throw new IllegalStateException("generated spec is invalid: " + result);
  }

  /** The seed article's loop, one account at a time, with the same SDK. */
  static final class SeedLoop {
    static Result run(int n, Duration delay, Rate rate, int inFlight) throws Exception {
      MemoryProbe memory = MemoryProbe.start();
      CallStats stats = new CallStats();
      AwsCaller counting = new AwsCaller(new dev.orgvend.core.aws.RateGovernor(
          RateTable.unlimited(), dev.orgvend.core.aws.Pacer.system()),
          dev.orgvend.core.aws.Pacer.system(), stats, 1, Duration.ZERO, Duration.ZERO);
      try (Sandbox sandbox = sandbox(delay, rate, inFlight); AwsClients clients = clients(sandbox)) {
        var orgs = clients.organizations();
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
          int k = i;
          String id = counting.call("CreateAccount", () -> orgs.createAccount(r -> r
              .accountName("seed-" + k).email("seed-" + k + "@example.com")))
              .createAccountStatus().id();
          String accountId;
          while (true) {
            var status = counting.call("DescribeCreateAccountStatus",
                () -> orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(id)))
                .createAccountStatus();
            if (status.state() == CreateAccountState.SUCCEEDED) {
              accountId = status.accountId();
              break;
            }
            Thread.sleep(5000);
          }
          String arn = "arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole";
          counting.call("AssumeRole", () -> clients.sts().assumeRole(
              r -> r.roleArn(arn).roleSessionName("OrgMasterRoleSession")));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(seconds, stats, 0, memory.stop(), 0);
      }
    }
  }
}
