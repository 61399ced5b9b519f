package dev.orgvend.bench;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Sandbox throughput: signed requests at 1, 8 and 32 concurrent clients, a mix of reads and
 * writes (Organizations reads, STS GetCallerIdentity, AssumeRole which stores a session). Prints
 * requests/s and latency percentiles for two load generators on the same machine (each after 5 s
 * of unmeasured warm-up at 32 clients):
 *
 * <ul>
 *   <li>{@code sdk}: the full AWS SDK for Java v2 clients (Apache HTTP client), as orgvend uses
 *       them. Its own cost of marshalling, signing and parsing is most of the CPU on two cores.
 *   <li>{@code wire}: requests signed afresh by the SDK's SigV4 signer and written to a
 *       keep-alive socket ({@link SignedWire}), so the figures show the server's cost.
 * </ul>
 *
 * <p>By default each client sends its next request as soon as the last one is answered (closed
 * loop: the figures are the saturation throughput and the latency at saturation). With {@code
 * --rate R} the clients together offer R requests/s on a fixed schedule (open loop), and each
 * latency is measured from when the request was due, so a stall counts against every request it
 * delayed.
 */
final class SandboxBench {
  private SandboxBench() {}

  /** Builds one client thread's mix of requests. */
  private interface Generator {
    Runnable[] mixFor(int thread);
  }

