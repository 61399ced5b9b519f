package dev.orgvend.core.engine;

import dev.orgvend.core.plan.OrganizationLimits;
import dev.orgvend.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Engines for tests, pointed at a sandbox's endpoint with its management keys. */
public final class SandboxEngines {
  private SandboxEngines() {}

  /** No pacing, a fixed seed, the journal in {@code journal}; the rest as the CLI defaults. */
  public static EngineConfig.Builder config(Sandbox sandbox, Path journal) {
    var keys = sandbox.managementCredentials();
    return EngineConfig.builder().endpoint(sandbox.endpoint())
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            keys.accessKeyId(), keys.secretAccessKey())))
        .pacedAtAwsRates(false).journal(journal).seed(20261205L);
  }

  /**
   * The same, told the sandbox's own account quota (which no AWS API reports; the CLI is told it
   * with {@code --limit accounts=N}), for tests that vend more accounts than AWS's default 10.
   */
  public static Engine startWithSandboxQuota(Sandbox sandbox, Path journal) {
    return Engine.start(config(sandbox, journal).limits(OrganizationLimits.awsDefaults()
        .with(Map.of(OrganizationLimits.ACCOUNTS, sandbox.settings().accountLimit()))).build());
  }

  public static Engine start(Sandbox sandbox, Path journal) {
    return Engine.start(config(sandbox, journal).build());
  }
}
