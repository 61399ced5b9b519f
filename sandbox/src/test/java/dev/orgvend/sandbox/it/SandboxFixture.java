package dev.orgvend.sandbox.it;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxCredentials;
import dev.orgvend.sandbox.SandboxSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A sandbox on a free port with real AWS SDK clients pointed at it. Each test class gets its own
 * sandbox. Its time stands still unless a test moves it ({@link Sandbox#advanceClock}), so a
 * pending creation or closure finishes when the test says and never because the machine was slow;
 * only clients that poll like real ones (boto3, the AWS CLI) get a sandbox whose time runs.
 */
public final class SandboxFixture implements AutoCloseable {
  public final Sandbox sandbox;
  public final URI endpoint;
  public final SandboxCredentials management;

  /** Sandbox time when a fixture starts; it moves only when a test advances it. */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  public SandboxFixture() {
    this(SandboxSettings.defaults().withCreateAccountDelay(Duration.ofMillis(200)));
  }

  public SandboxFixture(SandboxSettings settings) {
    this(settings, Clock.fixed(START, ZoneOffset.UTC));
  }

  private SandboxFixture(SandboxSettings settings, Clock clock) {
    this.sandbox = Sandbox.builder().port(0).settings(settings).seed(42).clock(clock).start();
    this.endpoint = sandbox.endpoint();
    this.management = sandbox.managementCredentials();
  }

  /**
   * A fixture whose sandbox time runs with the wall clock, for clients that wait for a creation
   * by polling until it is done, as real clients do.
   */
  public static SandboxFixture withRunningTime() {
    return new SandboxFixture(
        SandboxSettings.defaults().withCreateAccountDelay(Duration.ofMillis(200)),
        Clock.systemUTC());
  }

  public StaticCredentialsProvider managementProvider() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(management.accessKeyId(), management.secretAccessKey()));
  }

  public static StaticCredentialsProvider sessionProvider(Credentials c) {
    return StaticCredentialsProvider.create(
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
  }

  public static ClientOverrideConfiguration noRetries() {
    return ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
        .retryStrategy(b -> b.maxAttempts(1)).build();
  }

  public OrganizationsClient organizations() {
    return organizations(managementProvider());
  }

  public OrganizationsClient organizations(StaticCredentialsProvider credentials) {
    return OrganizationsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .overrideConfiguration(noRetries())
        .build();
  }

  public StsClient sts() {
    return sts(managementProvider());
  }

  public StsClient sts(StaticCredentialsProvider credentials) {
    return StsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .overrideConfiguration(noRetries())
        .build();
  }

  /** Creates an account and waits (on the sandbox's clock) until the request settles. */
  public CreateAccountStatus createAccount(OrganizationsClient orgs, String name, String email) {
    CreateAccountStatus status =
        orgs.createAccount(r -> r.accountName(name).email(email)).createAccountStatus();
    sandbox.advanceClock(Duration.ofSeconds(1));
    return orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(status.id()))
        .createAccountStatus();
  }

  public static boolean succeeded(CreateAccountStatus status) {
    return status.state() == CreateAccountState.SUCCEEDED;
  }

  public static AwsCredentials basic(String id, String secret) {
    return AwsBasicCredentials.create(id, secret);
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
