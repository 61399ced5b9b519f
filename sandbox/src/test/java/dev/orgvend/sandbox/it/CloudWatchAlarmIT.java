package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** CloudWatch metric alarms through the real SDK, which speaks awsQuery in v2.40.2. */
class CloudWatchAlarmIT extends CloudWatchAlarmTestBase {
  @Test
  void putMetricAlarm_new_startsInInsufficientDataWithTheGivenConfiguration() {
    cw.putMetricAlarm(billing("new-alarm", r -> r.treatMissingData("notBreaching")));

    DescribeAlarmsResponse response = cw.describeAlarms(r -> r.alarmNames("new-alarm"));
    MetricAlarm alarm = response.metricAlarms().get(0);

    assertThat(response.compositeAlarms()).isEmpty();
    assertThat(alarm.alarmArn())
        .isEqualTo("arn:aws:cloudwatch:us-east-1:" + account + ":alarm:new-alarm");
    assertThat(alarm.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    assertThat(alarm.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
    assertThat(alarm.stateUpdatedTimestamp()).isNotNull();
    assertThat(alarm.alarmConfigurationUpdatedTimestamp()).isNotNull();
    assertThat(alarm.actionsEnabled()).isTrue();
    assertThat(alarm.alarmActions())
        .containsExactly("arn:aws:sns:us-east-1:" + account + ":billing");
    assertThat(alarm.okActions()).isEmpty();
    assertThat(alarm.insufficientDataActions()).isEmpty();
    assertThat(alarm.metricName()).isEqualTo("EstimatedCharges");
    assertThat(alarm.namespace()).isEqualTo("AWS/Billing");
    assertThat(alarm.statistic()).isEqualTo(Statistic.MAXIMUM);
    assertThat(alarm.dimensions())
        .containsExactly(Dimension.builder().name("Currency").value("USD").build());
    assertThat(alarm.period()).isEqualTo(21600);
    assertThat(alarm.evaluationPeriods()).isEqualTo(1);
    assertThat(alarm.threshold()).isEqualTo(250.5);
    assertThat(alarm.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
    assertThat(alarm.treatMissingData()).isEqualTo("notBreaching");
  }

  @Test
  void putMetricAlarm_onExistingAlarm_replacesConfigurationAndKeepsState() {
    cw.putMetricAlarm(billing("updated-alarm"));
    cw.setAlarmState(r -> r.alarmName("updated-alarm").stateValue(StateValue.ALARM)
        .stateReason("forced by test"));
    MetricAlarm before = describe(cw, "updated-alarm");
    fx.sandbox.advanceClock(Duration.ofMinutes(5));

    cw.putMetricAlarm(billing("updated-alarm", r -> r.threshold(1000.0).alarmActions(List.of())));

    MetricAlarm after = describe(cw, "updated-alarm");
    assertThat(after.threshold()).isEqualTo(1000.0);
    assertThat(after.alarmActions()).isEmpty();
    assertThat(after.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(after.stateReason()).isEqualTo("forced by test");
    assertThat(after.stateUpdatedTimestamp()).isEqualTo(before.stateUpdatedTimestamp());
    assertThat(after.alarmConfigurationUpdatedTimestamp())
        .isAfter(before.alarmConfigurationUpdatedTimestamp());
  }

  @Test
  void describeAlarms_withFilters_returnsOnlyMatchingAlarms() {
    cw.putMetricAlarm(billing("filter-ok-1"));
    cw.putMetricAlarm(billing("filter-ok-2", r -> r.alarmActions(List.of())
        .okActions("arn:aws:sns:us-east-1:" + account + ":ok-topic")));
    cw.putMetricAlarm(billing("filter-other"));
    cw.setAlarmState(r -> r.alarmName("filter-ok-1").stateValue(StateValue.OK).stateReason("t"));

    assertThat(names(r -> r.alarmNamePrefix("filter-ok")))
        .containsExactly("filter-ok-1", "filter-ok-2");
    assertThat(names(r -> r.alarmNamePrefix("filter-").stateValue(StateValue.OK)))
        .containsExactly("filter-ok-1");
    assertThat(names(r -> r.alarmNamePrefix("filter-")
        .actionPrefix("arn:aws:sns:us-east-1:" + account + ":ok-")))
        .containsExactly("filter-ok-2");
    assertThat(names(r -> r.alarmNames("filter-other", "filter-none")))
        .containsExactly("filter-other");
    assertThat(names(r -> r.alarmNamePrefix("filter-").alarmTypesWithStrings("CompositeAlarm")))
        .isEmpty();
  }


  @Test
  void describeAlarms_withMaxRecords_pagesInNameOrder() {
    for (String name : List.of("paged-3", "paged-1", "paged-5", "paged-2", "paged-4")) {
      cw.putMetricAlarm(billing(name));
    }

    DescribeAlarmsResponse first =
        cw.describeAlarms(r -> r.alarmNamePrefix("paged-").maxRecords(2));
    DescribeAlarmsResponse second = cw.describeAlarms(
        r -> r.alarmNamePrefix("paged-").maxRecords(2).nextToken(first.nextToken()));

    assertThat(first.metricAlarms()).extracting(MetricAlarm::alarmName)
        .containsExactly("paged-1", "paged-2");
    assertThat(second.metricAlarms()).extracting(MetricAlarm::alarmName)
        .containsExactly("paged-3", "paged-4");
    assertThat(cw.describeAlarmsPaginator(r -> r.alarmNamePrefix("paged-").maxRecords(2))
        .metricAlarms()).extracting(MetricAlarm::alarmName)
        .containsExactly("paged-1", "paged-2", "paged-3", "paged-4", "paged-5");
  }

  @Test
  void deleteAlarms_withExistingNames_removesThem() {
    cw.putMetricAlarm(billing("deleted-1"));
    cw.putMetricAlarm(billing("deleted-2"));

    cw.deleteAlarms(r -> r.alarmNames("deleted-1", "deleted-2"));

    assertThat(names(r -> r.alarmNamePrefix("deleted-"))).isEmpty();
  }

  @Test
  void setAlarmState_changesStateReasonAndTimestamps() {
    cw.putMetricAlarm(billing("stateful"));
    MetricAlarm before = describe(cw, "stateful");
    fx.sandbox.advanceClock(Duration.ofSeconds(30));

    cw.setAlarmState(r -> r.alarmName("stateful").stateValue(StateValue.ALARM)
        .stateReason("threshold crossed").stateReasonData("{\"value\":300}"));

    MetricAlarm after = describe(cw, "stateful");
    assertThat(after.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(after.stateReason()).isEqualTo("threshold crossed");
    assertThat(after.stateReasonData()).isEqualTo("{\"value\":300}");
    assertThat(after.stateUpdatedTimestamp()).isAfter(before.stateUpdatedTimestamp());
    assertThat(after.stateTransitionedTimestamp()).isAfter(before.stateTransitionedTimestamp());
    assertThat(after.alarmConfigurationUpdatedTimestamp())
        .isEqualTo(before.alarmConfigurationUpdatedTimestamp());
  }

  @Test
  void alarms_withTheSameNameInTwoRegions_areSeparate() {
    try (CloudWatchClient ireland =
        BaselineClients.cloudWatch(fx, fx.managementProvider(), Region.EU_WEST_1)) {
      cw.putMetricAlarm(billing("regional-alarm"));
      ireland.putMetricAlarm(billing("regional-alarm", r -> r.threshold(5.0)));
      ireland.putMetricAlarm(billing("irish-only"));

      assertThat(describe(ireland, "regional-alarm").alarmArn())
          .isEqualTo("arn:aws:cloudwatch:eu-west-1:" + account + ":alarm:regional-alarm");
      assertThat(describe(ireland, "regional-alarm").threshold()).isEqualTo(5.0);
      assertThat(describe(cw, "regional-alarm").threshold()).isEqualTo(250.5);
      assertThat(names(r -> r.alarmNames("irish-only"))).isEmpty();
    }
  }

  @Test
  void putMetricAlarm_withMemberCredentials_landsInMemberAccountOnly() {
    BaselineClients.Member member = BaselineClients.createMember(fx, "cw-member");
    try (CloudWatchClient memberCw =
        BaselineClients.cloudWatch(fx, member.credentials(), Region.US_EAST_1)) {
      memberCw.putMetricAlarm(billing("member-alarm"));

      assertThat(describe(memberCw, "member-alarm").alarmArn()).isEqualTo(
          "arn:aws:cloudwatch:us-east-1:" + member.accountId() + ":alarm:member-alarm");
      assertThat(names(r -> r.alarmNames("member-alarm"))).isEmpty();
      assertThat(memberCw.describeAlarms().metricAlarms()).extracting(MetricAlarm::alarmName)
          .containsExactly("member-alarm");
    }
  }
}
