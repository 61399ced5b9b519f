package dev.orgvend.bench;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point: {@code bench/run <benchmark> [options]}. */
public final class BenchMain {
  private static final Logger[] QUIET = {Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio")};

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    for (Logger logger : QUIET) {
      logger.setLevel(Level.WARNING);
    }
    String which = args.length == 0 ? "help" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (which) {
      case "sandbox" -> SandboxBench.main(rest);
      case "vend" -> VendBench.main(rest);
      case "check" -> CheckBench.main(rest);
      case "torture" -> TortureBench.main(rest);
      case "faults" -> FaultsBench.main(rest);
      default -> {
        System.out.println("usage: bench/run sandbox [--seconds N] [--clients 1,8,32] [--in-memory]");
        System.out.println("       bench/run vend [--accounts 50] [--delay 5s] [--rate 1:3] [--in-flight 5]"
            + " [--sequential]");
        System.out.println("       bench/run check [--accounts 1000] [--latency-ms 20]"
            + " [--parallel 16,32] [--in-memory]");
        System.out.println("       bench/run torture [--kills 200] [--seed 42] [--accounts 30]"
            + " [--kills-per-round 8] [--create-delay 2s] [--work-dir D] [--json F]");
        System.out.println("       bench/run faults [--rates 0.05,0.15,0.30] [--restarts 3]"
            + " [--accounts 30] [--seed 42] [--applies 5] [--slow-latency 1s] [--only NAME]"
            + " [--work-dir D]");
        System.exit(which.equals("help") ? 0 : 2);
      }
    }
  }
}
