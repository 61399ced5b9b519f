package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.Sandbox;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/** IAM, SNS and CloudWatch state written to disk comes back after a restart. */
class BaselinePersistenceIT {
  private static final String KEY_ID = "AKIAPERSISTENCE00001";
  private static final String SECRET = "persistence-test-secret-key-0000000000001";
  private static final StaticCredentialsProvider KEYS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET));

  private static Sandbox start(Path dir) {
    return Sandbox.builder().port(0).dataDir(dir).seed(7).managementKey(KEY_ID, SECRET).start();
  }

  private static IamClient iam(Sandbox sandbox) {
    return IamClient.builder().endpointOverride(sandbox.endpoint()).region(Region.AWS_GLOBAL)
        .credentialsProvider(KEYS).overrideConfiguration(SandboxFixture.noRetries()).build();
  }

  private static SnsClient sns(Sandbox sandbox) {
    return SnsClient.builder().endpointOverride(sandbox.endpoint()).region(Region.EU_WEST_1)
        .credentialsProvider(KEYS).overrideConfiguration(SandboxFixture.noRetries()).build();
  }

  private static CloudWatchClient cloudWatch(Sandbox sandbox) {
    return CloudWatchClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(KEYS).overrideConfiguration(SandboxFixture.noRetries()).build();
  }

  @Test
  void baselineResources_afterRestart_areStillThere(@TempDir Path dir) {
    String topicArn;
    String account;
    try (Sandbox first = start(dir); IamClient iam = iam(first); SnsClient sns = sns(first);
        CloudWatchClient cw = cloudWatch(first)) {
      account = first.managementCredentials().accountId();
      iam.createRole(r -> r.roleName("kept-role").assumeRolePolicyDocument(IamRoleIT.TRUST));
      iam.putRolePolicy(r -> r.roleName("kept-role").policyName("p")
          .policyDocument(IamRolePolicyIT.POLICY));
      iam.attachRolePolicy(r -> r.roleName("kept-role").policyArn(IamRolePolicyIT.READ_ONLY));
      topicArn = sns.createTopic(r -> r.name("kept-topic")
          .attributes(Map.of("DisplayName", "Kept"))).topicArn();
      sns.subscribe(r -> r.topicArn(topicArn).protocol("email").endpoint("kept@example.com"));
      cw.putMetricAlarm(BaselineClients.billingAlarm(account, "kept-alarm",
          r -> r.treatMissingData("breaching")));
      cw.setAlarmState(r -> r.alarmName("kept-alarm").stateValue(StateValue.OK).stateReason("ok"));
    }

    try (Sandbox second = start(dir); IamClient iam = iam(second); SnsClient sns = sns(second);
        CloudWatchClient cw = cloudWatch(second)) {
      assertThat(iam.getRole(r -> r.roleName("kept-role")).role().arn())
          .isEqualTo("arn:aws:iam::" + account + ":role/kept-role");
      String policy =
          iam.getRolePolicy(r -> r.roleName("kept-role").policyName("p")).policyDocument();
      assertThat(URLDecoder.decode(policy, StandardCharsets.UTF_8))
          .isEqualTo(IamRolePolicyIT.POLICY);
      assertThat(iam.listAttachedRolePolicies(r -> r.roleName("kept-role")).attachedPolicies())
          .hasSize(1);
      assertThat(sns.getTopicAttributes(r -> r.topicArn(topicArn)).attributes())
          .containsEntry("DisplayName", "Kept").containsEntry("SubscriptionsPending", "1");
      assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions())
          .extracting(Subscription::endpoint).containsExactly("kept@example.com");
      MetricAlarm alarm = cw.describeAlarms(r -> r.alarmNames("kept-alarm")).metricAlarms().get(0);
      assertThat(alarm.stateValue()).isEqualTo(StateValue.OK);
      assertThat(alarm.treatMissingData()).isEqualTo("breaching");
      assertThat(alarm.threshold()).isEqualTo(250.5);
      assertThat(alarm.dimensions()).hasSize(1);
    }
  }
}
