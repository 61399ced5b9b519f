package dev.orgvend.cli;

import static dev.orgvend.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.Sandbox;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code sandbox credentials} asks a running sandbox for its management keys. */
class SandboxCredentialsIT {
  private static final String KEY_ID = "AKIAORGVENDTEST00001";
  private static final String SECRET = "orgvend/test/secret/0000000000000000000000";
  private static Sandbox sandbox;
  private static String endpoint;
  private static String account;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().port(0).seed(7).managementKey(KEY_ID, SECRET).start();
    endpoint = sandbox.endpoint().toString();
    account = sandbox.managementCredentials().accountId();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void credentials_asEnv_areExportLines() {
    CliRunner.Result r = run("sandbox", "credentials", "--endpoint-url", endpoint,
        "--format", "env");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("export AWS_ACCESS_KEY_ID=" + KEY_ID + "\n"
        + "export AWS_SECRET_ACCESS_KEY=" + SECRET + "\n"
        + "export AWS_DEFAULT_REGION=us-east-1\n"
        + "export AWS_ENDPOINT_URL=" + endpoint + "\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void credentials_asProfile_fillBothAwsCliFiles() {
    CliRunner.Result r = run("sandbox", "credentials", "--endpoint-url", endpoint + "/",
        "--format", "profile");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("""
        # ~/.aws/credentials
        [orgvend-sandbox]
        aws_access_key_id = %s
        aws_secret_access_key = %s

        # ~/.aws/config
        [profile orgvend-sandbox]
        region = us-east-1
        endpoint_url = %s
        """.formatted(KEY_ID, SECRET, endpoint));
  }

  @Test
  void credentials_asJson_includeTheAccount() {
    CliRunner.Result r = run("sandbox", "credentials", "--endpoint-url", endpoint,
        "--format", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("{\"accessKeyId\":\"" + KEY_ID + "\",\"secretAccessKey\":\""
        + SECRET + "\",\"accountId\":\"" + account + "\",\"endpoint\":\"" + endpoint
        + "\",\"region\":\"us-east-1\"}\n");
  }

  @Test
  void credentials_whenNoSandboxAnswers_sayHowToStartOne() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    CliRunner.Result r = run("sandbox", "credentials", "--endpoint-url",
        "http://127.0.0.1:" + port);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("orgvend: no sandbox answers at http://127.0.0.1:" + port
        + " (start one with 'orgvend sandbox serve')");
  }

  @Test
  void credentials_withAnUnknownFormat_isBadInput() {
    CliRunner.Result r = run("sandbox", "credentials", "--endpoint-url", endpoint,
        "--format", "yaml");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("Invalid value for option '--format'");
  }
}
