package dev.orgvend.testkit.torture;

import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.spec.AccountSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;

/**
 * Kills {@code orgvend apply} with SIGKILL at random moments, over and over, and checks that
 * nothing was created twice or lost. A round starts from an empty organization and a new
 * journal; within it, each attempt starts the packaged CLI, waits for a {@link RunMoment} drawn
 * from the seeded random source and kills it there. The round ends when an apply finishes on its
 * own or after {@code killsPerRound} kills; then a plain apply must finish the job and
 * {@link Verification} must pass. Rounds go on until {@code kills} kills have landed on a
 * running process.
 *
 * <p>The seed fixes the spec, the kill schedule and the sandbox's ids; how far a run gets before
 * its moment comes still depends on the machine, so two runs with one seed are alike, not equal.
 */
public final class CrashTorture {
  /** What to run. */
  public record Options(int accounts, int kills, int killsPerRound, int maxRounds, long seed) {
    public Options {
      if (accounts < 1 || kills < 0 || killsPerRound < 1 || maxRounds < 1) {
        throw new IllegalArgumentException("accounts, kills per round and rounds must be"
            + " positive, kills not negative");
      }
    }
  }

  /** The sandbox the runs go to; the torture wipes it at the start of every round. */
  public interface Target {
    SandboxAccess access();

    void reset();

    /** A sandbox running in this process, outliving every killed run. */
    static Target of(dev.orgvend.sandbox.Sandbox sandbox) {
      return new Target() {
        @Override
        public SandboxAccess access() {
          return SandboxAccess.of(sandbox);
        }

        @Override
        public void reset() {
          sandbox.reset();
        }
      };
    }
  }

  /** Hears about every kill and every round as they happen, for progress output. */
  public interface Listener {
    default void killed(Kill kill) {}

    default void round(Round round) {}
  }

  /**
   * One kill attempt.
   *
   * @param landed the process was running when the signal went out and died of it
   * @param lastEvent the newest progress event before the kill ({@code null}: none yet)
   * @param openActions journal actions of the killed run left open, by kind
   * @param duplicates what {@link FleetInvariants#duplicatesNow} found right after
   */
  public record Kill(int round, int attempt, RunMoment moment, boolean landed, String lastEvent,
      Map<String, Integer> openActions, List<String> duplicates) {}

  /** One round: its kills, the runs that finished before their moment, and the final check. */
  public record Round(int number, int kills, int finishedBeforeKill, List<String> otherExits,
      Verification.Outcome outcome, Duration took) {
    public List<String> violations() {
      List<String> out = new ArrayList<>(otherExits);
      out.addAll(outcome.violations());
      return out;
    }
  }

  /** Everything, for the summary and the JSON file. */
  public record Result(Options options, List<Round> rounds, List<Kill> kills, Duration took) {
    public int landed() {
      return (int) kills.stream().filter(Kill::landed).count();
    }

    public int attempts() {
      return kills.size();
    }

    public int duplicates() {
      return rounds.stream().mapToInt(r -> r.outcome().report().duplicates().size()).sum()
          + (int) kills.stream().filter(k -> !k.duplicates().isEmpty()).count();
    }

    public int lost() {
      return rounds.stream().mapToInt(r -> r.outcome().report().lost().size()).sum();
    }

    public int extraRequests() {
      return rounds.stream().mapToInt(r -> r.outcome().report().extraRequestCount()).sum();
    }

    public List<String> violations() {
      List<String> out = new ArrayList<>();
      for (Round r : rounds) {
        r.violations().forEach(v -> out.add("round " + r.number() + ": " + v));
      }
      for (Kill k : kills) {
        k.duplicates().forEach(d -> out.add("round " + k.round() + " after kill " + k.attempt()
            + ": " + d));
      }
      return out;
    }

    /** Landed kills by the newest progress event before them. */
    public Map<String, Integer> byLastEvent() {
      Map<String, Integer> out = new TreeMap<>();
      kills.stream().filter(Kill::landed).forEach(k -> out.merge(
          k.lastEvent() == null ? "(none yet)" : k.lastEvent(), 1, Integer::sum));
      return out;
    }

    /** Landed kills by the journal actions they left open (a kill may leave several). */
    public Map<String, Integer> byOpenAction() {
      Map<String, Integer> out = new TreeMap<>();
      kills.stream().filter(Kill::landed).forEach(k -> {
        if (k.openActions().isEmpty()) {
          out.merge("(none)", 1, Integer::sum);
        }
        k.openActions().keySet().forEach(kind -> out.merge(kind, 1, Integer::sum));
      });
      return out;
    }
  }

  private final Path jar;
  private final Path workDir;
  private final Target target;
  private final Options options;
  private final Listener listener;

