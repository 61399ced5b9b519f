package dev.orgvend.cli;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxCredentials;
import dev.orgvend.sandbox.SandboxSettings;
import dev.orgvend.sandbox.SandboxSettings.OverQuota;
import dev.orgvend.sandbox.SandboxSettings.Rate;
import dev.orgvend.sandbox.SandboxSettings.Throttling;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Start the sandbox and serve until interrupted (Ctrl-C).",
      "Prints the management account's keys as environment variables to paste into a shell.",
      "  orgvend sandbox serve [--port 4566] [--in-memory] [--create-delay 2s]"
    })
final class SandboxServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any"
          + " other address, e.g. 0.0.0.0, lets other machines reach the AWS API and prints a"
          + " warning; the admin API stays loopback-only.")
  String host;

  @Option(names = "--port", defaultValue = "4566", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--data-dir", defaultValue = ".orgvend/sandbox",
      description = "Where state is kept between restarts (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--in-memory", description = "Keep no state on disk.")
  boolean inMemory;

  @Option(names = "--create-delay", defaultValue = "2s",
      description = "How long CreateAccount stays IN_PROGRESS (default: ${DEFAULT-VALUE}).")
  Duration createDelay;

  @Option(names = "--throttle", defaultValue = "off",
      description = "Throttling: off, or aws for Organizations' published per-account rates (default: ${DEFAULT-VALUE}).")
  Throttling throttling;

  @Option(names = "--rate", paramLabel = "OPERATION=RATE[:BURST]",
      description = "Throttle one operation, e.g. CreateAccount=1:3 (repeatable).")
  List<String> rates = new ArrayList<>();

  @Option(names = "--latency", defaultValue = "0", description = "Delay added to every AWS API response, e.g. 20ms.")
  Duration latency;

  @Option(names = "--fault-rate", defaultValue = "0",
      description = "Share of requests (0..1) answered with an injected server error.")
  double faultRate;

  @Option(names = "--drop-rate", defaultValue = "0",
      description = "Share of requests (0..1) whose connection is dropped, before or after the operation ran.")
  double dropRate;

  @Option(names = "--throttle-rate", defaultValue = "0",
      description = "Share of requests (0..1) refused with the throttling error at random.")
  double throttleRate;

  @Option(names = "--slow-rate", defaultValue = "0",
      description = "Share of requests (0..1) answered late, by --slow-latency.")
  double slowRate;

  @Option(names = "--slow-latency", defaultValue = "2s",
      description = "How late a slow answer is (default: ${DEFAULT-VALUE}).")
  Duration slowLatency;

  @Option(names = "--over-quota", defaultValue = "sync",
      description = "How a full organization rejects CreateAccount: sync (ConstraintViolationException) or async (request FAILS with ACCOUNT_LIMIT_EXCEEDED).")
  OverQuota overQuota;

  @Option(names = "--account-limit", defaultValue = "10000",
      description = "Accounts the organization may hold (AWS default is 10, adjustable; default here: ${DEFAULT-VALUE}).")
  int accountLimit;

  @Option(names = "--max-creations-in-flight", defaultValue = "5",
      description = "CreateAccount requests IN_PROGRESS at once (AWS: 5).")
  int maxInFlight;

  @Option(names = "--taken-emails", paramLabel = "FILE",
      description = "File of e-mail addresses (one a line) that belong to accounts outside the organization.")
  Path takenEmails;

  @Option(names = "--no-organization", description = "Start with no organization (to try CreateOrganization).")
  boolean noOrganization;

  @Option(names = "--seed", description = "Seed for ids and keys, for reproducible runs.")
  Long seed;

  @Override
  public Integer call() throws Exception {
    Map<String, Rate> overrides = new LinkedHashMap<>();
    for (String r : rates) {
      int eq = r.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--rate takes OPERATION=RATE[:BURST], e.g. CreateAccount=1:3; got '" + r + "'");
      }
      overrides.put(r.substring(0, eq), Rate.parse(r.substring(eq + 1)));
    }
    SandboxSettings settings = new SandboxSettings(createDelay, throttling, overrides, latency,
        faultRate, dropRate, overQuota, accountLimit, maxInFlight,
        SandboxSettings.defaults().orgLimits(), throttleRate, slowRate, slowLatency);
    List<String> taken = new ArrayList<>();
    if (takenEmails != null) {
      try {
        taken.addAll(Files.readAllLines(takenEmails));
      } catch (IOException e) {
        throw new UserError("cannot read --taken-emails file " + takenEmails + ": " + e.getMessage());
      }
    }

    Sandbox.Builder builder = Sandbox.builder().host(host).port(port).settings(settings)
        .withOrganization(!noOrganization);
    if (!inMemory) {
      builder.dataDir(dataDir);
    }
    if (seed != null) {
      builder.seed(seed);
    }
    Sandbox sandbox;
    try {
      sandbox = builder.start();
    } catch (RuntimeException e) {
      throw new UserError("cannot start the sandbox on " + host + ":" + port + ": " + rootMessage(e),
          ExitCodes.ERROR);
    }
    if (!taken.isEmpty()) {
      sandbox.world().transact(() -> sandbox.organizations().seedTakenEmails(taken));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "sandbox-shutdown"));

    PrintWriter out = spec.commandLine().getOut();
    if (!loopback(host)) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("orgvend: warning: --host " + host + " is not a loopback address: other"
          + " machines that can reach port " + sandbox.endpoint().getPort() + " can call this"
          + " sandbox's AWS API, signed with its keys. The admin API under /_sandbox/ still"
          + " answers this machine only. Leave --host out to listen on 127.0.0.1 only.");
      err.flush();
    }
    SandboxCredentials c = sandbox.managementCredentials();
    out.println("orgvend sandbox listening on " + sandbox.endpoint()
        + (inMemory ? " (state in memory)" : " (state in " + dataDir.resolve("sandbox.db") + ")"));
    out.println("management account " + c.accountId() + "; these keys work only here:");
    out.println();
    out.print(CredentialFormats.env(c, sandbox.endpoint().toString()));
    out.println();
    out.println("Try: aws --endpoint-url " + sandbox.endpoint()
        + " organizations describe-organization");
    out.println("Stop with Ctrl-C.");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  /** Whether {@code host} names only this machine; a name that does not resolve counts as not. */
  static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
