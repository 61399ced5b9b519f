package dev.orgvend.bench;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.AwsTarget;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.live.OrganizationReader;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** What the benchmarks share: a sandbox to run against, and orgvend wired as the CLI wires it. */
final class Harness {
  /** The CLI's worker pool: {@code max(16, --parallel + 4)} with the default --parallel 16. */
  static final int CLI_POOL = 20;

  private Harness() {}

  /** A sandbox on a free port; its state in a fresh temporary directory unless in memory. */
  static Sandbox sandbox(SandboxSettings settings, boolean inMemory) {
    Sandbox.Builder builder = Sandbox.builder().port(0).settings(settings);
    if (!inMemory) {
      try {
        builder.dataDir(Files.createTempDirectory("orgvend-bench"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return builder.start();
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** orgvend's SDK clients for the sandbox's management account. */
  static AwsClients clients(Sandbox sandbox) {
    var keys = sandbox.managementCredentials();
    return new AwsClients(new AwsTarget("us-east-1", sandbox.endpoint(), null,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(),
            keys.secretAccessKey()))));
  }

  static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bench-worker");
      t.setDaemon(true);
      return t;
    });
  }

  /** Reads the organization as {@code orgvend plan} does: tags only of the spec's accounts. */
  static LiveOrganization read(AwsClients clients, AwsCaller caller, ExecutorService pool,
      Spec spec) {
    Set<String> emails = spec.accounts().stream().map(AccountSpec::email)
        .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    return new OrganizationReader(clients.organizations(), caller, pool)
        .read(a -> emails.contains(a.email().toLowerCase(Locale.ROOT)));
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static double mib(long bytes) {
    return Math.round(bytes / 1048576.0 * 10) / 10.0;
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
