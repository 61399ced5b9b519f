package dev.orgvend.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

class BillingAlarmComponentTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:111122223333:Bills";
  private final BillingAlarmComponent component = new BillingAlarmComponent();
  private final BillingAlarmComponent.Settings want = new BillingAlarmComponent.Settings(
      List.of("Finance@Example.com"), 250.5, "EUR", "Bills", "BillAlarm", "too much");

  private static MetricAlarm.Builder matching() {
    return MetricAlarm.builder().alarmName("BillAlarm").alarmDescription("too much")
        .namespace("AWS/Billing").metricName("EstimatedCharges").statistic("Maximum")
        .dimensions(d -> d.name("Currency").value("EUR")).period(21600).evaluationPeriods(1)
        .threshold(250.5).comparisonOperator("GreaterThanOrEqualToThreshold")
        .alarmActions(TOPIC).actionsEnabled(true);
  }

  @Test
  void diff_whenEverythingMatches_findsNothing() {
    var have = new BillingAlarmComponent.State(TOPIC, true,
        Map.of("finance@example.com", true), matching().build());

    assertThat(component.diff(want, have)).isEmpty();
  }

  @Test
  void diff_whenNothingExists_findsTopicSubscriptionAndAlarmMissing() {
    var have = new BillingAlarmComponent.State(TOPIC, false, Map.of(), null);

    assertThat(component.diff(want, have)).extracting(Finding::status, Finding::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Status.DRIFTED,
                "SNS topic Bills does not exist in us-east-1"),
            org.assertj.core.groups.Tuple.tuple(Status.DRIFTED,
                "topic Bills has no e-mail subscription for Finance@Example.com"),
            org.assertj.core.groups.Tuple.tuple(Status.DRIFTED,
                "CloudWatch alarm BillAlarm does not exist in us-east-1"));
  }

  @Test
  void diff_whenSubscriptionIsPendingAndThresholdChanged_reportsNoticeAndDrift() {
    var have = new BillingAlarmComponent.State(TOPIC, true,
        Map.of("finance@example.com", false), matching().threshold(1000.0).build());

    List<Finding> findings = component.diff(want, have);

    assertThat(findings).extracting(Finding::status)
        .containsExactly(Status.NOTICE, Status.DRIFTED);
    assertThat(findings.get(0).message()).startsWith(
        "the subscription of Finance@Example.com to topic Bills is pending confirmation");
    assertThat(findings.get(1).message())
        .isEqualTo("alarm BillAlarm: threshold is 1000, want 250.5");
    assertThat(Status.of(findings)).isEqualTo(Status.DRIFTED);
  }
}
