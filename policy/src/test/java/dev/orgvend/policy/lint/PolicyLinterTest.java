package dev.orgvend.policy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.policy.PolicyDocument;
import dev.orgvend.policy.PolicyParser;
import dev.orgvend.policy.Position;
import dev.orgvend.policy.Problem;
import dev.orgvend.policy.Rule;
import dev.orgvend.policy.Severity;
import dev.orgvend.policy.catalogue.ActionCatalogue;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PolicyLinterTest {
  private static final PolicyLinter LINTER = PolicyLinter.create(ActionCatalogue.standard());

  private static List<Problem> lint(String json) {
    List<Problem> problems = LINTER.lint("p.json", json);
    assertThat(problems).allSatisfy(p -> {
      assertThat(p.fix()).isNotBlank();
      assertThat(p.message()).isNotBlank();
    });
    assertThat(problems).isSortedAccordingTo(Problem.ORDER);
    return problems;
  }

  private static String statement(String body) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + body + "]}";
  }

  private static String deny(String actions, String condition) {
    return statement("{\"Effect\": \"Deny\", \"Action\": " + actions + ", \"Resource\": \"*\""
        + (condition == null ? "" : ", \"Condition\": " + condition) + "}");
  }

  private static List<Rule> rules(List<Problem> problems) {
    return problems.stream().map(Problem::rule).toList();
  }

  @Test
  void lint_whenFullAwsAccess_findsNothing() {
    assertThat(lint(statement("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}")))
        .isEmpty();
  }

  @Test
  void lint_whenTheDocumentedRegionDenyWithExemptions_findsNothing() {
    assertThat(lint("""
        {"Version": "2012-10-17", "Statement": [{
          "Sid": "DenyAllOutsideEU", "Effect": "Deny",
          "NotAction": ["cloudfront:*", "iam:*", "organizations:*", "route53:*", "sts:*",
                        "support:*", "budgets:*", "ec2:DescribeRegions", "s3:ListAllMyBuckets"],
          "Resource": "*",
          "Condition": {
            "StringNotEquals": {"aws:RequestedRegion": ["eu-central-1", "eu-west-1"]},
            "ArnNotLike": {"aws:PrincipalARN": ["arn:aws:iam::*:role/BreakGlass"]}}}]}
        """)).isEmpty();
  }

  @Test
  void lint_whenServicePrefixIsUnknown_saysSoWithASuggestion() {
    assertThat(lint(deny("[\"s4:GetObject\"]", null)).stream()
        .filter(p -> p.rule() == Rule.UNKNOWN_SERVICE).map(Problem::toString).toList())
        .singleElement().asString().startsWith("p.json:1:71: error: \"s4\" is not an AWS service"
            + " prefix, so \"s4:GetObject\" in Action matches nothing; did you mean"
            + " \"s3:GetObject\"?");
  }

  @Test
  void lint_whenActionIsMisspelt_suggestsTheRealOne() {
    assertThat(lint(deny("\"s3:GetObjekt\"", "{\"ArnNotLike\": {\"aws:PrincipalArn\":"
        + " \"arn:aws:iam::*:role/Admin\"}}"))).singleElement().satisfies(p -> {
          assertThat(p.rule()).isEqualTo(Rule.UNKNOWN_ACTION);
          assertThat(p.severity()).isEqualTo(Severity.ERROR);
          assertThat(p.message()).isEqualTo("\"s3:GetObjekt\" matches no action of Amazon S3, so"
              + " it does nothing in Action");
          assertThat(p.fix()).startsWith("did you mean \"s3:GetObject\"? check the name");
        });
  }

  @Test
  void lint_whenPatternMatchesNoAction_flagsItButNotAGoodPattern() {
    List<Problem> found = lint(statement(
        "{\"Effect\": \"Allow\", \"Action\": [\"s3:Get*\", \"s3:Gte*\", \"*:List*\","
            + " \"ec2:*Instances\"],"
            + " \"Resource\": \"*\"}"));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.at()).isEqualTo(new Position(1, 83));
      assertThat(p.message()).startsWith("\"s3:Gte*\" matches no action of Amazon S3");
      assertThat(p.fix()).startsWith("did you mean \"s3:Get*\"?");
    });
  }

  @Test
  void lint_whenNotActionNamesAnUnknownService_saysTheExemptionDoesNothing() {
    List<Problem> found = lint(statement("{\"Effect\": \"Deny\", \"NotAction\": \"iamm:*\","
        + " \"Resource\": \"*\", \"Condition\": {\"ArnNotLike\": {\"aws:PrincipalArn\":"
        + " \"arn:aws:iam::*:role/Admin\"}}}"));
    assertThat(found).singleElement().extracting(Problem::message).asString()
        .contains("\"iamm:*\" in NotAction matches nothing");
  }

  @Test
  void lint_whenDenyAllHasNoCondition_isAnError() {
    List<Problem> found = lint(deny("\"*\"", null));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.DENY_ALL_WITHOUT_EXEMPTION);
      assertThat(p.severity()).isEqualTo(Severity.ERROR);
      assertThat(p.at()).isEqualTo(new Position(1, 41));
      assertThat(p.fix()).contains("ArnNotLike").contains("aws:PrincipalArn");
    });
  }

  @Test
  void lint_whenDenyAllHasAConditionButNoPrincipalExemption_warns() {
    List<Problem> found = lint(deny("\"*\"",
        "{\"Bool\": {\"aws:SecureTransport\": \"false\"}}"));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.DENY_ALL_WITHOUT_EXEMPTION);
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
    });
  }

  @Test
  void lint_whenDenyAllExemptsByPrincipalTag_isFine() {
    assertThat(lint(deny("\"*\"", "{\"StringNotEquals\": {\"aws:PrincipalTag/role\":"
        + " \"breakglass\"}, \"Bool\": {\"aws:SecureTransport\": \"false\"}}"))).isEmpty();
  }

  @Test
  void lint_whenRegionDenyCoversEverything_flagsGlobalServicesAndTheMissingExemption() {
    List<Problem> found = lint(deny("\"*\"",
        "{\"StringNotEquals\": {\"aws:RequestedRegion\": [\"eu-west-1\"]}}"));
    assertThat(rules(found)).containsExactlyInAnyOrder(Rule.DENY_ALL_WITHOUT_EXEMPTION,
        Rule.REGION_DENY_GLOBAL_SERVICES);
    assertThat(found).filteredOn(p -> p.rule() == Rule.REGION_DENY_GLOBAL_SERVICES)
        .singleElement().satisfies(p -> {
          assertThat(p.severity()).isEqualTo(Severity.ERROR);
          assertThat(p.message()).contains("iam, organizations, sts, route53, cloudfront,"
              + " support, whose requests are made to us-east-1");
          assertThat(p.fix()).startsWith("use NotAction");
        });
  }

  @Test
  void lint_whenRegionDenyNotActionMissesSomeGlobalServices_namesThem() {
    List<Problem> found = lint(statement("{\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\","
        + " \"route53:*\", \"cloudfront:*\", \"support:*\", \"organizations:Describe*\"],"
        + " \"Resource\": \"*\", \"Condition\": {\"StringNotLike\": {\"aws:RequestedRegion\":"
        + " \"eu-*\"}, \"ArnNotLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/Admin\"}}}"));
    assertThat(found).singleElement().extracting(Problem::message).asString()
        .contains("denies the global services organizations, sts, whose");
  }

  @Test
  void lint_whenRegionDenyAllowsUsEast1_leavesGlobalServicesAlone() {
    assertThat(lint(deny("\"*\"", "{\"StringNotEquals\": {\"aws:RequestedRegion\":"
        + " [\"eu-west-1\", \"us-east-1\"]}, \"ArnNotLike\": {\"aws:PrincipalArn\":"
        + " \"arn:aws:iam::*:role/Admin\"}}"))).isEmpty();
  }

  @Test
  void lint_whenGlobalKeyIsMisspelt_explainsTheEffectAndSuggests() {
    List<Problem> found = lint(deny("\"ec2:*\"",
        "{\"StringNotEquals\": {\"aws:RequestRegion\": \"eu-west-1\"}}"));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.UNKNOWN_CONDITION_KEY);
      assertThat(p.severity()).isEqualTo(Severity.ERROR);
      assertThat(p.message()).isEqualTo("\"aws:RequestRegion\" is not a known condition key: no"
          + " request carries it, so this test is always true and the Deny applies to every"
          + " request it names");
      assertThat(p.fix()).isEqualTo("did you mean \"aws:RequestedRegion\"?");
    });
  }

  @Test
  void lint_whenServiceKeyIsUnknown_warns() {
    assertThat(lint(deny("\"ec2:RunInstances\"",
        "{\"StringEquals\": {\"ec2:InstanceTyp\": \"t3.micro\"}}"))).singleElement()
        .satisfies(p -> {
          assertThat(p.severity()).isEqualTo(Severity.WARNING);
          assertThat(p.message()).endsWith("never true and the Deny never applies");
          assertThat(p.fix()).isEqualTo("did you mean \"ec2:InstanceType\"?");
        });
  }

  @Test
  void lint_whenValuesCannotBeRead_reportsEach() {
    List<Problem> found = lint(deny("\"s3:*\"", "{\"NumericLessThan\": {\"s3:max-keys\":"
        + " \"ten\"}, \"IpAddress\": {\"aws:SourceIp\": \"300.1.1.1/8\"}, \"DateGreaterThan\":"
        + " {\"aws:CurrentTime\": \"tomorrow\"}, \"Bool\": {\"aws:SecureTransport\": \"yes\"},"
        + " \"Null\": {\"aws:TokenIssueTime\": \"maybe\"}}"));
    assertThat(found).extracting(Problem::rule).containsOnly(Rule.CONDITION_VALUE);
    assertThat(found).extracting(Problem::message).containsExactly(
        "\"ten\" is not a number such as 10 or 2.5, so NumericLessThan never matches it",
        "\"300.1.1.1/8\" is not an IP address or CIDR range such as 203.0.113.0/24 or"
            + " 2001:db8::/32, so IpAddress never matches it",
        "\"tomorrow\" is not a date such as 2026-01-31T00:00:00Z or epoch seconds such as"
            + " 1769817600, so DateGreaterThan never matches it",
        "\"yes\" is not true or false, so Bool never matches it",
        "\"maybe\" is not true or false, so Null never matches it");
  }

  @Test
  void lint_whenOperatorDoesNotFitTheKey_warns() {
    List<Problem> found = lint(deny("\"s3:*\"", "{\"Bool\": {\"aws:RequestedRegion\": \"true\"},"
        + " \"IpAddress\": {\"aws:PrincipalArn\": \"10.0.0.0/8\"}, \"ArnLike\":"
        + " {\"aws:PrincipalAccount\": \"arn:aws:iam::*:root\"}}"));
    assertThat(found).extracting(Problem::rule).containsOnly(Rule.OPERATOR_FOR_KEY);
    assertThat(found).extracting(Problem::message).containsExactly(
        "Bool compares boolean values, but aws:RequestedRegion holds string values, so the test"
            + " does not work as written",
        "IpAddress compares IP address values, but aws:PrincipalArn holds ARN values, so the"
            + " test does not work as written",
        "ArnLike compares ARN values, but aws:PrincipalAccount holds string values, so the test"
            + " does not work as written");
  }

  @Test
  void lint_whenExemptionUsesWildcardsUnderStringNotEquals_warnsOfTheLockout() {
    List<Problem> found = lint(deny("\"iam:*\"", "{\"StringNotEquals\": {\"aws:PrincipalArn\":"
        + " \"arn:aws:iam::*:role/BreakGlass\"}}"));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.WILDCARD_IN_EQUALS);
      assertThat(p.message()).isEqualTo("StringNotEquals compares literally:"
          + " \"arn:aws:iam::*:role/BreakGlass\" matches only that exact text, wildcard included");
      assertThat(p.fix()).isEqualTo("use StringNotLike or ArnNotLike to match a pattern");
    });
  }

  @Test
  void lint_whenPrincipalArnIsASessionArn_warnsItNeverMatches() {
    List<Problem> found = lint(deny("\"*\"", "{\"ArnNotLike\": {\"aws:PrincipalArn\":"
        + " \"arn:aws:sts::*:assumed-role/AWSCloudFormationStackSetExecutionRole/*\"}}"));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.ASSUMED_ROLE_ARN);
      assertThat(p.fix()).contains("arn:aws:iam::*:role/NAME");
    });
  }

  @Test
  void lint_whenSetOperatorsDoNotFitTheKey_warns() {
    List<Problem> found = lint(deny("\"ec2:CreateTags\"", "{\"StringEquals\": {\"aws:TagKeys\":"
        + " \"env\"}, \"ForAnyValue:StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"},"
        + " \"ForAllValues:Null\": {\"aws:ResourceTag/x\": \"true\"}}"));
    assertThat(found).extracting(Problem::rule).containsOnly(Rule.SET_OPERATOR);
    assertThat(found).hasSize(3);
    assertThat(found.get(0).fix()).startsWith("write \"ForAnyValue:StringEquals\"");
    assertThat(found.get(1).message()).contains("aws:RequestedRegion has a single value");
    assertThat(found.get(2).message()).startsWith("Null tests whether the key is present");
  }

  @Test
  void lint_whenMfaIsTestedWithBoolInADeny_suggestsBoolIfExists() {
    List<Problem> found = lint(deny("\"ec2:StopInstances\"",
        "{\"Bool\": {\"aws:MultiFactorAuthPresent\": false}}"));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.MFA_WITHOUT_IF_EXISTS);
      assertThat(p.fix()).contains("BoolIfExists");
    });
    assertThat(lint(deny("\"ec2:StopInstances\"",
        "{\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": false}}"))).isEmpty();
  }

  @Test
  void lint_whenVariablesAreMisplaced_warns() {
    List<Problem> found = lint(statement("{\"Effect\": \"Deny\", \"Action\": \"s3:*\","
        + " \"Resource\": \"arn:aws:s3:${aws:RequestedRegion}::b/${aws:username}/*\","
        + " \"Condition\": {\"NumericEquals\": {\"s3:max-keys\": \"${aws:PrincipalTag/n}\"},"
        + " \"StringEquals\": {\"aws:ResourceTag/team\": \"${aws:PrincipalTagg/team}\"}}}"));
    assertThat(found).extracting(Problem::rule).contains(Rule.POLICY_VARIABLE);
    assertThat(found).extracting(Problem::message).contains(
        "a policy variable in a Resource may only stand in the resource part, after the fifth"
            + " colon",
        "policy variables are replaced only under String and ARN operators; here"
            + " ${aws:PrincipalTag/n} is compared as written",
        "${aws:PrincipalTagg/team} names no known condition key; with no value the statement"
            + " does not apply");
  }

  @Test
  void lint_whenOperatorIsWrittenInAnotherCase_asksForTheDocumentedSpelling() {
    assertThat(lint(deny("\"s3:*\"", "{\"stringequals\": {\"aws:RequestedRegion\": \"x\"}}")))
        .singleElement().extracting(Problem::fix).isEqualTo("write \"StringEquals\"");
  }

  @Test
  void lint_whenGrammarFails_stillChecksTheWellFormedStatements() {
    List<Problem> found = lint(statement("{\"Effect\": \"Deny\", \"Principal\": \"*\","
        + " \"Action\": \"s3:*\", \"Resource\": \"*\"}, {\"Effect\": \"Allow\", \"Action\":"
        + " \"s3:Gte*\", \"Resource\": \"*\"}"));
    assertThat(rules(found)).containsExactly(Rule.PRINCIPAL, Rule.UNKNOWN_ACTION);
  }

  @Test
  void lintAttachments_whenOverTheLimitEmptyOrDuplicated_refuses() {
    Position at = new Position(12, 5);
    List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "policy" + i).toList();
    assertThat(LINTER.lintAttachments("spec.yaml", at, "OU \"Prod\"", eleven))
        .singleElement().asString().isEqualTo("spec.yaml:12:5: error: OU \"Prod\" has 11 SCPs"
            + " attached directly; AWS allows at most 10 per root, OU or account (FullAWSAccess"
            + " included); merge some of the policies, or attach some to a parent OU"
            + " [attachments]");
    assertThat(LINTER.lintAttachments("spec.yaml", at, "OU \"Prod\"", eleven.subList(0, 10)))
        .isEmpty();
    assertThat(LINTER.lintAttachments("spec.yaml", at, "account \"a\"", List.of()))
        .singleElement().extracting(Problem::message).asString().contains("has no SCP attached");
    assertThat(LINTER.lintAttachments("spec.yaml", at, "root", List.of("a", "b", "a")))
        .singleElement().extracting(Problem::message).asString()
        .isEqualTo("the policy \"a\" is attached to root twice");
  }

  @Test
  void lintPath_whenALevelHasNoAllow_saysEverythingBelowIsDenied() {
    PolicyDocument full = doc(statement("{\"Effect\": \"Allow\", \"Action\": \"*\","
        + " \"Resource\": \"*\"}"));
    PolicyDocument denyOnly = doc(deny("\"ec2:*\"", null));
    PolicyDocument allowS3 = doc(statement("{\"Effect\": \"Allow\", \"Action\": \"s3:*\","
        + " \"Resource\": \"*\"}"));
    List<Problem> found = LINTER.lintPath(List.of(
        new PolicyLinter.PathLevel("spec.yaml", new Position(3, 1), "root", List.of(full)),
        new PolicyLinter.PathLevel("spec.yaml", new Position(7, 3), "OU \"Sandbox\"",
            List.of(denyOnly)),
        new PolicyLinter.PathLevel("spec.yaml", new Position(9, 3), "account \"a\"",
            List.of(allowS3))));
    assertThat(found).extracting(Problem::toString).containsExactly(
        "spec.yaml:7:3: error: no SCP attached to OU \"Sandbox\" has an Allow statement, so every"
            + " action is denied to every account below it; attach FullAWSAccess to OU"
            + " \"Sandbox\", or a policy that allows what the accounts below need"
            + " [no-allow-on-path]",
        "spec.yaml:9:3: note: the SCPs attached to account \"a\" allow only some actions (an allow"
            + " list); everything else is denied to every account below it; make sure the allow"
            + " list covers what those accounts (and orgvend's member role) need"
            + " [no-allow-on-path]");
  }

  private static PolicyDocument doc(String json) {
    return PolicyParser.parse("p.json", json).orThrow();
  }
}
