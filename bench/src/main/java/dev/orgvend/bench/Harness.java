package dev.orgvend.bench;

import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.AwsTarget;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.engine.EngineConfig;
import dev.orgvend.core.plan.OrganizationLimits;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** What the benchmarks share: a sandbox to run against, and orgvend's engine configured for it. */
final class Harness {
  /** The engine's worker pool: {@code max(16, --parallel + 4)} with the default --parallel 16. */
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

  /**
   * orgvend's engine as the CLI builds it for {@code --endpoint-url}, pointed at the sandbox with
   * its management keys, pacing at {@code rates}, told the sandbox's account quota (as {@code
   * --limit accounts=N} would), its journal in a fresh temporary directory.
   */
  static EngineConfig.Builder engine(Sandbox sandbox, RateTable rates) {
    var keys = sandbox.managementCredentials();
    return EngineConfig.builder().endpoint(sandbox.endpoint())
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            keys.accessKeyId(), keys.secretAccessKey())))
        .rates(rates).journal(tempDir("orgvend-bench-journal").resolve("journal.db"))
        .limits(OrganizationLimits.awsDefaults().with(Map.of(OrganizationLimits.ACCOUNTS,
            sandbox.settings().accountLimit())));
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
