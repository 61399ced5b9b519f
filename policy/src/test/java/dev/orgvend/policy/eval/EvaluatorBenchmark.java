package dev.orgvend.policy.eval;

import dev.orgvend.policy.catalogue.ActionCatalogue;
import dev.orgvend.policy.lint.PolicyLinter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints how fast the evaluator and lint are; not a test (no timing is asserted anywhere). Run
 * with {@code policy/scripts/bench.sh}. Single thread throughout; besides wall time it prints the
 * thread's CPU time, which stays meaningful on a machine shared with other work.
 *
 * <ul>
 *   <li>impact: one SCP change previewed for 5,000 accounts in a tree of 3 levels of OUs under
 *       the root, 50 guarded actions per account, evaluated before and after the change;
 *   <li>throughput: the same requests evaluated in a loop for a few seconds;
 *   <li>compile and lint: 1,000 policies of typical size.
 * </ul>
 */
public final class EvaluatorBenchmark {
  private static final String FULL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
      + "\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String REGION_DENY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
      + "\"DenyOutsideEu\",\"Effect\":\"Deny\",\"NotAction\":[\"a4b:*\",\"acm:*\",\"budgets:*\","
      + "\"ce:*\",\"cloudfront:*\",\"globalaccelerator:*\",\"health:*\",\"iam:*\",\"kms:*\","
      + "\"organizations:*\",\"route53:*\",\"route53domains:*\",\"s3:ListAllMyBuckets\","
      + "\"shield:*\",\"sts:*\",\"support:*\",\"trustedadvisor:*\",\"waf:*\",\"wafv2:*\"],"
      + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":"
      + "[\"eu-west-1\",\"eu-central-1\"]},\"ArnNotLike\":{\"aws:PrincipalArn\":["
      + "\"arn:aws:iam::*:role/BreakGlass\",\"arn:aws:iam::*:role/Platform*\"]}}}]}";
  private static final String GUARDRAILS = "{\"Version\":\"2012-10-17\",\"Statement\":["
      + "{\"Sid\":\"NoLeave\",\"Effect\":\"Deny\",\"Action\":\"organizations:LeaveOrganization\","
      + "\"Resource\":\"*\"},"
      + "{\"Sid\":\"ProtectRole\",\"Effect\":\"Deny\",\"Action\":[\"iam:AttachRolePolicy\","
      + "\"iam:DeleteRole\",\"iam:PutRolePolicy\",\"iam:UpdateAssumeRolePolicy\"],\"Resource\":"
      + "\"arn:aws:iam::*:role/OrganizationAccountAccessRole\",\"Condition\":{\"ArnNotLike\":"
      + "{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/OrganizationAccountAccessRole\"}}},"
      + "{\"Sid\":\"ProtectTrail\",\"Effect\":\"Deny\",\"Action\":[\"cloudtrail:StopLogging\","
      + "\"cloudtrail:DeleteTrail\"],\"Resource\":\"*\"},"
      + "{\"Sid\":\"TeamTags\",\"Effect\":\"Deny\",\"Action\":\"ec2:*\",\"Resource\":\"*\","
      + "\"Condition\":{\"StringNotEquals\":{\"aws:ResourceTag/team\":"
      + "\"${aws:PrincipalTag/team, 'none'}\"},\"Null\":{\"aws:ResourceTag/team\":\"false\"}}}]}";
  private static final String NO_EC2_GPU = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
      + "\"NoBigInstances\",\"Effect\":\"Deny\",\"Action\":\"ec2:RunInstances\",\"Resource\":"
      + "\"arn:aws:ec2:*:*:instance/*\",\"Condition\":{\"ForAnyValue:StringLike\":"
      + "{\"ec2:InstanceType\":[\"p*\",\"g*\",\"*.metal\"]}}}]}";
  private static final String[] GUARDED = {
    "sts:GetCallerIdentity", "sts:AssumeRole", "iam:CreateAccountAlias", "iam:ListAccountAliases",
    "iam:DeleteAccountAlias", "iam:UpdateAccountPasswordPolicy", "iam:GetAccountPasswordPolicy",
    "iam:GetRole", "iam:CreateRole", "iam:PutRolePolicy", "sns:CreateTopic", "sns:Subscribe",
    "sns:ListSubscriptionsByTopic", "sns:GetTopicAttributes", "sns:SetTopicAttributes",
    "sns:ListTopics", "cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms",
    "cloudwatch:DeleteAlarms", "account:PutAlternateContact", "account:GetAlternateContact",
    "account:DeleteAlternateContact", "organizations:DescribeOrganization",
    "organizations:LeaveOrganization", "cloudtrail:CreateTrail", "cloudtrail:StartLogging",
    "cloudtrail:StopLogging", "cloudtrail:DescribeTrails", "config:PutConfigurationRecorder",
    "config:StartConfigurationRecorder", "config:DescribeConfigurationRecorders",
    "cloudformation:CreateStack", "cloudformation:DescribeStacks", "s3:CreateBucket",
    "s3:PutBucketPolicy", "s3:GetBucketPolicy", "s3:PutObject", "s3:GetObject",
    "s3:ListAllMyBuckets", "ec2:DescribeRegions", "ec2:DescribeInstances", "ec2:RunInstances",
    "ec2:TerminateInstances", "ec2:CreateVpc", "kms:CreateKey", "kms:Decrypt",
    "lambda:CreateFunction", "dynamodb:CreateTable", "ssm:GetParameter", "logs:CreateLogGroup"};

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private EvaluatorBenchmark() {}

  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    CompiledPolicy full = CompiledPolicy.parse("FullAWSAccess", FULL);
    CompiledPolicy regionDeny = CompiledPolicy.parse("region-deny", REGION_DENY);
    CompiledPolicy guardrails = CompiledPolicy.parse("guardrails", GUARDRAILS);
    CompiledPolicy noGpu = CompiledPolicy.parse("no-gpu", NO_EC2_GPU);

