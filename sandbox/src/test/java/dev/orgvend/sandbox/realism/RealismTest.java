package dev.orgvend.sandbox.realism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.realism.Realism.Verdict;
import dev.orgvend.sandbox.realism.RealismKnobs.TokenRate;
import dev.orgvend.sandbox.state.SandboxClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The realism knobs on single requests, with a recorded pause and a clock that stands still. */
class RealismTest {
  private static final byte[] BODY = new byte[0];
  private final List<Duration> held = new ArrayList<>();
  private final SandboxClock clock = new SandboxClock(
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), Clock.systemUTC());

  private Realism realism(long seed) {
    return new Realism(new Dice(seed), clock, held::add);
  }

  private static RealismKnobs knobs(double fault, double drop, double throttle,
      Map<String, TokenRate> rates) {
    return new RealismKnobs(Duration.ofMillis(20), fault, drop, throttle, 0, Duration.ZERO,
        false, rates);
  }

  private static List<Verdict> verdicts(Realism realism, RealismKnobs knobs, int requests) {
    List<Verdict> out = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      out.add(realism.trial(knobs, "111122223333", "organizations", "ListRoots", "us-east-1",
          BODY).before());
    }
    return out;
  }

  @Test
  void before_whenNothingIsOn_runsTheOperationAfterTheLatency() {
    Verdict verdict = realism(1).trial(knobs(0, 0, 0, Map.of()), "111122223333",
        "organizations", "ListRoots", "us-east-1", BODY).before();

    assertThat(verdict).isEqualTo(Verdict.RUN);
    assertThat(held).containsExactly(Duration.ofMillis(20));
  }

  @Test
  void before_whenEveryRequestFaults_answersTheFault() {
    assertThat(verdicts(realism(1), knobs(1, 0, 0, Map.of()), 5)).containsOnly(Verdict.FAULT);
  }

  @Test
  void before_whenEveryRequestIsThrottled_answersTheThrottle() {
    assertThat(verdicts(realism(1), knobs(0, 0, 1, Map.of()), 5)).containsOnly(Verdict.THROTTLE);
  }

  @Test
  void before_whenSeedIsTheSame_givesTheSameFaults() {
    RealismKnobs knobs = knobs(0.3, 0.2, 0.1, Map.of());

    List<Verdict> first = verdicts(realism(42), knobs, 200);
    List<Verdict> second = verdicts(realism(42), knobs, 200);

    assertThat(first).isEqualTo(second).contains(Verdict.RUN, Verdict.FAULT, Verdict.DROP,
        Verdict.THROTTLE);
  }

  @Test
  void before_whenTheBucketIsEmpty_throttlesUntilSandboxTimeRefillsIt() {
    Realism realism = realism(1);
    RealismKnobs knobs = knobs(0, 0, 0, Map.of("ListRoots", new TokenRate(1, 2)));

    assertThat(verdicts(realism, knobs, 3))
        .containsExactly(Verdict.RUN, Verdict.RUN, Verdict.THROTTLE);
    clock.advance(Duration.ofSeconds(1));
    assertThat(verdicts(realism, knobs, 2)).containsExactly(Verdict.RUN, Verdict.THROTTLE);
  }

  @Test
  void dropsAnswer_whenEveryConnectionDrops_dropsHalfBeforeAndTheRestAfter() {
    Realism realism = realism(3);
    RealismKnobs knobs = knobs(0, 1, 0, Map.of());
    int before = 0;
    int after = 0;

    for (int i = 0; i < 400; i++) {
      Realism.Trial trial = realism.trial(knobs, "111122223333", "organizations", "ListRoots",
          "us-east-1", BODY);
      if (trial.before() == Verdict.DROP) {
        before++;
      } else if (trial.dropsAnswer()) {
        after++;
      }
    }

    assertThat(before).as("dropped before the operation").isBetween(150, 250);
    assertThat(after).as("dropped after it, of the rest").isBetween(50, 150);
  }
}
