package dev.orgvend.bench;

import dev.orgvend.core.aws.CallStats;
import dev.orgvend.core.aws.Rate;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.baseline.ComponentRegistry;
import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.plan.Change;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code orgvend plan} on large organizations: for 100, 1,000 and 5,000 accounts in
 * proportionate OU trees (see {@link OrgShape}), the time and the Organizations calls to read the
 * organization and compute the plan, next to the fewest calls the API allows. Each size is read
 * with a spec that matches the organization and with one that has a few changes, without pacing
 * against an unthrottled sandbox; sizes up to {@code --aws-max} are read again with orgvend
 * pacing itself at Organizations' published rates against a sandbox that throttles at them, next
 * to the lower bound those rates set for the minimum calls.
 */
final class PlanBench {
  static final String NAME = "plan";
  static final String NO_PACING = "orgvend, no pacing";
  static final String AWS_RATES = "orgvend, AWS rates";
  static final String BOUND = "lower bound at AWS rates";

  private PlanBench() {}

  static Report run(String[] argv) throws Exception {
    Args args = Args.parse(argv, Set.of("--accounts", "--latency-ms", "--aws-max", "--json"),
        Set.of("--in-memory"));
    int[] sizes = args.integers("--accounts", 100, 1000, 5000);
    Duration latency = Duration.ofMillis(args.integer("--latency-ms", 20));
    int awsMax = args.integer("--aws-max", 1000);
    boolean inMemory = args.flag("--in-memory");

    Report report = Report.create(NAME, "Plan: read the organization and compute the plan", argv)
        .setting("accounts", sizes).setting("latencyMs", latency.toMillis())
        .setting("awsRatesUpTo", awsMax).setting("store", inMemory ? "memory" : "sqlite")
        .setting("readerThreads", Harness.CLI_POOL)
        .column("accounts", "accounts", "%d").column("ous", "OUs", "%d")
        .column("contender", "contender", "%s").column("spec", "spec", "%s")
        .column("readSeconds", "read s", "%.2f").column("planMillis", "plan ms", "%.0f")
        .column("changes", "changes", "%d").column("calls", "calls", "%d")
        .column("minCalls", "min calls", "%d").column("callsPerMin", "x min", "%.3f")
        .column("throttled", "throttled", "%d").column("peakHeapMiB", "peak MiB", "%.0f");
    report.note("min calls: ListRoots 1, per parent (root and each OU) one page of"
        + " ListOrganizationalUnitsForParent and of ListAccountsForParent per 20 children (at least"
        + " one), ListTagsForResource per spec account, ListCreateAccountStatus 1. orgvend also"
        + " calls DescribeOrganization once.");
    report.note("with ListAccounts and the newer Account.Paths member (not in AWS SDK for Java"
        + " 2.40.2) the minimum is lower: see minCallsWithPaths in the JSON.");
    report.note("lower bound at AWS rates: the slowest operation's calls at its published rate"
        + " after its burst, max over operations of (calls - burst) / rate; ListTagsForResource"
        + " (10/s) dominates.");
    ComponentRegistry registry = ComponentRegistry.standard();
    for (int size : sizes) {
      runSize(report, registry, OrgShape.of(size), latency, size <= awsMax, inMemory);
    }
    return report;
  }

  private static void runSize(Report report, ComponentRegistry registry, OrgShape shape,
      Duration latency, boolean awsRates, boolean inMemory) {
    int n = shape.members().size();
    SandboxSettings settings = SandboxSettings.defaults()
        .withQuotas(SandboxSettings.OverQuota.SYNC, n + 100, 5);
    try (Sandbox sandbox = Harness.sandbox(settings, inMemory)) {
      long seeding = System.nanoTime();
      shape.seed(sandbox);
      Results.progress("plan: seeded %d accounts in %d OUs (depth %d) in %.1f s", n,
          shape.units().size(), shape.depth(), Harness.seconds(seeding));
      sandbox.updateSettings(s -> s.withFaults(latency, 0, 0));
      Spec matching = shape.spec(registry, null);
      Spec changed = shape.specWithChanges(registry, OrgShape.Changes.forSize(n));
      Map<String, Long> minimum = shape.minimumCallsByParent(n);
      Map<String, Long> withPaths = shape.minimumCallsWithPaths(n);

      // One unmeasured read first, so that class loading and JIT warm-up are not counted.
      measure(sandbox, RateTable.unlimited(), matching);
      addRow(report, shape, NO_PACING, "matches",
          measure(sandbox, RateTable.unlimited(), matching), minimum, withPaths, Map.of());
      addRow(report, shape, NO_PACING, "changes",
          measure(sandbox, RateTable.unlimited(), changed), minimum, withPaths,
          OrgShape.Changes.forSize(n).expected());
      if (awsRates) {
        sandbox.updateSettings(s -> s.withThrottling(SandboxSettings.Throttling.AWS, Map.of()));
        addRow(report, shape, AWS_RATES, "matches",
            measure(sandbox, RateTable.awsPublished(), matching), minimum, withPaths, Map.of());
        sandbox.updateSettings(s -> s.withThrottling(SandboxSettings.Throttling.OFF, Map.of()));
      }
      Map<String, Object> bound = report.row();
      bound.put("accounts", n);
      bound.put("ous", shape.units().size());
      bound.put("contender", BOUND);
      bound.put("spec", "matches");
      double boundSeconds = Harness.round(boundSeconds(minimum, RateTable.awsPublished()), 2);
      bound.put("readSeconds", boundSeconds);
      bound.put("seconds", boundSeconds);
      bound.put("minCalls", total(minimum));
      bound.put("minCallsByOperation", minimum);
    }
  }

