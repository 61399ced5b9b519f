package dev.orgvend.bench;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Sandbox throughput: signed requests from the Java SDK at 1, 8 and 32 concurrent clients, a mix
 * of reads and writes (Organizations reads, STS GetCallerIdentity, AssumeRole which stores a
 * session). Prints requests/s and latency percentiles. The client runs in the same JVM on the
 * same cores, so the figures include the SDK's own cost of signing and parsing.
 */
final class SandboxBench {
  private SandboxBench() {}

  static void main(String[] args) throws Exception {
    int seconds = 10;
    int[] clientCounts = {1, 8, 32};
    boolean inMemory = false;
    int workers = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--clients" -> clientCounts = Arrays.stream(args[++i].split(","))
            .mapToInt(Integer::parseInt).toArray();
        case "--in-memory" -> inMemory = true;
        case "--workers" -> workers = Integer.parseInt(args[++i]);
        case "--json" -> i++;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
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
      var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(
          sandbox.managementCredentials().accessKeyId(),
          sandbox.managementCredentials().secretAccessKey()));
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
      Runnable[] mix = {
          () -> orgs.describeOrganization(),
          () -> orgs.listAccounts(),
          () -> orgs.listRoots(),
          () -> orgs.describeAccount(r -> r.accountId(accounts.get(0))),
          () -> sts.getCallerIdentity(),
          () -> sts.getCallerIdentity(),
          () -> sts.assumeRole(r -> r.roleSessionName("bench").roleArn("arn:aws:iam::"
              + accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()))
              + ":role/OrganizationAccountAccessRole")),
      };
      Report report = Report.create("sandbox", "Sandbox: signed requests from the Java SDK", args)
          .setting("secondsPerLevel", seconds).setting("store", inMemory ? "memory" : "sqlite")
          .column("clients", "clients", "%d").column("requestsPerSecond", "req/s", "%.0f")
          .column("p50Millis", "p50 ms", "%.2f").column("p90Millis", "p90 ms", "%.2f")
          .column("p99Millis", "p99 ms", "%.2f").column("maxMillis", "max ms", "%.2f")
          .column("errors", "errors", "%d");
      System.out.printf("sandbox bench: %d s per level, store=%s, %d cores, mix = 4 Organizations"
          + " reads, 2 GetCallerIdentity, 1 AssumeRole (a write)%n", seconds,
          inMemory ? "memory" : "sqlite", Runtime.getRuntime().availableProcessors());
      run(mix, 8, 3, null);
      System.out.printf("%8s %10s %9s %9s %9s %9s %7s%n", "clients", "req/s", "p50 ms", "p90 ms",
          "p99 ms", "max ms", "errors");
      for (int clients : clientCounts) {
        run(mix, clients, seconds, report);
      }
      System.out.println("wrote " + report.write(BenchMain.jsonPath("sandbox", args)));
      orgs.close();
      sts.close();
      http.close();
    }
  }

  private static void run(Runnable[] mix, int clients, int seconds, Report report)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong errors = new AtomicLong();
    List<long[]> perThread = new ArrayList<>();
    int[] counts = new int[clients];
    CountDownLatch done = new CountDownLatch(clients);
    for (int t = 0; t < clients; t++) {
      long[] samples = new long[2_000_000];
      perThread.add(samples);
      int index = t;
      Thread thread = new Thread(() -> {
        int n = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop.get() && n < samples.length) {
          long start = System.nanoTime();
          try {
            mix[random.nextInt(mix.length)].run();
          } catch (RuntimeException e) {
            errors.incrementAndGet();
          }
          samples[n++] = System.nanoTime() - start;
        }
        counts[index] = n;
        done.countDown();
      });
      thread.setDaemon(true);
      thread.start();
    }
    long started = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    done.await();
    double elapsed = (System.nanoTime() - started) / 1e9;
    if (report == null) {
      return;
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < clients; t++) {
      System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    System.out.printf("%8d %10.0f %9.2f %9.2f %9.2f %9.2f %7d%n", clients, total / elapsed,
        pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), all[all.length - 1] / 1e6, errors.get());
    var row = report.row();
    row.put("clients", clients);
    row.put("requestsPerSecond", Math.round(total / elapsed));
    row.put("p50Millis", pct(all, 0.50));
    row.put("p90Millis", pct(all, 0.90));
    row.put("p99Millis", pct(all, 0.99));
    row.put("maxMillis", all[all.length - 1] / 1e6);
    row.put("errors", errors.get());
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
