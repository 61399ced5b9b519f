package dev.orgvend.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import dev.orgvend.testkit.torture.CrashTorture;
import dev.orgvend.testkit.torture.InvariantReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code bench/run torture}: the long crash torture. Starts a sandbox in this JVM, then kills
 * the packaged {@code orgvend apply} with SIGKILL at seeded random moments until {@code --kills}
 * kills have landed, checking the invariants at the end of every round. Prints each round and a
 * summary, writes everything as JSON, and exits 1 if any invariant broke.
 */
final class TortureBench {
  private TortureBench() {}

  static void main(String[] args) throws Exception {
    int kills = 200;
    int accounts = 30;
    int perRound = 8;
    int rounds = 10_000;
    long seed = 42;
    Duration delay = Duration.ofSeconds(2);
    Path root = BenchPaths.root();
    Path jar = null;
    Path work = null;
    Path json = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--kills" -> kills = Integer.parseInt(args[++i]);
        case "--accounts" -> accounts = Integer.parseInt(args[++i]);
        case "--kills-per-round" -> perRound = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--create-delay" -> delay = BenchPaths.duration(args[++i]);
        case "--jar" -> jar = Path.of(args[++i]);
        case "--work-dir" -> work = Path.of(args[++i]);
        case "--json" -> json = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    jar = jar != null ? jar : root.resolve("cli/target/orgvend.jar");
    work = work != null ? work : root.resolve("bench/target/torture/crash-" + seed);
    json = json != null ? json : work.resolve("torture.json");
    BenchPaths.wipe(work);
    CrashTorture.Options options = new CrashTorture.Options(accounts, kills, perRound, rounds,
        seed);
    System.out.printf("crash torture: seed %d, %d accounts, %d kills (at most %d a round),"
        + " creation delay %s, %d cores; work dir %s%n", seed, accounts, kills, perRound,
        BenchPaths.text(delay), Runtime.getRuntime().availableProcessors(), work);
    Instant started = Instant.now();
    CrashTorture.Result result;
    try (Sandbox sandbox = Sandbox.builder().port(0).seed(seed).settings(
        SandboxSettings.defaults().withCreateAccountDelay(delay)).start()) {
      CrashTorture.Target target = CrashTorture.Target.of(sandbox);
      result = new CrashTorture(jar, work, target, options, new Printer()).run();
    }
    printSummary(result);
    Files.createDirectories(json.toAbsolutePath().getParent());
    Files.writeString(json, toJson(result, started, delay).toPrettyString());
    System.out.println("JSON: " + json);
    System.exit(result.violations().isEmpty() ? 0 : 1);
  }

  /** One line per kill and per round. */
  private static final class Printer implements CrashTorture.Listener {
    private int kills;

    @Override
    public void killed(CrashTorture.Kill kill) {
      kills++;
      System.out.printf("  kill %4d  round %3d  %-34s last event %-17s open %s%s%n", kills,
          kill.round(), kill.moment(), kill.lastEvent() == null ? "-" : kill.lastEvent(),
          kill.openActions().isEmpty() ? "-" : kill.openActions(),
          kill.duplicates().isEmpty() ? "" : "  DUPLICATES " + kill.duplicates());
    }

    @Override
    public void round(CrashTorture.Round round) {
      InvariantReport r = round.outcome().report();
      System.out.printf("round %3d: %d kills, %s, %d/%d accounts, %d duplicates, %d lost,"
          + " %d extra requests, %s, %.1f s%n", round.number(), round.kills(),
          round.finishedBeforeKill() > 0 ? "an apply finished before its kill" : "killed each time",
          r.found(), r.specAccounts(), r.duplicates().size(), r.lost().size(),
          r.extraRequestCount(), round.violations().isEmpty() ? "invariants hold"
              : "VIOLATIONS " + round.violations(), round.took().toMillis() / 1000.0);
    }
  }

  private static void printSummary(CrashTorture.Result r) {
    System.out.println();
    System.out.printf("%-32s %s%n", "rounds", r.rounds().size());
    System.out.printf("%-32s %d of %d attempts (the others finished before their moment)%n",
        "kills that landed", r.landed(), r.attempts());
    System.out.printf("%-32s %s%n", "by last event before the kill", r.byLastEvent());
    System.out.printf("%-32s %s%n", "by journal actions left open", r.byOpenAction());
    System.out.printf("%-32s %d%n", "duplicate accounts", r.duplicates());
    System.out.printf("%-32s %d%n", "lost accounts", r.lost());
    System.out.printf("%-32s %d%n", "extra CreateAccount requests", r.extraRequests());
    System.out.printf("%-32s %d%n", "violations", r.violations().size());
    System.out.printf("%-32s %.1f min%n", "time", r.took().toMillis() / 60000.0);
    r.violations().forEach(v -> System.out.println("  ! " + v));
  }

  private static ObjectNode toJson(CrashTorture.Result r, Instant started, Duration delay) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode out = mapper.createObjectNode();
    out.put("kind", "crash-torture");
    out.put("started", started.toString());
    out.put("seed", r.options().seed());
    out.put("accounts", r.options().accounts());
    out.put("killsWanted", r.options().kills());
    out.put("killsPerRound", r.options().killsPerRound());
    out.put("createAccountDelayMs", delay.toMillis());
    out.put("rounds", r.rounds().size());
    out.put("killsLanded", r.landed());
    out.put("killAttempts", r.attempts());
    out.put("duplicates", r.duplicates());
    out.put("lost", r.lost());
    out.put("extraCreateAccountRequests", r.extraRequests());
    out.put("seconds", r.took().toMillis() / 1000.0);
    out.set("byLastEvent", mapper.valueToTree(r.byLastEvent()));
    out.set("byOpenAction", mapper.valueToTree(r.byOpenAction()));
    out.set("violations", mapper.valueToTree(r.violations()));
    ArrayNode rounds = out.putArray("roundDetails");
    for (CrashTorture.Round round : r.rounds()) {
      InvariantReport rep = round.outcome().report();
      ObjectNode n = rounds.addObject();
      n.put("round", round.number());
      n.put("kills", round.kills());
      n.put("finishedBeforeKill", round.finishedBeforeKill());
      n.put("accountsFound", rep.found());
      n.put("creationRequests", rep.creationRequests());
      n.set("extraRequests", mapper.valueToTree(rep.extraRequests()));
      n.set("violations", mapper.valueToTree(round.violations()));
      n.put("seconds", round.took().toMillis() / 1000.0);
    }
    ArrayNode kills = out.putArray("killDetails");
    for (CrashTorture.Kill k : r.kills()) {
      ObjectNode n = kills.addObject();
      n.put("round", k.round());
      n.put("attempt", k.attempt());
      n.put("moment", k.moment().toString());
      n.put("landed", k.landed());
      n.put("lastEvent", k.lastEvent());
      n.set("openActions", mapper.valueToTree(k.openActions() == null ? Map.of()
          : k.openActions()));
    }
    return out;
  }
}