  /** One read and plan, as {@code orgvend plan} does them, with its own call counts. */
  private record Measured(double readSeconds, double planMillis, Plan plan, CallStats stats,
      long peakBytes) {}

  private static Measured measure(Sandbox sandbox, RateTable rates, Spec spec) {
    MemoryProbe memory = MemoryProbe.start();
    try (Engine engine = Engine.start(Harness.engine(sandbox, rates).build())) {
      long started = System.nanoTime();
      LiveOrganization live = engine.read(spec);
      long read = System.nanoTime();
      Plan plan = engine.plan(spec, live);
      long planned = System.nanoTime();
      return new Measured((read - started) / 1e9, (planned - read) / 1e6, plan, engine.stats(),
          memory.stop());
    }
  }

  private static void addRow(Report report, OrgShape shape, String contender, String spec,
      Measured m, Map<String, Long> minimum, Map<String, Long> withPaths,
      Map<String, Integer> expected) {
    Map<String, Integer> found = new TreeMap<>();
    m.plan().changes().forEach(c -> found.merge(kind(c), 1, Integer::sum));
    if (!found.equals(new TreeMap<>(expected))) {
      throw new IllegalStateException("the plan for " + shape.members().size() + " accounts ("
          + spec + ") should have " + expected + " but has " + found);
    }
    long calls = m.stats().total();
    Map<String, Object> row = report.row();
    row.put("accounts", shape.members().size());
    row.put("ous", shape.units().size());
    row.put("contender", contender);
    row.put("spec", spec);
    row.put("readSeconds", Harness.round(m.readSeconds(), 3));
    row.put("planMillis", Harness.round(m.planMillis(), 1));
    row.put("seconds", Harness.round(m.readSeconds() + m.planMillis() / 1000, 3));
    row.put("changes", m.plan().changes().size());
    row.put("calls", calls);
    row.put("minCalls", total(minimum));
    row.put("callsPerMin", Harness.round(calls / (double) total(minimum), 3));
    row.put("minCallsWithPaths", total(withPaths));
    row.put("throttled", m.stats().errorsByCode()
        .getOrDefault("TooManyRequestsException", 0L));
    row.put("peakHeapMiB", Harness.mib(m.peakBytes()));
    row.put("callsByOperation", m.stats().callsByOperation());
    row.put("minCallsByOperation", minimum);
    row.put("errorsByCode", m.stats().errorsByCode());
    row.put("changesByKind", found);
    Results.progress("plan: %d accounts, %s, spec %s: read %.2f s, plan %.0f ms, %d calls"
        + " (minimum %d)", shape.members().size(), contender, spec, m.readSeconds(),
        m.planMillis(), calls, total(minimum));
  }

  private static String kind(Change change) {
    return change.getClass().getSimpleName();
  }

  static long total(Map<String, Long> calls) {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The least time any client needs to make {@code calls} at {@code rates}: each operation has
   * its own token bucket, so operations may overlap, but no operation can go faster than its
   * own rate once its burst is spent.
   */
  static double boundSeconds(Map<String, Long> calls, RateTable rates) {
    double worst = 0;
    for (Map.Entry<String, Long> e : calls.entrySet()) {
      Rate rate = rates.rate(e.getKey()).orElse(null);
      if (rate != null) {
        worst = Math.max(worst, Math.max(0, e.getValue() - rate.burst()) / rate.perSecond());
      }
    }
    return worst;
  }
}
