package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxCredentials;
import dev.orgvend.sandbox.SandboxSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sandbox with faults, drops and random throttles replays them from its seed: the same
 * requests meet the same fates, whatever other requests arrive in between. Requests go out one
 * per connection through {@link RawHttp}, so no client retries on its own.
 */
class FaultReplayIT {
  private static final SandboxSettings TROUBLE = SandboxSettings.defaults()
      .withFaults(Duration.ZERO, 0.25, 0.2).withTrouble(0.15, 0, Duration.ZERO);
  private static final int CALLS = 30;

  private static Sandbox start(long seed) {
    return Sandbox.builder().port(0).seed(seed).settings(TROUBLE)
        .clock(Clock.fixed(SandboxFixture.START, ZoneOffset.UTC)).start();
  }

  /** What one read met: {@code ok}, the AWS error code, or {@code dropped}. */
  private static String call(Sandbox sandbox, String operation) {
    SandboxCredentials keys = sandbox.managementCredentials();
    RawHttp.Request request = new RawHttp.Request(sandbox.endpoint())
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "AWSOrganizationsV20161128." + operation).body("{}")
        .sign(sandbox.endpoint(), keys.accessKeyId(), keys.secretAccessKey(), "organizations",
            Clock.systemUTC());
    RawHttp.Reply reply = RawHttp.send(sandbox.endpoint(), request);
    return reply.status() == 0 ? "dropped" : reply.status() == 200 ? "ok" : reply.code();
  }

  private static List<String> calls(Sandbox sandbox, String operation, int times) {
    List<String> fates = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      fates.add(call(sandbox, operation));
    }
    return fates;
  }

  @Test
  void requests_whenSentAgainToASandboxWithTheSameSeed_meetTheSameFates() {
    List<String> first;
    List<String> second;
    try (Sandbox sandbox = start(42)) {
      first = calls(sandbox, "DescribeOrganization", CALLS);
    }
    try (Sandbox sandbox = start(42)) {
      second = calls(sandbox, "DescribeOrganization", CALLS);
    }

    assertThat(second).isEqualTo(first);
    assertThat(first).contains("ok", "dropped", "ServiceException",
        "TooManyRequestsException");
  }

  @Test
  void requests_whenOthersArriveInBetween_meetTheSameFates() {
    List<String> alone;
    List<String> roots = new ArrayList<>();
    List<String> interleaved = new ArrayList<>();
    try (Sandbox sandbox = start(42)) {
      alone = calls(sandbox, "DescribeOrganization", CALLS);
    }
    try (Sandbox sandbox = start(42)) {
      for (int i = 0; i < CALLS; i++) {
        roots.add(call(sandbox, "ListRoots"));
        interleaved.add(call(sandbox, "DescribeOrganization"));
      }
    }

    assertThat(interleaved).isEqualTo(alone);
    assertThat(roots).as("the other requests met faults of their own").isNotEqualTo(alone);
  }

  @Test
  void requests_whenTheSeedDiffers_meetOtherFates() {
    List<String> one;
    List<String> other;
    try (Sandbox sandbox = start(42)) {
      one = calls(sandbox, "DescribeOrganization", CALLS);
    }
    try (Sandbox sandbox = start(43)) {
      other = calls(sandbox, "DescribeOrganization", CALLS);
    }

    assertThat(other).isNotEqualTo(one);
  }
}