  public CrashTorture(Path jar, Path workDir, Target target, Options options, Listener listener) {
    this.jar = jar;
    this.workDir = workDir;
    this.target = target;
    this.options = options;
    this.listener = listener;
  }

  public Result run() throws InterruptedException {
    long started = System.nanoTime();
    Random random = new Random(options.seed());
    TortureSpec spec = TortureSpec.of("torture", options.accounts());
    List<Round> rounds = new ArrayList<>();
    List<Kill> kills = new ArrayList<>();
    int landed = 0;
    for (int number = 1; number <= options.maxRounds() && landed < options.kills(); number++) {
      Round round = round(number, spec, random, options.kills() - landed, kills);
      landed += round.kills();
      rounds.add(round);
      listener.round(round);
    }
    return new Result(options, rounds, kills, Duration.ofNanos(System.nanoTime() - started));
  }

  private Round round(int number, TortureSpec spec, Random random, int killsLeft,
      List<Kill> kills) throws InterruptedException {
    long started = System.nanoTime();
    target.reset();
    Path dir = workDir.resolve(String.format("round-%03d", number));
    spec.writeTo(dir);
    PackagedCli cli = new PackagedCli(jar, dir, target.access());
    int landed = 0;
    int finished = 0;
    List<String> otherExits = new ArrayList<>();
    int limit = Math.min(options.killsPerRound(), killsLeft);
    for (int attempt = 1; landed < limit; attempt++) {
      RunMoment moment = RunMoment.next(random, remaining(spec));
      long runBefore = newestRun(cli.journal());
      PackagedCli.Running run = cli.start("apply", "--yes", "-o", "json");
      boolean reached = moment.awaitIn(run);
      String lastEvent = run.lastEvent();
      boolean hit = reached && run.kill();
      PackagedCli.Result result = run.awaitExit();
      if (hit) {
        landed++;
        Kill kill = new Kill(number, attempt, moment, true, lastEvent,
            openActions(cli.journal(), runBefore), FleetInvariants.duplicatesNow(target.access()));
        kills.add(kill);
        listener.killed(kill);
        continue;
      }
      kills.add(new Kill(number, attempt, moment, false, lastEvent, Map.of(), List.of()));
      if (result.exit() == 0) {
        finished++;
        break; // the fleet is complete: nothing left to interrupt in this round
      }
      otherExits.add("attempt " + attempt + ": apply exited " + result.exit() + " without being"
          + " killed; see " + result.log());
      if (otherExits.size() > 3) {
        break;
      }
    }
    Verification.Outcome outcome = Verification.finishAndCheck(cli, target.access(), spec, 1,
        false);
    return new Round(number, landed, finished, otherExits, outcome,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** What is left to do, from the organization as it is between two runs. */
  private RunMoment.Remaining remaining(TortureSpec spec) {
    SandboxAccess access = target.access();
    try (OrganizationsClient orgs = FleetInvariants.client(OrganizationsClient.builder(), access,
        access.credentials())) {
      Set<String> names = spec.spec().accounts().stream().map(AccountSpec::name)
          .collect(Collectors.toSet());
      long existing = orgs.listAccountsPaginator().stream().flatMap(p -> p.accounts().stream())
          .filter(a -> names.contains(a.name())).count();
      long inFlight = orgs.listCreateAccountStatusPaginator(r -> r.states(
          CreateAccountState.IN_PROGRESS)).stream()
          .flatMap(p -> p.createAccountStatuses().stream())
          .filter(c -> names.contains(c.accountName())).count();
      String rootId = orgs.listRoots().roots().get(0).id();
      boolean ousMissing = orgs.listOrganizationalUnitsForParent(r -> r.parentId(rootId))
          .organizationalUnits().size() < spec.spec().organization().units().size();
      return new RunMoment.Remaining(ousMissing,
          (int) Math.max(0, names.size() - existing - inFlight), (int) inFlight);
    }
  }

  private static long newestRun(Path file) {
    if (!Files.exists(file)) {
      return 0;
    }
    try (Journal journal = Journal.open(file, Clock.systemUTC())) {
      return journal.runs(1).stream().mapToLong(Journal.Run::id).max().orElse(0);
    }
  }

  /** Actions the killed run left open, by kind; empty if it was killed before it journaled. */
  static Map<String, Integer> openActions(Path file, long runBefore) {
    Map<String, Integer> open = new TreeMap<>();
    if (!Files.exists(file)) {
      return open;
    }
    try (Journal journal = Journal.open(file, Clock.systemUTC())) {
      for (Journal.Run run : journal.runs(5)) {
        if (run.id() <= runBefore) {
          continue;
        }
        for (Journal.Action a : journal.actionsOf(run.id())) {
          if (a.state().equals("INTENT") || a.state().equals("REQUESTED")) {
            open.merge(a.kind(), 1, Integer::sum);
          }
        }
      }
    }
    return open;
  }
}