    List<OrgPath> before = new ArrayList<>();
    List<OrgPath> after = new ArrayList<>();
    List<List<AccessRequest>> requests = new ArrayList<>();
    buildFleet(accounts, full, guardrails, noGpu, regionDeny, before, after, requests);

    ScpEvaluator evaluator = ScpEvaluator.create();
    for (int round = 0; round < 3; round++) {
      impact(evaluator, before, after, requests); // warm up
    }
    long start = System.nanoTime();
    long cpuStart = CPU.getCurrentThreadCpuTime();
    int[] changed = impact(evaluator, before, after, requests);
    long impactNanos = System.nanoTime() - start;
    long impactCpu = CPU.getCurrentThreadCpuTime() - cpuStart;
    long evaluations = 2L * accounts * GUARDED.length;
    System.out.printf(Locale.ROOT, "impact preview: %,d accounts x %d actions, before and after"
        + " (%,d evaluations): %.0f ms (%.0f ms of CPU), %,.0f evaluations per CPU second;"
        + " %,d decisions change%n", accounts, GUARDED.length, evaluations, impactNanos / 1e6,
        impactCpu / 1e6, evaluations / (impactCpu / 1e9), changed[0]);

    long loopCpu = CPU.getCurrentThreadCpuTime();
    long loopStart = System.nanoTime();
    long done = 0;
    long sink = 0;
    while (System.nanoTime() - loopStart < 3_000_000_000L) {
      for (int a = 0; a < before.size(); a++) {
        for (AccessRequest r : requests.get(a)) {
          sink += evaluator.evaluate(after.get(a), r).allowed() ? 1 : 0;
          done++;
        }
      }
    }
    double seconds = (System.nanoTime() - loopStart) / 1e9;
    double cpuSeconds = (CPU.getCurrentThreadCpuTime() - loopCpu) / 1e9;
    System.out.printf(Locale.ROOT, "throughput: %,.0f evaluations/s wall, %,.0f per CPU second"
        + " (paths of 5 levels, 1-2 policies per level; %.0f%% of the requests allowed)%n",
        done / seconds, done / cpuSeconds, 100.0 * sink / done);

