package dev.orgvend.cli;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A sandbox for CLI integration tests, reached over HTTP with {@code --endpoint-url}. The
 * engine finds the management keys through the SDK's default chain, so they are fixed and put
 * in the {@code aws.accessKeyId} / {@code aws.secretAccessKey} system properties; every test
 * class uses the same keys. Also gives SDK clients that act inside member accounts, for
 * assertions and for causing drift the way an account's own users would.
 */
final class MemberSandbox implements AutoCloseable {
  static final String KEY_ID = "AKIAORGVENDCLITEST01";
  static final String SECRET = "orgvend/cli/integration/test/secret/key00";

  final Sandbox sandbox;
  final URI endpoint;

  MemberSandbox(SandboxSettings settings) {
    System.setProperty("aws.accessKeyId", KEY_ID);
    System.setProperty("aws.secretAccessKey", SECRET);
    this.sandbox = Sandbox.builder().port(0).settings(settings).managementKey(KEY_ID, SECRET)
        .start();
    this.endpoint = sandbox.endpoint();
  }

  MemberSandbox() {
    this(SandboxSettings.defaults().withCreateAccountDelay(Duration.ofMillis(200)));
  }

  /** The common arguments that point a command at this sandbox and the spec. */
  String[] args(Path spec, String command, String... more) {
    List<String> all = new ArrayList<>(List.of(command, "-f", spec.toString(), "--endpoint-url",
        endpoint.toString(), "--pace", "none"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  static Path writeSpec(Path dir, String yaml) throws Exception {
    Path spec = dir.resolve("orgvend.yaml");
    Files.writeString(spec, yaml);
    return spec;
  }

  StaticCredentialsProvider management() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET));
  }

  <B extends AwsClientBuilder<B, C>, C> C client(B builder, StaticCredentialsProvider creds,
      Region region) {
    return builder.endpointOverride(endpoint).region(region).credentialsProvider(creds)
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(b -> b.maxAttempts(1)).build())
        .build();
  }

  OrganizationsClient organizations() {
    return client(OrganizationsClient.builder(), management(), Region.US_EAST_1);
  }

  String accountIdOf(String email) {
    try (OrganizationsClient orgs = organizations()) {
      return orgs.listAccountsPaginator().stream().flatMap(p -> p.accounts().stream())
          .filter(a -> a.email().equalsIgnoreCase(email)).map(Account::id).findFirst()
          .orElseThrow(() -> new AssertionError("no account with address " + email));
    }
  }

  /** Credentials of a session in the member account through its role. */
  StaticCredentialsProvider member(String accountId, String roleName) {
    try (StsClient sts = client(StsClient.builder(), management(), Region.US_EAST_1)) {
      Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId + ":role/"
          + roleName).roleSessionName("it-test")).credentials();
      return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
          c.secretAccessKey(), c.sessionToken()));
    }
  }

  <T> T asMember(String accountId, Function<StaticCredentialsProvider, T> work) {
    return work.apply(member(accountId, "OrganizationAccountAccessRole"));
  }

  @Override
  public void close() {
    sandbox.close();
  }

  /** The per-operation call counts apply prints, e.g. {@code API calls: 4 {AssumeRole=1, …}}. */
  static Map<String, Long> operations(String out) {
    Matcher m = Pattern.compile("API calls: \\d+ \\{([^}]*)}").matcher(out);
    if (!m.find()) {
      throw new AssertionError("no API call counts in:\n" + out);
    }
    Map<String, Long> calls = new java.util.TreeMap<>();
    if (!m.group(1).isBlank()) {
      Arrays.stream(m.group(1).split(", ")).map(kv -> kv.split("="))
          .forEach(kv -> calls.put(kv[0], Long.parseLong(kv[1])));
    }
    return calls;
  }
}
