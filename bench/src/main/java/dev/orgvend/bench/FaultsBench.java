package dev.orgvend.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.testkit.torture.FaultRun;
import dev.orgvend.testkit.torture.InvariantReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bench/run faults}: applies the torture spec against a sandbox process that throttles,
 * fails, drops connections and answers slowly — each kind alone and all at once, at each rate —
 * and one that is stopped and restarted mid-run (SIGKILL and SIGTERM in turn), alone and under
 * faults. Every run ends with the invariants checked. Prints a table, writes JSON, exits 1 if
 * any invariant broke.
 */
final class FaultsBench {
  private FaultsBench() {}

  static void main(String[] args) throws Exception {
    int accounts = 30;
    long seed = 42;
    double[] rates = {0.05, 0.15, 0.30};
    int restarts = 3;
    int maxApplies = 5;
    Duration delay = Duration.ofSeconds(2);
    Duration slow = Duration.ofSeconds(1);
    Path root = BenchPaths.root();
    Path jar = null;
    Path work = null;
    Path json = null;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--accounts" -> accounts = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--rates" -> rates = Arrays.stream(args[++i].split(","))
            .mapToDouble(Double::parseDouble).toArray();
        case "--restarts" -> restarts = Integer.parseInt(args[++i]);
        case "--applies" -> maxApplies = Integer.parseInt(args[++i]);
        case "--create-delay" -> delay = BenchPaths.duration(args[++i]);
        case "--slow-latency" -> slow = BenchPaths.duration(args[++i]);
        case "--jar" -> jar = Path.of(args[++i]);
        case "--work-dir" -> work = Path.of(args[++i]);
        case "--json" -> json = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    jar = jar != null ? jar : root.resolve("cli/target/orgvend.jar");
    work = work != null ? work : root.resolve("bench/target/torture/faults-" + seed);
    json = json != null ? json : work.resolve("faults.json");
    BenchPaths.wipe(work);
    List<FaultRun.Scenario> scenarios = new ArrayList<>(scenarios(rates, slow, restarts));
    if (only != null) {
      String wanted = only;
      scenarios.removeIf(s -> !s.name().contains(wanted));
    }
    System.out.printf("fault runs: seed %d, %d accounts, creation delay %s, slow answers %s,"
        + " %d scenarios, at most %d applies each, %d cores; work dir %s%n", seed, accounts,
        BenchPaths.text(delay), BenchPaths.text(slow), scenarios.size(), maxApplies,
        Runtime.getRuntime().availableProcessors(), work);
    System.out.printf("%-22s %-12s %7s %8s %8s %6s %4s %5s %5s %8s %8s%n", "scenario", "exits",
        "restarts", "calls", "errors", "found", "dup", "lost", "extra", "s", "result");
    Instant started = Instant.now();
    List<FaultRun.Result> results = new ArrayList<>();
    List<String> harnessErrors = new ArrayList<>();
    int n = 0;
    for (FaultRun.Scenario scenario : scenarios) {
      n++;
      FaultRun.Result r;
      try {
        r = new FaultRun(jar, work.resolve(String.format("%02d-%s", n, scenario.name())),
            accounts, delay, maxApplies, seed + n).run(scenario);
      } catch (RuntimeException e) {
        // The harness itself gave up (a run past its time limit, say): report it, go on.
        System.out.printf("%-22s HARNESS ERROR: %s%n", scenario.name(), e.getMessage());
        harnessErrors.add(scenario.name() + ": " + e.getMessage());
        continue;
      }
      results.add(r);
      InvariantReport rep = r.outcome().report();
      System.out.printf("%-22s %-12s %7s %8d %8d %6s %4d %5d %5d %8.1f %8s%n", scenario.name(),
          r.applyExits().toString().replace(" ", ""), r.restartsDuringApply() + "/"
              + scenario.restarts(), r.apiCalls(), r.apiErrors(), rep.found() + "/"
              + rep.specAccounts(), rep.duplicates().size(), rep.lost().size(),
          rep.extraRequestCount(), r.took().toMillis() / 1000.0,
          r.violations().isEmpty() ? "ok" : "BROKEN");
      r.violations().forEach(v -> System.out.println("  ! " + v));
    }
    long broken = results.stream().filter(r -> !r.violations().isEmpty()).count();
    System.out.printf("%nscenarios %d, with broken invariants %d, harness errors %d,"
        + " duplicates %d, lost %d, time %.1f min%n", results.size(), broken,
        harnessErrors.size(),
        results.stream().mapToInt(r -> r.outcome().report().duplicates().size()).sum(),
        results.stream().mapToInt(r -> r.outcome().report().lost().size()).sum(),
        Duration.between(started, Instant.now()).toMillis() / 60000.0);
    Files.createDirectories(json.toAbsolutePath().getParent());
    ObjectNode out = toJson(results, started, seed, accounts, delay);
    out.set("harnessErrors", new ObjectMapper().valueToTree(harnessErrors));
    Files.writeString(json, out.toPrettyString());
    System.out.println("JSON: " + json);
    System.exit(broken == 0 && harnessErrors.isEmpty() ? 0 : 1);
  }

