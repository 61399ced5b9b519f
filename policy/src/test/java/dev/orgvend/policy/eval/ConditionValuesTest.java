package dev.orgvend.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.policy.ConditionOperator.Family;
import dev.orgvend.policy.eval.ConditionValues.IpRange;
import org.junit.jupiter.api.Test;

class ConditionValuesTest {
  @Test
  void ipRange_whenCidrOrAddress_containsTheRightAddresses() {
    IpRange net = IpRange.parse("203.0.113.0/24");
    assertThat(net.contains(IpRange.parse("203.0.113.77"))).isTrue();
    assertThat(net.contains(IpRange.parse("203.0.114.1"))).isFalse();
    assertThat(IpRange.parse("192.0.2.1").contains(IpRange.parse("192.0.2.1"))).isTrue();
    assertThat(IpRange.parse("192.0.2.1").contains(IpRange.parse("192.0.2.2"))).isFalse();
    assertThat(IpRange.parse("0.0.0.0/0").contains(IpRange.parse("8.8.8.8"))).isTrue();
    IpRange v6 = IpRange.parse("2001:DB8:1234:5678::/64");
    assertThat(v6.contains(IpRange.parse("2001:db8:1234:5678:1::1"))).isTrue();
    assertThat(v6.contains(IpRange.parse("2001:db8:1234:5679::1"))).isFalse();
    assertThat(IpRange.parse("::ffff:192.0.2.0/120").contains(IpRange.parse("::ffff:192.0.2.9")))
        .isTrue();
    assertThat(net.contains(IpRange.parse("2001:db8::1"))).isFalse();
  }

  @Test
  void ipRange_whenMalformed_isNullAndNeverResolvesNames() {
    assertThat(IpRange.parse("256.0.0.1")).isNull();
    assertThat(IpRange.parse("10.0.0.0/33")).isNull();
    assertThat(IpRange.parse("1:2:3:4:5:6:7:8:9")).isNull();
    assertThat(IpRange.parse("1::2::3")).isNull();
    assertThat(IpRange.parse("localhost")).isNull();
    assertThat(IpRange.parse("example.com")).isNull();
  }

  @Test
  void dateMillis_readsIsoFormsAndEpochSeconds() {
    assertThat(ConditionValues.dateMillis("2020-01-01T00:00:01Z")).isEqualTo(1577836801000L);
    assertThat(ConditionValues.dateMillis("1577836801")).isEqualTo(1577836801000L);
    assertThat(ConditionValues.dateMillis("2020-01-01")).isEqualTo(1577836800000L);
    assertThat(ConditionValues.dateMillis("2020-01-01T01:00:00+01:00")).isEqualTo(1577836800000L);
    assertThat(ConditionValues.dateMillis("2020-01")).isEqualTo(1577836800000L);
    assertThat(ConditionValues.dateMillis("yesterday")).isNull();
  }

  @Test
  void valid_perFamily_acceptsOnlyWhatTheOperatorCanRead() {
    assertThat(ConditionValues.valid(Family.NUMERIC, "10")).isTrue();
    assertThat(ConditionValues.valid(Family.NUMERIC, "ten")).isFalse();
    assertThat(ConditionValues.valid(Family.BOOL, "FALSE")).isTrue();
    assertThat(ConditionValues.valid(Family.BOOL, "no")).isFalse();
    assertThat(ConditionValues.valid(Family.BINARY, "QmluYXJ5VmFsdWVJbkJhc2U2NA==")).isTrue();
    assertThat(ConditionValues.valid(Family.BINARY, "not base64!")).isFalse();
    assertThat(ConditionValues.valid(Family.IP_ADDRESS, "10.0.0.0/8")).isTrue();
    assertThat(ConditionValues.valid(Family.STRING, "anything")).isTrue();
  }
}
