package dev.orgvend.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.time.FakeTicker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateGovernorTest {
  @Test
  void acquire_withinBurst_doesNotWait() throws Exception {
    FakeTicker ticker = FakeTicker.advancingOnSleep();
    RateGovernor governor = new RateGovernor(RateTable.awsPublished(), ticker);
    for (int i = 0; i < 3; i++) {
      governor.acquire("CreateAccount");
    }
    assertThat(ticker.sleeps()).isEmpty();
  }

  @Test
  void acquire_beyondBurst_waitsForTheRefill() throws Exception {
    FakeTicker ticker = FakeTicker.advancingOnSleep();
    RateGovernor governor = new RateGovernor(RateTable.awsPublished(), ticker);
    for (int i = 0; i < 4; i++) {
      governor.acquire("CreateAccount");
    }
    // 0.1 per second, less the 2% margin: the fourth call waits about ten seconds.
    assertThat(ticker.nanoTime()).isBetween(Duration.ofMillis(10_100).toNanos(),
        Duration.ofMillis(10_300).toNanos());
  }

  @Test
  void acquire_whenOverridden_usesTheOverride() throws Exception {
    FakeTicker ticker = FakeTicker.advancingOnSleep();
    RateGovernor governor = new RateGovernor(
        RateTable.awsPublished().with(Map.of("CreateAccount", new Rate(1, 3))), ticker);
    for (int i = 0; i < 5; i++) {
      governor.acquire("CreateAccount");
    }
    assertThat(ticker.nanoTime()).isBetween(Duration.ofMillis(2_000).toNanos(),
        Duration.ofMillis(2_100).toNanos());
  }

  @Test
  void throttled_onceEmptiesTheBucket_twiceCutsTheRate_successesRecoverIt() throws Exception {
    FakeTicker ticker = FakeTicker.advancingOnSleep();
    RateGovernor governor = new RateGovernor(RateTable.awsPublished(), ticker);
    assertThat(governor.currentRate("MoveAccount")).isNull();
    governor.acquire("MoveAccount");
    assertThat(governor.currentRate("MoveAccount")).isEqualTo(2 * 0.98);
    governor.throttled("MoveAccount");
    assertThat(governor.currentRate("MoveAccount")).isEqualTo(2 * 0.98);
    governor.acquire("MoveAccount");
    assertThat(ticker.sleeps()).isNotEmpty();
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
    FakeTicker ticker = FakeTicker.advancingOnSleep();
    RateGovernor governor = new RateGovernor(RateTable.unlimited(), ticker);
    for (int i = 0; i < 100; i++) {
      governor.acquire("ListAccounts");
    }
    assertThat(ticker.sleeps()).isEmpty();
    governor.throttled("ListAccounts");
    governor.acquire("ListAccounts");
    assertThat(ticker.sleeps()).isNotEmpty();
  }

  @Test
  void unlistedOperation_onceThrottled_recoversWithSuccesses_andRunsUnpacedAgain()
      throws Exception {
    FakeTicker ticker = FakeTicker.advancingOnSleep();
    RateGovernor governor = new RateGovernor(RateTable.unlimited(), ticker);
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
    int sleptBefore = ticker.sleeps().size();
    for (int i = 0; i < 100; i++) {
      governor.acquire("AssumeRole");
    }
    assertThat(ticker.sleeps()).hasSize(sleptBefore);
  }
}
