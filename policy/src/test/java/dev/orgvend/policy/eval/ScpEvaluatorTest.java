package dev.orgvend.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgvend.policy.InvalidPolicyException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScpEvaluatorTest {
  private static final CompiledPolicy FULL = CompiledPolicy.parse("FullAWSAccess",
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
          + "\"Resource\":\"*\"}}");
  private static final CompiledPolicy REGION = CompiledPolicy.parse("region-deny", """
      {"Version": "2012-10-17",
       "Statement": [
         {"Sid": "DenyOutsideEu", "Effect": "Deny", "NotAction": ["iam:*", "sts:*"],
          "Resource": "*",
          "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}
      """);
  private static final CompiledPolicy S3_ONLY = CompiledPolicy.parse("s3-only",
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
          + "\"Resource\":\"*\"}}");

  private final ScpEvaluator evaluator = ScpEvaluator.create();
  private final Level root = Level.root("r-ab12", List.of(FULL));
  private final Level workloads = Level.ou("ou-ab12-11111111", "Workloads", List.of(FULL, REGION));
  private final Level sandbox = Level.ou("ou-ab12-22222222", "Sandbox", List.of(S3_ONLY));
  private final Level account = Level.account("111122223333", "web", List.of(FULL));

  private static AccessRequest request(String action, String region) {
    RequestContext context = RequestContext.builder(
        "arn:aws:sts::111122223333:assumed-role/Developer/alice")
        .put("aws:RequestedRegion", region).build();
    return AccessRequest.of(context, action, "*");
  }

  @Test
  void evaluate_whenADenyMatches_namesPolicyStatementLineAndLevel() {
    Decision d = evaluator.evaluate(OrgPath.of(root, workloads, account),
        request("ec2:RunInstances", "us-west-2"));

    assertThat(d.allowed()).isFalse();
    assertThat(d.explain()).isEqualTo("explicit deny: statement \"DenyOutsideEu\" (line 3) of"
        + " policy \"region-deny\", attached to OU \"Workloads\" (ou-ab12-11111111)");
    assertThat(d.awsMessage()).isEqualTo("User: arn:aws:sts::111122223333:assumed-role/Developer/"
        + "alice is not authorized to perform: ec2:RunInstances on resource: * with an explicit"
        + " deny in a service control policy");
  }

  @Test
  void evaluate_whenALevelLacksAnAllow_namesTheLevelAndWhatIsAttached() {
    Decision d = evaluator.evaluate(OrgPath.of(root, sandbox, account),
        request("ec2:RunInstances", "eu-west-1"));

    assertThat(d.explain()).isEqualTo("implicit deny: no policy attached to OU \"Sandbox\""
        + " (ou-ab12-22222222) allows \"ec2:RunInstances\" here (attached: \"s3-only\")");
    assertThat(d.awsMessage()).endsWith("because no service control policy allows the"
        + " ec2:RunInstances action");
  }

  @Test
  void evaluate_whenAllowed_namesTheAllowOfEveryLevel() {
    Decision d = evaluator.evaluate(OrgPath.of(root, workloads, account),
        request("iam:CreateRole", "us-east-1"));

    assertThat(d.allowed()).isTrue();
    assertThat(d.awsMessage()).isNull();
    assertThat(d.explain()).isEqualTo("allowed: no Deny matches and every level allows it"
        + " (root r-ab12: statement #1 (line 1) of policy \"FullAWSAccess\"; OU \"Workloads\""
        + " (ou-ab12-11111111): statement #1 (line 1) of policy \"FullAWSAccess\"; account"
        + " \"web\" (111122223333): statement #1 (line 1) of policy \"FullAWSAccess\")");
  }

  @Test
  void evaluate_forTheManagementAccount_isNeverRestricted() {
    RequestContext management = RequestContext.builder("arn:aws:iam::999999999999:role/Admin")
        .managementAccount(true).build();
    Decision d = evaluator.evaluate(OrgPath.of(Level.root("r-ab12", List.of())),
        AccessRequest.of(management, "iam:CreateUser", "*"));

    assertThat(d).isInstanceOf(Decision.NotApplicable.class);
    assertThat(d.allowed()).isTrue();
    assertThat(d.explain()).contains("management account");
  }

  @Test
  void requestContext_derivesThePrincipalKeys() {
    RequestContext c = RequestContext.builder(
        "arn:aws:sts::111122223333:assumed-role/OrganizationAccountAccessRole/orgvend")
        .principalTag("team", "blue").organizationId("o-a1b2c3d4e5").build();

    assertThat(c.principalArn())
        .isEqualTo("arn:aws:iam::111122223333:role/OrganizationAccountAccessRole");
    assertThat(c.values("AWS:PRINCIPALARN")).containsExactly(c.principalArn());
    assertThat(c.values("aws:PrincipalAccount")).containsExactly("111122223333");
    assertThat(c.values("aws:PrincipalTag/team")).containsExactly("blue");
    assertThat(c.values("aws:PrincipalType")).containsExactly("AssumedRole");
    assertThat(c.values("aws:PrincipalOrgID")).containsExactly("o-a1b2c3d4e5");
    assertThat(c.serviceLinkedRole()).isFalse();
    assertThat(RequestContext.builder("arn:aws:iam::1:role/aws-service-role/x/AWSServiceRoleForX")
        .build().serviceLinkedRole()).isTrue();
  }

  @Test
  void compile_whenThePolicyIsInvalid_refusesIt() {
    assertThatThrownBy(() -> CompiledPolicy.parse("bad", "{\"Version\":\"2012-10-17\"}"))
        .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("has no Statement");
  }

  @Test
  void evaluate_fromManyThreads_givesTheSameDecisions() throws InterruptedException {
    CompiledPolicy variables = CompiledPolicy.parse("team", """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "ec2:*",
         "Resource": "*", "Condition": {"StringNotEquals":
           {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}}}
        """);
    OrgPath path = OrgPath.of(Level.root("r-ab12", List.of(FULL, variables)));
    RequestContext blue = RequestContext.builder("arn:aws:iam::111122223333:role/Dev")
        .principalTag("team", "blue").put("aws:ResourceTag/team", "blue").build();
    AccessRequest r = AccessRequest.of(blue, "ec2:StopInstances", "*");
    boolean[] wrong = new boolean[1];
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 20_000; i++) {
          if (!evaluator.evaluate(path, r).allowed()) {
            wrong[0] = true;
          }
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(wrong[0]).isFalse();
  }
}
