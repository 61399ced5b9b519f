package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/**
 * The sandbox, CloudWatch client and billing-alarm helpers shared by the CloudWatch alarm ITs;
 * each subclass gets a sandbox of its own.
 */
abstract class CloudWatchAlarmTestBase {
  static SandboxFixture fx;
  static CloudWatchClient cw;
  static String account;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    cw = BaselineClients.cloudWatch(fx, fx.managementProvider(), Region.US_EAST_1);
    account = fx.management.accountId();
  }

  @AfterAll
  static void stop() {
    cw.close();
    fx.close();
  }

  static Consumer<PutMetricAlarmRequest.Builder> billing(String name,
      Consumer<PutMetricAlarmRequest.Builder> change) {
    return BaselineClients.billingAlarm(account, name, change);
  }

  static Consumer<PutMetricAlarmRequest.Builder> billing(String name) {
    return billing(name, r -> { });
  }

  static MetricAlarm describe(CloudWatchClient client, String name) {
    List<MetricAlarm> found = client.describeAlarms(r -> r.alarmNames(name)).metricAlarms();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  static List<String> names(Consumer<DescribeAlarmsRequest.Builder> request) {
    return cw.describeAlarms(request).metricAlarms().stream().map(MetricAlarm::alarmName).toList();
  }
}