    List<String> documents = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String[] kinds = {REGION_DENY, GUARDRAILS, NO_EC2_GPU, FULL};
      documents.add(kinds[i % kinds.length].replace("eu-west-1", "eu-west-" + (i % 3 + 1)));
    }
    PolicyLinter linter = PolicyLinter.create(ActionCatalogue.standard());
    for (int round = 0; round < 3; round++) {
      lintAll(linter, documents);
    }
    long lintStart = System.nanoTime();
    long lintCpu = CPU.getCurrentThreadCpuTime();
    int problems = lintAll(linter, documents);
    long lintNanos = System.nanoTime() - lintStart;
    lintCpu = CPU.getCurrentThreadCpuTime() - lintCpu;
    System.out.printf(Locale.ROOT, "lint: 1,000 policies in %.0f ms (%.0f ms of CPU; %d"
        + " problems)%n", lintNanos / 1e6, lintCpu / 1e6, problems);

    long compileStart = System.nanoTime();
    long compileCpu = CPU.getCurrentThreadCpuTime();
    for (String d : documents) {
      CompiledPolicy.parse("p", d);
    }
    long compileNanos = System.nanoTime() - compileStart;
    compileCpu = CPU.getCurrentThreadCpuTime() - compileCpu;
    System.out.printf(Locale.ROOT, "parse and compile: 1,000 policies in %.0f ms (%.0f ms of"
        + " CPU)%n", compileNanos / 1e6, compileCpu / 1e6);
  }

  private static void buildFleet(int accounts, CompiledPolicy full, CompiledPolicy guardrails,
      CompiledPolicy noGpu, CompiledPolicy regionDeny, List<OrgPath> before, List<OrgPath> after,
      List<List<AccessRequest>> requests) {
    Level root = Level.root("r-ab12", List.of(full, guardrails));
    String[] regions = {"eu-west-1", "eu-central-1", "us-east-1", "us-west-2"};
    for (int a = 0; a < accounts; a++) {
      int l1 = a % 5;
      int l2 = a % 25;
      int l3 = a % 125;
      Level ou1 = Level.ou("ou-ab12-1000000" + l1, "l1-" + l1, List.of(full));
      // The change under preview: the region deny attached to the first-level OU.
      Level ou1After = Level.ou("ou-ab12-1000000" + l1, "l1-" + l1, List.of(full, regionDeny));
      Level ou2 = Level.ou("ou-ab12-200000" + l2, "l2-" + l2, List.of(full, noGpu));
      Level ou3 = Level.ou("ou-ab12-30000" + l3, "l3-" + l3, List.of(full));
      String id = String.format(Locale.ROOT, "%012d", 100_000_000_000L + a);
      Level account = Level.account(id, "account-" + a, List.of(full));
      before.add(OrgPath.of(root, ou1, ou2, ou3, account));
      after.add(OrgPath.of(root, ou1After, ou2, ou3, account));
      RequestContext context = RequestContext.builder(
              "arn:aws:sts::" + id + ":assumed-role/OrganizationAccountAccessRole/orgvend")
          .principalTag("team", "team-" + (a % 7))
          .put("aws:RequestedRegion", regions[a % regions.length])
          .put("aws:SecureTransport", "true")
          .build();
      List<AccessRequest> forAccount = new ArrayList<>();
      for (String action : GUARDED) {
        forAccount.add(AccessRequest.of(context, action, "*"));
      }
      requests.add(forAccount);
    }
  }

  private static int[] impact(ScpEvaluator evaluator, List<OrgPath> before, List<OrgPath> after,
      List<List<AccessRequest>> requests) {
    int changed = 0;
    for (int a = 0; a < before.size(); a++) {
      for (AccessRequest r : requests.get(a)) {
        boolean was = evaluator.evaluate(before.get(a), r).allowed();
        boolean now = evaluator.evaluate(after.get(a), r).allowed();
        changed += was != now ? 1 : 0;
      }
    }
    return new int[] {changed};
  }

  private static int lintAll(PolicyLinter linter, List<String> documents) {
    int problems = 0;
    for (int i = 0; i < documents.size(); i++) {
      problems += linter.lint("p" + i + ".json", documents.get(i)).size();
    }
    return problems;
  }
}
