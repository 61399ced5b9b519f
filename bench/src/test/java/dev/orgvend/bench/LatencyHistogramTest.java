package dev.orgvend.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  @Test
  void percentile_whenSamplesAreFine_isWithinTenMicroseconds() {
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 1; i <= 1000; i++) {
      h.record(i * 1_000L); // 1 µs .. 1 ms
    }
    assertThat(h.count()).isEqualTo(1000);
    assertThat(h.percentileMillis(0.50)).isCloseTo(0.500, within(0.010));
    assertThat(h.percentileMillis(0.99)).isCloseTo(0.990, within(0.010));
    assertThat(h.maxMillis()).isEqualTo(1.0);
  }

  @Test
  void percentile_whenTailIsLong_usesMillisecondBucketsAndKeepsTheExactMax() {
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 0; i < 98; i++) {
      h.record(2_000_000L);
    }
    h.record(250_400_000L);
    h.record(90_000_000_000L); // beyond the last bucket
    assertThat(h.percentileMillis(0.98)).isCloseTo(2.0, within(0.010));
    assertThat(h.percentileMillis(0.99)).isCloseTo(251.0, within(1.0));
    assertThat(h.maxMillis()).isEqualTo(90_000.0);
    assertThat(h.percentileMillis(1.0)).isEqualTo(90_000.0);
  }

  @Test
  void add_mergesCountsAndMax() {
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    a.record(1_000_000L);
    b.record(3_000_000L);
    b.record(3_000_000L);
    a.add(b);
    assertThat(a.count()).isEqualTo(3);
    assertThat(a.percentileMillis(0.34)).isCloseTo(3.0, within(0.010));
    assertThat(a.percentileMillis(0.33)).isCloseTo(1.0, within(0.010));
    assertThat(a.maxMillis()).isEqualTo(3.0);
  }
}
