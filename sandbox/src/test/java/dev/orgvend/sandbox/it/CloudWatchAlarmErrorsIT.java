package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidFormatException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** CloudWatch alarm errors through the real SDK (awsQuery): codes, statuses and messages. */
class CloudWatchAlarmErrorsIT extends CloudWatchAlarmTestBase {
  @Test
  void putMetricAlarm_withoutMetricName_throwsMissingParameter() {
    MissingRequiredParameterException e = catchThrowableOfType(
        MissingRequiredParameterException.class,
        () -> cw.putMetricAlarm(billing("no-metric", r -> r.metricName(null))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("The parameter MetricName is required.");
  }

  @Test
  void putMetricAlarm_withSixAlarmActions_throwsValidationErrorAndCreatesNothing() {
    List<String> six = List.of("a", "b", "c", "d", "e", "f").stream()
        .map(n -> "arn:aws:sns:us-east-1:" + account + ":" + n).toList();

    CloudWatchException e = catchThrowableOfType(CloudWatchException.class,
        () -> cw.putMetricAlarm(billing("too-many-actions", r -> r.alarmActions(six))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(e.awsErrorDetails().errorMessage()).endsWith(
        "at 'alarmActions' failed to satisfy constraint: Member must have length less than or"
            + " equal to 5");
    assertThat(cw.describeAlarms(r -> r.alarmNames("too-many-actions")).metricAlarms()).isEmpty();
  }

  @Test
  void putMetricAlarm_withZeroEvaluationPeriods_throwsValidationError() {
    CloudWatchException e = catchThrowableOfType(CloudWatchException.class,
        () -> cw.putMetricAlarm(billing("zero-periods", r -> r.evaluationPeriods(0))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
  }

  @Test
  void putMetricAlarm_withUnknownComparisonOperator_throwsValidationError() {
    CloudWatchException e = catchThrowableOfType(CloudWatchException.class,
        () -> cw.putMetricAlarm(billing("bad-operator", r -> r.comparisonOperator("Above"))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(e.awsErrorDetails().errorMessage()).contains("at 'comparisonOperator'",
        "Member must satisfy enum value set");
  }

  @Test
  void putMetricAlarm_withUnknownTreatMissingData_throwsInvalidParameterValue() {
    InvalidParameterValueException e = catchThrowableOfType(InvalidParameterValueException.class,
        () -> cw.putMetricAlarm(billing("bad-missing", r -> r.treatMissingData("sometimes"))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
  }

  @Test
  void putMetricAlarm_withPeriodNotAMultipleOfAMinute_throwsInvalidParameterValue() {
    InvalidParameterValueException e = catchThrowableOfType(InvalidParameterValueException.class,
        () -> cw.putMetricAlarm(billing("odd-period", r -> r.period(45))));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("The parameter Period must be 10, 20, 30 or a multiple of 60.");
  }

  @Test
  void putMetricAlarm_withStatisticAndExtendedStatistic_throwsInvalidParameterCombination() {
    InvalidParameterCombinationException e = catchThrowableOfType(
        InvalidParameterCombinationException.class,
        () -> cw.putMetricAlarm(billing("two-statistics", r -> r.extendedStatistic("p99"))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
  }

  @Test
  void describeAlarms_withForeignNextToken_throwsInvalidNextToken() {
    InvalidNextTokenException e = catchThrowableOfType(InvalidNextTokenException.class,
        () -> cw.describeAlarms(r -> r.nextToken("made-up")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken");
    assertThat(e.statusCode()).isEqualTo(400);
  }

  @Test
  void describeAlarms_withMaxRecordsAboveOneHundred_throwsValidationError() {
    CloudWatchException e = catchThrowableOfType(CloudWatchException.class,
        () -> cw.describeAlarms(r -> r.maxRecords(101)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value"
        + " '101' at 'maxRecords' failed to satisfy constraint: Member must have value less than"
        + " or equal to 100");
  }

  @Test
  void describeAlarms_withNamesAndPrefix_throwsInvalidParameterCombination() {
    InvalidParameterCombinationException e = catchThrowableOfType(
        InvalidParameterCombinationException.class,
        () -> cw.describeAlarms(r -> r.alarmNames("a").alarmNamePrefix("a")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
  }

  @Test
  void deleteAlarms_withAnUnknownName_throwsResourceNotFoundAndDeletesNothing() {
    cw.putMetricAlarm(billing("kept-alarm"));

    CloudWatchException e = catchThrowableOfType(CloudWatchException.class,
        () -> cw.deleteAlarms(r -> r.alarmNames("kept-alarm", "unknown-alarm")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Alarms not found: unknown-alarm");
    assertThat(names(r -> r.alarmNames("kept-alarm"))).containsExactly("kept-alarm");
  }

  @Test
  void setAlarmState_onUnknownAlarm_throwsResourceNotFound() {
    CloudWatchException e = catchThrowableOfType(CloudWatchException.class,
        () -> cw.setAlarmState(r -> r.alarmName("ghost-alarm").stateValue(StateValue.OK)
            .stateReason("x")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
  }

  @Test
  void setAlarmState_withReasonDataNotJson_throwsInvalidFormat() {
    cw.putMetricAlarm(billing("bad-reason-data"));

    InvalidFormatException e = catchThrowableOfType(InvalidFormatException.class,
        () -> cw.setAlarmState(r -> r.alarmName("bad-reason-data").stateValue(StateValue.OK)
            .stateReason("x").stateReasonData("not json")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidFormat");
    assertThat(describe(cw, "bad-reason-data").stateValue())
        .isEqualTo(StateValue.INSUFFICIENT_DATA);
  }
}
