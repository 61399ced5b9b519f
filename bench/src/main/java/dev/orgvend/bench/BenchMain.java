package dev.orgvend.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point: {@code bench/run [all|vend|plan|check|sandbox|chart|report] [options]}. Every
 * benchmark prints its table and writes it as JSON to {@code bench/results/<name>.json} (or
 * {@code --json FILE}); {@code chart} draws {@code docs/bench-<name>.svg} from those files.
 */
public final class BenchMain {
  private static final Logger[] QUIET = {Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio")};
  /** The order of the combined table: the order. */
  private static final List<String> ALL = List.of(VendBench.NAME, PlanBench.NAME,
      CheckBench.NAME, "sandbox");

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    for (Logger logger : QUIET) {
      logger.setLevel(Level.WARNING);
    }
    String which = args.length == 0 || args[0].startsWith("--") ? "all" : args[0];
    String[] rest = args.length == 0 || args[0].startsWith("--") ? args
        : Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (which) {
        case "all" -> all(rest);
        case "vend" -> save(VendBench.run(rest), rest);
        case "plan" -> save(PlanBench.run(rest), rest);
        case "check" -> save(CheckBench.run(rest), rest);
        case "sandbox" -> SandboxBench.main(rest);
        case "torture" -> TortureBench.main(rest);
        case "faults" -> FaultsBench.main(rest);
        case "chart" -> Charts.main(rest);
        case "report" -> report(rest);
        case "help", "-h", "--help" -> usage();
        default -> {
          usage();
          System.exit(2);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void usage() {
    System.out.println("""
        usage: bench/run [all] [--quick]    every benchmark below with its defaults, one combined
                                            table at the end, then the charts (--quick: small sizes)
               bench/run vend [--accounts 10,50,200] [--delay 8s] [--rate 1:3] [--in-flight 5]
                              [--seed-max N]
               bench/run plan [--accounts 100,1000,5000] [--latency-ms 20] [--aws-max 1000]
                              [--in-memory]
               bench/run check [--accounts 100,1000,5000] [--latency-ms 20] [--parallel 16]
                               [--in-memory]
               bench/run sandbox [--seconds N] [--clients 1,8,32] [--client sdk,wire]
                                 [--rate REQ_PER_S] [--in-memory] [--workers N]
               bench/run torture [--kills 200] [--seed 42] [--accounts 30] [--kills-per-round 8]
                                 [--create-delay 2s] [--work-dir D] [--json F]
               bench/run faults [--rates 0.05,0.15,0.30] [--restarts 3] [--accounts 30]
                                [--seed 42] [--applies 5] [--slow-latency 1s] [--only NAME]
                                [--work-dir D]
               bench/run chart [--results bench/results] [--out docs]
               bench/run report [--markdown]     reprint the tables from bench/results
        Every benchmark also takes --json FILE (default bench/results/<name>.json).""");
  }

  /** Prints a report and writes its JSON. */
  private static void save(Report report, String[] args) {
    report.print(System.out);
    Path json = report.write(jsonPath(report.bench(), args));
    System.out.println("wrote " + json);
  }

  static Path jsonPath(String bench, String[] args) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--json")) {
        return Path.of(args[i + 1]);
      }
    }
    return Results.dir().resolve(bench + ".json");
  }

  private static void all(String[] args) throws Exception {
    Args options = Args.parse(args, Set.of(), Set.of("--quick"));
    boolean quick = options.flag("--quick");
    long started = System.nanoTime();
    SandboxBench.main(quick ? new String[] {"--seconds", "2", "--clients", "1,8"}
        : new String[0]);
    save(PlanBench.run(quick ? new String[] {"--accounts", "100,1000", "--aws-max", "100"}
        : new String[0]), new String[0]);
    save(CheckBench.run(quick ? new String[] {"--accounts", "100,1000"} : new String[0]),
        new String[0]);
    save(VendBench.run(quick ? new String[] {"--accounts", "10"} : new String[0]),
        new String[0]);
    System.out.printf("%n######## orgvend benchmarks: all results (%.0f min) ########%n",
        Harness.seconds(started) / 60);
    report(new String[0]);
    Charts.write(Results.dir(), Results.docs()).forEach(p -> System.out.println("wrote " + p));
  }

  /** Reprints every saved report, as text or as Markdown tables for docs/benchmarks.md. */
  private static void report(String[] args) {
    boolean markdown = Args.parse(args, Set.of(), Set.of("--markdown")).flag("--markdown");
    for (String bench : ALL) {
      Path json = Results.dir().resolve(bench + ".json");
      if (!Files.exists(json)) {
        continue;
      }
      Report report = Report.read(json);
      if (markdown) {
        System.out.printf("%n### %s%n%nDate: %s. Command: `%s`.%n%n", report.title(),
            report.head("date"), report.head("command"));
        report.printMarkdown(System.out);
      } else {
        report.print(System.out);
      }
    }
  }
}
