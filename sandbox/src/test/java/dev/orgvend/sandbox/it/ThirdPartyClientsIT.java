package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the seed article's flow through third-party clients: two generations of boto3 and of the
 * AWS CLI. They prove the sandbox speaks the wire protocols as AWS does, not just as our SDK
 * expects (current boto3 talks JSON 1.0 to CloudWatch; the older one and SDK v2 talk Query).
 *
 * <p>A client that is not installed is skipped locally, but fails under CI ({@code CI=true}),
 * where {@code .ci/run} installs them all.
 */
class ThirdPartyClientsIT {
  private static final Path INTEROP = Path.of("..", "interop").toAbsolutePath().normalize();
  private static final AtomicInteger RUN = new AtomicInteger();
  static SandboxFixture fx;

  @BeforeAll
  static void start() {
    // The scripts poll DescribeCreateAccountStatus until the creation is done, as real clients
    // do (waiting for that event, with a deadline), so sandbox time must run.
    fx = SandboxFixture.withRunningTime();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static Stream<Arguments> clients() {
    String py = INTEROP.resolve("seed_flow.py").toString();
    String cli = INTEROP.resolve("seed_flow_cli.sh").toString();
    return Stream.of(
        Arguments.of("boto3 from python3 on PATH", List.of("python3", "-c", "import boto3"),
            List.of("python3", py)),
        Arguments.of("boto3 from Debian's python3-boto3",
            List.of("/usr/bin/python3", "-c", "import boto3"), List.of("/usr/bin/python3", py)),
        Arguments.of("AWS CLI on PATH", List.of("aws", "--version"), List.of("bash", cli, "aws")),
        Arguments.of("AWS CLI v2 from Debian's awscli", List.of("/usr/bin/aws", "--version"),
            List.of("bash", cli, "/usr/bin/aws")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void seedFlow_withThirdPartyClient_landsInMemberAccount(
      String name, List<String> probe, List<String> command) throws Exception {
    boolean available = run(probe, Map.of(), 30).exitCode == 0;
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(available, name + " is not installed");
    }
    assertThat(available).as(name + " must be installed in CI (see .ci/run)").isTrue();

    Result result = run(command, Map.of(
        "ORGVEND_ENDPOINT", fx.endpoint.toString(),
        "AWS_ACCESS_KEY_ID", fx.management.accessKeyId(),
        "AWS_SECRET_ACCESS_KEY", fx.management.secretAccessKey(),
        "ORGVEND_RUN_ID", "r" + RUN.incrementAndGet() + "x" + ProcessHandle.current().pid(),
        "ORGVEND_POLL_SECONDS", "0.2"), 300);
    assertThat(result.exitCode).as(name + " output:\n" + result.output).isZero();
    assertThat(result.output).contains("seed flow OK");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds)
      throws InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("AWS_"));
    e.put("AWS_CONFIG_FILE", "/dev/null");
    e.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    e.put("AWS_EC2_METADATA_DISABLED", "true");
    e.putAll(env);
    try {
      Path log = Files.createTempFile("interop", ".log");
      pb.redirectOutput(log.toFile());
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out\n" + Files.readString(log));
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      return new Result(p.exitValue(), out);
    } catch (IOException ex) {
      return new Result(-2, ex.toString());
    }
  }
}
