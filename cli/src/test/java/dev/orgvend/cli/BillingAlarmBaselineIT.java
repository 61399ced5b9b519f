package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * The billingAlarm baseline end to end, through the CLI against a sandbox over HTTP: apply
 * builds it in new accounts, the account's own users make it drift, check finds the drift and
 * apply repairs it, and a rerun on an unchanged fleet writes nothing.
 */
class BillingAlarmBaselineIT {
  static MemberSandbox fx;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    fx = new MemberSandbox();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static String spec(String name) {
    return """
        version: 1
        settings:
          region: eu-west-1
        accounts:
          - name: %1$s
            email: %1$s@example.com
            baseline: std
        baselines:
          std:
            billingAlarm:
              email: finance-%1$s@example.com
        """.formatted(name);
  }

  @Test
  void apply_withBillingAlarmBaseline_createsTopicPendingSubscriptionAndAlarmInUsEast1()
      throws Exception {
    Path spec = MemberSandbox.writeSpec(dir, spec("ba-create"));

    CliRunner.Result apply = CliRunner.run(fx.args(spec, "apply", "--yes"));

    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("then baseline std")
        .contains("baseline std on ba-create: changed topic DefaultBillingAlertTopic,"
            + " subscription finance-ba-create@example.com, alarm DefaultBillingAlarm")
        .contains("pending confirmation");
    String id = fx.accountIdOf("ba-create@example.com");
    String topicArn = "arn:aws:sns:us-east-1:" + id + ":DefaultBillingAlertTopic";
    fx.asMember(id, creds -> {
      try (SnsClient sns = fx.client(SnsClient.builder(), creds, Region.US_EAST_1);
          CloudWatchClient cw = fx.client(CloudWatchClient.builder(), creds, Region.US_EAST_1);
          CloudWatchClient cwEu = fx.client(CloudWatchClient.builder(), creds,
              Region.EU_WEST_1)) {
        List<Subscription> subs = sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn))
            .subscriptions();
        assertThat(subs).extracting(Subscription::protocol, Subscription::endpoint,
            Subscription::subscriptionArn).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "email", "finance-ba-create@example.com", "PendingConfirmation"));
        MetricAlarm alarm = cw.describeAlarms(r -> r.alarmNames("DefaultBillingAlarm"))
            .metricAlarms().get(0);
        assertThat(alarm.namespace()).isEqualTo("AWS/Billing");
        assertThat(alarm.metricName()).isEqualTo("EstimatedCharges");
        assertThat(alarm.statisticAsString()).isEqualTo("Maximum");
        assertThat(alarm.dimensions()).singleElement().satisfies(d -> {
          assertThat(d.name()).isEqualTo("Currency");
          assertThat(d.value()).isEqualTo("USD");
        });
        assertThat(alarm.period()).isEqualTo(21600);
        assertThat(alarm.evaluationPeriods()).isEqualTo(1);
        assertThat(alarm.threshold()).isEqualTo(100.0);
        assertThat(alarm.comparisonOperatorAsString())
            .isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(alarm.alarmActions()).containsExactly(topicArn);
        assertThat(alarm.actionsEnabled()).isTrue();
        // The spec's region is eu-west-1; billing metrics live only in us-east-1.
        assertThat(cwEu.describeAlarms().metricAlarms()).isEmpty();
      }
      return null;
    });
  }

  @Test
  void check_afterMemberChangesAlarm_findsDriftAndApplyRepairsIt() throws Exception {
    Path spec = MemberSandbox.writeSpec(dir, spec("ba-drift"));
    assertThat(CliRunner.run(fx.args(spec, "apply", "--yes")).exitCode()).isZero();
    String id = fx.accountIdOf("ba-drift@example.com");
    CliRunner.Result clean = CliRunner.run(fx.args(spec, "check"));
    assertThat(clean.exitCode()).as(clean.toString()).isZero();
    assertThat(clean.out()).contains("NOTICE  ba-drift (" + id + ", Root)")
        .contains("pending confirmation")
        .contains("Receive CloudWatch billing alerts");

    // The member account's own administrator lowers the threshold.
    fx.asMember(id, creds -> {
      try (CloudWatchClient cw = fx.client(CloudWatchClient.builder(), creds, Region.US_EAST_1)) {
        MetricAlarm a = cw.describeAlarms(r -> r.alarmNames("DefaultBillingAlarm"))
            .metricAlarms().get(0);
        cw.putMetricAlarm(r -> r.alarmName(a.alarmName()).alarmDescription(a.alarmDescription())
            .actionsEnabled(true).alarmActions(a.alarmActions()).namespace(a.namespace())
            .metricName(a.metricName()).statistic(a.statistic()).dimensions(a.dimensions())
            .period(a.period()).evaluationPeriods(a.evaluationPeriods()).threshold(5000.0)
            .comparisonOperator(a.comparisonOperator()));
      }
      return null;
    });

    CliRunner.Result drift = CliRunner.run(fx.args(spec, "check"));
    assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(2);
    assertThat(drift.out()).contains("DRIFTED  ba-drift (" + id + ", Root)")
        .contains("billingAlarm: alarm DefaultBillingAlarm: threshold is 5000, want 100");
    CliRunner.Result plan = CliRunner.run(fx.args(spec, "plan"));
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).contains("~ apply baseline std to account ba-drift (" + id + "):")
        .contains("1 baseline(s) to repair");

    CliRunner.Result repair = CliRunner.run(fx.args(spec, "apply", "--yes"));
    assertThat(repair.exitCode()).as(repair.toString()).isZero();
    assertThat(MemberSandbox.operations(repair.out())).containsKey("PutMetricAlarm")
        .doesNotContainKeys("CreateTopic", "Subscribe");
    assertThat(CliRunner.run(fx.args(spec, "check")).exitCode()).isZero();

    // Deleting the alarm is found and repaired just the same.
    fx.asMember(id, creds -> {
      try (CloudWatchClient cw = fx.client(CloudWatchClient.builder(), creds, Region.US_EAST_1)) {
        cw.deleteAlarms(r -> r.alarmNames("DefaultBillingAlarm"));
      }
      return null;
    });
    CliRunner.Result gone = CliRunner.run(fx.args(spec, "check", "-o", "json"));
    assertThat(gone.exitCode()).isEqualTo(2);
    assertThat(gone.out()).contains("\"message\" : \"CloudWatch alarm DefaultBillingAlarm does"
        + " not exist in us-east-1\"");
    assertThat(CliRunner.run(fx.args(spec, "apply", "--yes")).exitCode()).isZero();
    assertThat(CliRunner.run(fx.args(spec, "check")).exitCode()).isZero();
  }

  @Test
  void apply_secondRunOnUnchangedFleet_makesNoWriteCalls() throws Exception {
    Path spec = MemberSandbox.writeSpec(dir, spec("ba-rerun"));
    CliRunner.Result first = CliRunner.run(fx.args(spec, "apply", "--yes"));
    assertThat(first.exitCode()).as(first.toString()).isZero();

    CliRunner.Result second = CliRunner.run(fx.args(spec, "apply", "--yes"));

    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out()).contains("No changes.");
    Map<String, Long> calls = MemberSandbox.operations(second.out());
    assertThat(calls).containsKeys("AssumeRole", "GetTopicAttributes",
        "ListSubscriptionsByTopic", "DescribeAlarms");
    assertThat(calls.keySet()).allSatisfy(op -> assertThat(op)
        .matches("(Describe|List|Get).*|AssumeRole"));
  }

  @Test
  void check_whenMemberRoleIsMissing_reportsUnreachableAndWritesReports() throws Exception {
    String email = "ba-norole@example.com";
    try (var orgs = fx.organizations()) {
      var status = orgs.createAccount(r -> r.accountName("ba-norole").email(email)
          .roleName("SomeOtherRole")).createAccountStatus();
      fx.sandbox.advanceClock(java.time.Duration.ofSeconds(1));
      assertThat(orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(status.id()))
          .createAccountStatus().stateAsString()).isEqualTo("SUCCEEDED");
    }
    Path spec = MemberSandbox.writeSpec(dir, spec("ba-norole"));
    Path junit = dir.resolve("reports/check.xml");
    Path html = dir.resolve("reports/check.html");

    CliRunner.Result check = CliRunner.run(fx.args(spec, "check", "--junit",
        junit.toString(), "--html", html.toString()));

    assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
    assertThat(check.out()).contains("UNREACHABLE  ba-norole")
        .contains("billingAlarm: cannot assume role OrganizationAccountAccessRole (AccessDenied:");
    String xml = Files.readString(junit);
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"
        + " name=\"orgvend check\" tests=\"3\" failures=\"1\" errors=\"0\"")
        .contains("<testcase classname=\"orgvend.ba-norole\" name=\"placement\"/>")
        .contains("<failure type=\"unreachable\" message=\"cannot assume role");
    String page = Files.readString(html);
    assertThat(page).startsWith("<!doctype html>").contains("s-unreachable")
        .contains("ba-norole").doesNotContain("<script src").doesNotContain("<link");
    try (var files = Files.list(dir.resolve("reports"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "check.xml", "check.html");
    }
  }

  @Test
  void check_every_recordsEachSweepInHistory() throws Exception {
    Path spec = MemberSandbox.writeSpec(dir, spec("ba-every"));
    assertThat(CliRunner.run(fx.args(spec, "apply", "--yes")).exitCode()).isZero();

    CliRunner.Result check = CliRunner.run(fx.args(spec, "check", "--every", "1s",
        "--sweeps", "2"));
    CliRunner.Result history = CliRunner.run("history", "-f", spec.toString());

    assertThat(check.exitCode()).as(check.toString()).isZero();
    assertThat(history.out().lines().filter(l -> l.contains(" check ")))
        .hasSize(2).allSatisfy(l -> assertThat(l).contains("SUCCEEDED")
            .contains("1 account(s): 0 compliant, 1 notice"));
  }
}
