package dev.orgvend.testkit.torture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunMomentTest {
  private static List<RunMoment> draw(long seed, RunMoment.Remaining remaining, int n) {
    Random random = new Random(seed);
    return IntStream.range(0, n).mapToObj(i -> RunMoment.next(random, remaining)).toList();
  }

  @Test
  void next_withTheSameSeed_drawsTheSameSchedule() {
    RunMoment.Remaining fresh = new RunMoment.Remaining(true, 30, 0);

    assertThat(draw(42, fresh, 50)).isEqualTo(draw(42, fresh, 50))
        .isNotEqualTo(draw(43, fresh, 50));
  }

  @Test
  void next_onAFreshOrganization_coversEveryPhase() {
    assertThat(draw(7, new RunMoment.Remaining(true, 30, 0), 400))
        .extracting(RunMoment::trigger).containsOnly(RunMoment.START, "ou-created",
            "account-requested", "account-created", "account-moved", "account-usable",
            "baseline-applied");
  }

  @Test
  void next_waitsOnlyForEventsTheRunWillPrint() {
    assertThat(draw(7, new RunMoment.Remaining(false, 0, 0), 100))
        .allSatisfy(m -> assertThat(m.trigger()).isEqualTo(RunMoment.START));
    assertThat(draw(7, new RunMoment.Remaining(false, 0, 2), 200))
        .noneSatisfy(m -> assertThat(m.trigger()).isIn("ou-created", "account-requested"))
        .allSatisfy(m -> assertThat(m.occurrence()).isBetween(1, 2));
  }
}
