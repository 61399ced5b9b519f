package dev.orgvend.sandbox.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestStatsTest {
  private static void recognised(RequestStats stats, String service, String operation) {
    stats.arrived();
    stats.recognised(service, operation);
  }

  @Test
  void isRead_whenNameStartsWithDescribeGetOrList_isTrue() {
    assertThat(RequestStats.isRead("DescribeOrganization")).isTrue();
    assertThat(RequestStats.isRead("GetCallerIdentity")).isTrue();
    assertThat(RequestStats.isRead("ListAccountsForParent")).isTrue();
    assertThat(RequestStats.isRead("CreateAccount")).isFalse();
    assertThat(RequestStats.isRead("AssumeRole")).isFalse();
    assertThat(RequestStats.isRead("TagResource")).isFalse();
  }

  @Test
  void snapshot_whenRequestsCounted_addsUpByKindAndOperation() {
    RequestStats stats = new RequestStats();
    recognised(stats, "organizations", "ListRoots");
    recognised(stats, "organizations", "ListRoots");
    recognised(stats, "organizations", "CreateAccount");
    recognised(stats, "sts", "AssumeRole");
    stats.arrived();
    stats.error();

    RequestStats.Snapshot s = stats.snapshot();

    assertThat(s.requests()).isEqualTo(5);
    assertThat(s.reads()).isEqualTo(2);
    assertThat(s.writes()).isEqualTo(2);
    assertThat(s.unrecognised()).isEqualTo(1);
    assertThat(s.errors()).isEqualTo(1);
    assertThat(s.operations()).isEqualTo(Map.of(
        "organizations", Map.of("ListRoots", 2L, "CreateAccount", 1L),
        "sts", Map.of("AssumeRole", 1L)));
    assertThat(s.count("organizations", "ListRoots")).isEqualTo(2);
    assertThat(s.count("iam", "GetRole")).isZero();
  }

  @Test
  void reset_whenCalled_startsFromZero() {
    RequestStats stats = new RequestStats();
    recognised(stats, "organizations", "CreateAccount");
    stats.error();

    stats.reset();

    assertThat(stats.snapshot()).isEqualTo(new RequestStats.Snapshot(0, 0, 0, 0, 0, Map.of()));
  }

  @Test
  void snapshot_whenARequestHasArrivedButNotBeenRead_countsItAsUnrecognisedAlready() {
    RequestStats stats = new RequestStats();

    stats.arrived();
    RequestStats.Snapshot arrived = stats.snapshot();
    stats.recognised("organizations", "CreateAccount");
    RequestStats.Snapshot read = stats.snapshot();

    assertThat(arrived.requests()).isEqualTo(1);
    assertThat(arrived.unrecognised()).isEqualTo(1);
    assertThat(read.requests()).isEqualTo(1);
    assertThat(read.unrecognised()).isZero();
    assertThat(read.writes()).isEqualTo(1);
  }
}
