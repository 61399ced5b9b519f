package dev.orgvend.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.aws.Rate;
import dev.orgvend.core.aws.RateTable;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounds the benchmarks print figures against; no timing here. */
class LowerBoundTest {
  private static final Rate ONE_PER_SECOND = new Rate(1, 3);

  @Test
  void lowerBound_eightSecondDelay_quotaLimitsInWavesOfFive() {
    // Waves start at 0, 0, 0, 1, 2 s (burst of three, then one a second) and repeat every 8 s.
    assertThat(VendBench.lowerBound(10, Duration.ofSeconds(8), ONE_PER_SECOND, 5)).isEqualTo(18.0);
    assertThat(VendBench.lowerBound(50, Duration.ofSeconds(8), ONE_PER_SECOND, 5)).isEqualTo(82.0);
    assertThat(VendBench.lowerBound(200, Duration.ofSeconds(8), ONE_PER_SECOND, 5))
        .isEqualTo(322.0);
  }

  @Test
  void lowerBound_fiveSecondDelay_rateLimitsAfterTheBurst() {
    assertThat(VendBench.lowerBound(50, Duration.ofSeconds(5), ONE_PER_SECOND, 5)).isEqualTo(52.0);
  }

  @Test
  void pollRounded_delayBetweenPolls_roundsUpToTheNextPoll() {
    assertThat(VendBench.pollRounded(Duration.ofSeconds(8))).isEqualTo(10.0);
    assertThat(VendBench.pollRounded(Duration.ofSeconds(5))).isEqualTo(5.0);
    assertThat(VendBench.pollRounded(Duration.ofMillis(500))).isEqualTo(5.0);
  }

  @Test
  void boundSeconds_publishedRates_slowestOperationAfterItsBurst() {
    Map<String, Long> calls = Map.of("ListTagsForResource", 1015L, "ListAccountsForParent", 108L,
        "DescribeOrganization", 1L);
    // ListTagsForResource: (1015 - 15) / 10 = 100 s; ListAccountsForParent: (108 - 8) / 5 = 20 s.
    assertThat(PlanBench.boundSeconds(calls, RateTable.awsPublished())).isEqualTo(100.0);
  }
}