  /** No faults; each kind alone and all together at each rate; restarts alone and under faults. */
  static List<FaultRun.Scenario> scenarios(double[] rates, Duration slow, int restarts) {
    List<FaultRun.Scenario> out = new ArrayList<>();
    out.add(new FaultRun.Scenario("none", 0, 0, 0, 0, slow, 0));
    for (double r : rates) {
      String pct = Math.round(r * 100) + "%";
      out.add(new FaultRun.Scenario("throttle " + pct, r, 0, 0, 0, slow, 0));
      out.add(new FaultRun.Scenario("5xx " + pct, 0, r, 0, 0, slow, 0));
      out.add(new FaultRun.Scenario("drop " + pct, 0, 0, r, 0, slow, 0));
      out.add(new FaultRun.Scenario("slow " + pct, 0, 0, 0, r, slow, 0));
      out.add(new FaultRun.Scenario("all " + pct, r, r, r, r, slow, 0));
    }
    if (restarts > 0) {
      out.add(new FaultRun.Scenario("restart x" + restarts, 0, 0, 0, 0, slow, restarts));
      double mid = rates.length == 0 ? 0 : rates[rates.length / 2];
      String pct = Math.round(mid * 100) + "%";
      out.add(new FaultRun.Scenario("restart x" + restarts + " + all " + pct, mid, mid, mid,
          mid, slow, restarts));
    }
    return out;
  }

  private static ObjectNode toJson(List<FaultRun.Result> results, Instant started, long seed,
      int accounts, Duration delay) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode out = mapper.createObjectNode();
    out.put("kind", "fault-runs");
    out.put("started", started.toString());
    out.put("seed", seed);
    out.put("accounts", accounts);
    out.put("createAccountDelayMs", delay.toMillis());
    ArrayNode runs = out.putArray("scenarios");
    for (FaultRun.Result r : results) {
      FaultRun.Scenario s = r.scenario();
      InvariantReport rep = r.outcome().report();
      ObjectNode n = runs.addObject();
      n.put("name", s.name());
      n.put("throttleRate", s.throttleRate());
      n.put("faultRate", s.faultRate());
      n.put("dropRate", s.dropRate());
      n.put("slowRate", s.slowRate());
      n.put("slowLatencyMs", s.slowLatency().toMillis());
      n.put("restarts", s.restarts());
      n.put("restartsDuringApply", r.restartsDuringApply());
      n.set("applyExits", mapper.valueToTree(r.applyExits()));
      n.put("apiCalls", r.apiCalls());
      n.put("apiErrors", r.apiErrors());
      n.put("accountsFound", rep.found());
      n.put("duplicates", rep.duplicates().size());
      n.put("lost", rep.lost().size());
      n.put("creationRequests", rep.creationRequests());
      n.set("extraRequests", mapper.valueToTree(rep.extraRequests()));
      n.set("violations", mapper.valueToTree(r.violations()));
      n.put("seconds", r.took().toMillis() / 1000.0);
    }
    return out;
  }
}