  static void main(String[] args) throws Exception {
    int seconds = 10;
    int[] clientCounts = {1, 8, 32};
    boolean inMemory = false;
    int workers = 0;
    double rate = 0;
    List<String> modes = List.of("sdk", "wire");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--clients" -> clientCounts = Arrays.stream(args[++i].split(","))
            .mapToInt(Integer::parseInt).toArray();
        case "--in-memory" -> inMemory = true;
        case "--workers" -> workers = Integer.parseInt(args[++i]);
        case "--client" -> modes = List.of(args[++i].split(","));
        case "--rate" -> rate = Double.parseDouble(args[++i]);
        case "--json" -> i++;
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (options: --seconds N, --clients 1,8,32, --client sdk,wire, --rate REQ_PER_S,"
            + " --in-memory, --workers N, --json FILE)");
      }
    }
    Path dir = Files.createTempDirectory("orgvend-bench");
    Sandbox.Builder builder = Sandbox.builder().port(0).settings(
        SandboxSettings.defaults().withCreateAccountDelay(Duration.ZERO));
    if (!inMemory) {
      builder.dataDir(dir);
    }
    if (workers > 0) {
      builder.workerThreads(workers);
    }
    try (Sandbox sandbox = builder.start()) {
      SdkHttpClient http = ApacheHttpClient.builder().maxConnections(128).build();
      String keyId = sandbox.managementCredentials().accessKeyId();
      String secret = sandbox.managementCredentials().secretAccessKey();
      var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret));
      var noRetry = ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1)).build();
      OrganizationsClient orgs = OrganizationsClient.builder().endpointOverride(sandbox.endpoint())
          .region(Region.US_EAST_1).credentialsProvider(creds).httpClient(http)
          .overrideConfiguration(noRetry).build();
      StsClient sts = StsClient.builder().endpointOverride(sandbox.endpoint())
          .region(Region.US_EAST_1).credentialsProvider(creds).httpClient(http)
          .overrideConfiguration(noRetry).build();
      List<String> accounts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int n = i;
        String id = orgs.createAccount(r -> r.accountName("bench" + n).email("bench" + n + "@example.com"))
            .createAccountStatus().id();
        accounts.add(orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(id))
            .createAccountStatus().accountId());
      }
      Runnable[] sdkMix = {
          () -> orgs.describeOrganization(),
          () -> orgs.listAccounts(),
          () -> orgs.listRoots(),
          () -> orgs.describeAccount(r -> r.accountId(accounts.get(0))),
          () -> sts.getCallerIdentity(),
          () -> sts.getCallerIdentity(),
          () -> sts.assumeRole(r -> r.roleSessionName("bench").roleArn(roleArn(accounts))),
      };
      Generator sdk = thread -> sdkMix;
      Generator wire = thread -> {
        SignedWire socket = new SignedWire(sandbox.endpoint(), keyId, secret);
        SignedWire.Call[] calls = {
            SignedWire.Call.json11("DescribeOrganization", "{}"),
            SignedWire.Call.json11("ListAccounts", "{}"),
            SignedWire.Call.json11("ListRoots", "{}"),
            SignedWire.Call.json11("DescribeAccount", "{\"AccountId\":\"" + accounts.get(0) + "\"}"),
            SignedWire.Call.query("sts", "Action=GetCallerIdentity&Version=2011-06-15"),
            SignedWire.Call.query("sts", "Action=GetCallerIdentity&Version=2011-06-15"),
            null,
        };
        Runnable[] mix = new Runnable[calls.length];
        for (int c = 0; c < calls.length; c++) {
          SignedWire.Call call = calls[c];
          mix[c] = () -> {
            SignedWire.Call actual = call != null ? call : SignedWire.Call.query("sts",
                "Action=AssumeRole&Version=2011-06-15&RoleSessionName=bench&RoleArn="
                    + URLEncoder.encode(roleArn(accounts), StandardCharsets.UTF_8));
            int status = socket.send(actual);
            if (status != 200) {
              throw new IllegalStateException("HTTP " + status);
            }
          };
        }
        return mix;
      };
      System.out.printf("sandbox bench: %d s per level, store=%s, %d cores, mix = 4 Organizations"
          + " reads, 2 GetCallerIdentity, 1 AssumeRole (a write), %s%n", seconds,
          inMemory ? "memory" : "sqlite", Runtime.getRuntime().availableProcessors(),
          rate > 0 ? String.format("open loop at %.0f requests/s offered", rate)
              : "closed loop (each client waits for its answer)");
      Report report = Report.create("sandbox", "Sandbox: signed requests/s and latency", args)
          .setting("secondsPerLevel", seconds).setting("store", inMemory ? "memory" : "sqlite")
          .setting("load", rate > 0 ? "open loop, " + Math.round(rate) + " requests/s offered"
              : "closed loop")
          .column("client", "client", "%s").column("clients", "clients", "%d")
          .column("requestsPerSecond", "req/s", "%d")
          .column("p50Millis", "p50 ms", "%.2f").column("p90Millis", "p90 ms", "%.2f")
          .column("p99Millis", "p99 ms", "%.2f").column("maxMillis", "max ms", "%.2f")
          .column("errors", "errors", "%d");
      System.out.printf("%6s %8s %10s %9s %9s %9s %9s %7s%n", "client", "clients", "req/s",
          "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
      for (String mode : modes) {
        Generator generator = switch (mode) {
          case "sdk" -> sdk;
          case "wire" -> wire;
          default -> throw new IllegalArgumentException("unknown --client " + mode);
        };
        run(mode, generator, 32, 5, 0, null); // warm-up: the SDK needs seconds of JIT work
        for (int clients : clientCounts) {
          run(mode, generator, clients, seconds, rate, report);
        }
      }
      System.out.println("wrote " + report.write(BenchMain.jsonPath("sandbox", args)));
      orgs.close();
      sts.close();
      http.close();
    }
  }

  private static String roleArn(List<String> accounts) {
    return "arn:aws:iam::" + accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()))
        + ":role/OrganizationAccountAccessRole";
  }

  /** One level; {@code report == null} is a warm-up whose figures are dropped. */
  private static void run(String mode, Generator generator, int clients, int seconds, double rate,
      Report report) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong errors = new AtomicLong();
    List<LatencyHistogram> perThread = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(clients);
    long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
    long started = System.nanoTime();
    for (int t = 0; t < clients; t++) {
      LatencyHistogram latencies = new LatencyHistogram();
      perThread.add(latencies);
      int index = t;
      Runnable[] mix = generator.mixFor(t);
      Thread thread = new Thread(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long due = started + (interval > 0 ? interval * index / clients : 0);
        while (!stop.get()) {
          long begin = System.nanoTime();
          if (interval > 0) {
            while (begin < due) {
              LockSupport.parkNanos(due - begin);
              begin = System.nanoTime();
            }
            begin = due;
            due += interval;
          }
          try {
            mix[random.nextInt(mix.length)].run();
          } catch (RuntimeException e) {
            errors.incrementAndGet();
          }
          latencies.record(System.nanoTime() - begin);
        }
        done.countDown();
      });
      thread.setDaemon(true);
      thread.start();
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    done.await();
    double elapsed = (System.nanoTime() - started) / 1e9;
    if (report == null) {
      return;
    }
    LatencyHistogram all = new LatencyHistogram();
    perThread.forEach(all::add);
    double perSecond = all.count() / elapsed;
    System.out.printf("%6s %8d %10.0f %9.2f %9.2f %9.2f %9.2f %7d%n", mode, clients,
        perSecond, all.percentileMillis(0.50), all.percentileMillis(0.90),
        all.percentileMillis(0.99), all.maxMillis(), errors.get());
    var row = report.row();
    row.put("client", mode);
    row.put("clients", clients);
    row.put("requestsPerSecond", Math.round(perSecond));
    row.put("p50Millis", all.percentileMillis(0.50));
    row.put("p90Millis", all.percentileMillis(0.90));
    row.put("p99Millis", all.percentileMillis(0.99));
    row.put("maxMillis", all.maxMillis());
    row.put("errors", errors.get());
  }
}
