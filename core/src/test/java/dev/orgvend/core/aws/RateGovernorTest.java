package dev.orgvend.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateGovernorTest {
  /** A clock that only moves when the code under test sleeps. */
  static final class FakePacer implements Pacer {
    long now;
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(Duration d) {
      sleeps.add(d);
      now += d.toNanos();
    }
  }

  @Test
  void acquire_withinBurst_doesNotWait() throws Exception {
    FakePacer pacer = new FakePacer();
    RateGovernor governor = new RateGovernor(RateTable.awsPublished(), pacer);
    for (int i = 0; i < 3; i++) {
      governor.acquire("CreateAccount");
    }
    assertThat(pacer.sleeps).isEmpty();
  }

  @Test
  void acquire_beyondBurst_waitsForTheRefill() throws Exception {
    FakePacer pacer = new FakePacer();
    RateGovernor governor = new RateGovernor(RateTable.awsPublished(), pacer);
    for (int i = 0; i < 4; i++) {
      governor.acquire("CreateAccount");
    }
    // 0.1 per second, less the 2% margin: the fourth call waits about ten seconds.
    assertThat(pacer.now).isBetween(Duration.ofMillis(10_100).toNanos(),
        Duration.ofMillis(10_300).toNanos());
  }

  @Test
  void acquire_whenOverridden_usesTheOverride() throws Exception {
    FakePacer pacer = new FakePacer();
    RateGovernor governor = new RateGovernor(
        RateTable.awsPublished().with(Map.of("CreateAccount", new Rate(1, 3))), pacer);
    for (int i = 0; i < 5; i++) {
      governor.acquire("CreateAccount");
    }
    assertThat(pacer.now).isBetween(Duration.ofMillis(2_000).toNanos(),
        Duration.ofMillis(2_100).toNanos());
  }

  @Test
  void throttled_onceEmptiesTheBucket_twiceCutsTheRate_successesRecoverIt() throws Exception {
    FakePacer pacer = new FakePacer();
    RateGovernor governor = new RateGovernor(RateTable.awsPublished(), pacer);
    assertThat(governor.currentRate("MoveAccount")).isNull();
    governor.acquire("MoveAccount");
    assertThat(governor.currentRate("MoveAccount")).isEqualTo(2 * 0.98);
    governor.throttled("MoveAccount");
    assertThat(governor.currentRate("MoveAccount")).isEqualTo(2 * 0.98);
    governor.acquire("MoveAccount");
    assertThat(pacer.sleeps).isNotEmpty();
    governor.throttled("MoveAccount");
    assertThat(governor.currentRate("MoveAccount")).isCloseTo(2 * 0.98 * 0.7,
        org.assertj.core.data.Offset.offset(1e-9));
    for (int i = 0; i < 10; i++) {
      governor.succeeded("MoveAccount");
    }
    assertThat(governor.currentRate("MoveAccount")).isEqualTo(2 * 0.98);
  }

  @Test
  void unlistedOperation_runsUnpacedUntilThrottled() throws Exception {
    FakePacer pacer = new FakePacer();
    RateGovernor governor = new RateGovernor(RateTable.unlimited(), pacer);
    for (int i = 0; i < 100; i++) {
      governor.acquire("ListAccounts");
    }
    assertThat(pacer.sleeps).isEmpty();
    governor.throttled("ListAccounts");
    governor.acquire("ListAccounts");
    assertThat(pacer.sleeps).isNotEmpty();
  }

  @Test
  void unlistedOperation_onceThrottled_recoversWithSuccesses_andRunsUnpacedAgain()
      throws Exception {
    FakePacer pacer = new FakePacer();
    RateGovernor governor = new RateGovernor(RateTable.unlimited(), pacer);
    governor.throttled("AssumeRole");
    assertThat(governor.currentRate("AssumeRole")).isEqualTo(1.0);
    governor.succeeded("AssumeRole");
    assertThat(governor.currentRate("AssumeRole")).isCloseTo(1.1,
        org.assertj.core.data.Offset.offset(1e-9));
    // 1.1^32 is about 21: past the point where pacing stops.
    for (int i = 0; i < 31; i++) {
      governor.succeeded("AssumeRole");
    }
    assertThat(governor.currentRate("AssumeRole")).isZero();
    pacer.sleeps.clear();
    for (int i = 0; i < 100; i++) {
      governor.acquire("AssumeRole");
    }
    assertThat(pacer.sleeps).isEmpty();
  }
}
