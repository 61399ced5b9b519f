package dev.orgvend.core.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one run, built once and shared. SDK retries are off ({@link AwsCaller}
 * retries); timeouts are on, so no call waits forever.
 */
public final class AwsClients implements AutoCloseable {
  private final AwsTarget target;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final ClientOverrideConfiguration overrides;
  private final OrganizationsClient organizations;
  private final StsClient sts;

  public AwsClients(AwsTarget target) {
    this.target = target;
    this.http = ApacheHttpClient.builder().maxConnections(64)
        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(30)).build();
    this.credentials = target.credentials() != null ? target.credentials()
        : target.profile() != null ? ProfileCredentialsProvider.create(target.profile())
        : DefaultCredentialsProvider.builder().build();
    this.overrides = ClientOverrideConfiguration.builder()
        .retryStrategy(b -> b.maxAttempts(1))
        .apiCallAttemptTimeout(Duration.ofSeconds(30))
        .apiCallTimeout(Duration.ofSeconds(60))
        .build();
    var orgs = OrganizationsClient.builder().httpClient(http).credentialsProvider(credentials)
        .overrideConfiguration(overrides).region(Region.US_EAST_1);
    var stsBuilder = StsClient.builder().httpClient(http).credentialsProvider(credentials)
        .overrideConfiguration(overrides).region(Region.of(target.region()));
    if (target.endpoint() != null) {
      orgs.endpointOverride(target.endpoint());
      stsBuilder.endpointOverride(target.endpoint());
    }
    this.organizations = orgs.build();
    this.sts = stsBuilder.build();
  }

  public AwsTarget target() {
    return target;
  }

  public OrganizationsClient organizations() {
    return organizations;
  }

  public StsClient sts() {
    return sts;
  }

  /** The shared HTTP client, for member-account clients built from session credentials. */
  public SdkHttpClient http() {
    return http;
  }

  public ClientOverrideConfiguration overrides() {
    return overrides;
  }

  @Override
  public void close() {
    organizations.close();
    sts.close();
    http.close();
  }
}
