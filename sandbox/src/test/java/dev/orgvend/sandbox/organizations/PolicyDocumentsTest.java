package dev.orgvend.sandbox.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.orgvend.sandbox.protocol.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyDocumentsTest {
  private static final String SCP = "SERVICE_CONTROL_POLICY";
  private static final int LIMIT = 10_240;

  private static void check(String content) {
    PolicyDocuments.check(SCP, content, LIMIT);
  }

  /** One SCP around a single statement body, e.g. {@code "Effect":"Deny",...}. */
  private static String statement(String body) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{" + body + "}]}";
  }

  private static void assertMalformed(String content, String detail) {
    assertThatExceptionOfType(AwsException.class)
        .isThrownBy(() -> check(content))
        .satisfies(e -> assertThat(e.code()).isEqualTo("MalformedPolicyDocumentException"))
        .withMessageContaining(detail);
  }

  @Test
  void check_fullAwsAccess_passes() {
    assertThatCode(() -> check(OrganizationOps.FULL_AWS_ACCESS_CONTENT)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"Effect\":\"Deny\",\"Action\":[\"ec2:RunInstances\",\"s3:Delete*\"],\"Resource\":\"*\"",
      "\"Sid\":\"Regions\",\"Effect\":\"Deny\",\"NotAction\":[\"iam:*\",\"sts:*\"],"
          + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":"
          + "{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-central-1\"]}}",
      "\"Effect\":\"Allow\",\"Action\":\"s3:Get?bject\",\"NotResource\":\"arn:aws:s3:::secret/*\"",
      "\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
          + "\"ForAnyValue:StringLikeIfExists\":{\"aws:TagKeys\":\"tmp*\"},"
          + "\"Null\":{\"aws:ResourceTag/owner\":\"true\"},"
          + "\"Bool\":{\"aws:SecureTransport\":false}}"
  })
  void check_validStatements_pass(String body) {
    assertThatCode(() -> check(statement(body))).doesNotThrowAnyException();
  }

  @Test
  void check_singleStatementObject_passes() {
    assertThatCode(() -> check("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
        + "\"Action\":\"ec2:*\",\"Resource\":\"*\"}}")).doesNotThrowAnyException();
  }

  @Test
  void check_principal_isRejected() {
    assertMalformed(statement("\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"*\","
        + "\"Resource\":\"*\""), "Principal");
    assertMalformed(statement("\"Effect\":\"Deny\",\"NotPrincipal\":\"*\",\"Action\":\"*\","
        + "\"Resource\":\"*\""), "Principal");
  }

  @Test
  void check_missingOrWrongVersion_isRejected() {
    assertMalformed("{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
        "Version");
    assertMalformed("{\"Version\":\"2020-01-01\",\"Statement\":[{\"Effect\":\"Deny\","
        + "\"Action\":\"*\",\"Resource\":\"*\"}]}", "Version");
  }

  @Test
  void check_statementProblems_areRejected() {
    assertMalformed("{\"Version\":\"2012-10-17\"}", "no Statement");
    assertMalformed("{\"Version\":\"2012-10-17\",\"Statement\":[]}", "empty");
    assertMalformed(statement("\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\""),
        "Effect");
    assertMalformed(statement("\"Effect\":\"Deny\",\"Resource\":\"*\""), "Action");
    assertMalformed(statement("\"Effect\":\"Deny\",\"Action\":\"*\",\"NotAction\":\"s3:*\","
        + "\"Resource\":\"*\""), "exactly one of Action and NotAction");
    assertMalformed(statement("\"Effect\":\"Deny\",\"Action\":\"*\""), "Resource");
    assertMalformed(statement("\"Effect\":\"Deny\",\"Action\":[],\"Resource\":\"*\""), "empty");
    assertMalformed(statement("\"Effect\":\"Deny\",\"Action\":\"ec2\",\"Resource\":\"*\""),
        "not an action");
    assertMalformed(statement("\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"bucket\""),
        "not a resource");
    assertMalformed(statement("\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Extra\":1"), "Extra");
  }

  @Test
  void check_conditionProblems_areRejected() {
    assertMalformed(statement("\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringSortOf\":{\"aws:RequestedRegion\":\"x\"}}"), "StringSortOf");
    assertMalformed(statement("\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":\"aws:RequestedRegion\"}"), "StringEquals");
    assertMalformed(statement("\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/x\":{\"a\":1}}}"), "strings");
  }

  @Test
  void check_duplicateSids_areRejected() {
    String twice = "{\"Version\":\"2012-10-17\",\"Statement\":["
        + "{\"Sid\":\"One\",\"Effect\":\"Deny\",\"Action\":\"ec2:*\",\"Resource\":\"*\"},"
        + "{\"Sid\":\"One\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    assertMalformed(twice, "more than once");
  }

  @Test
  void check_invalidJson_isRejected() {
    assertMalformed("{\"Version\":", "not valid JSON");
    assertMalformed("{\"Version\":\"2012-10-17\",\"Version\":\"2012-10-17\"}", "not valid JSON");
    assertMalformed(OrganizationOps.FULL_AWS_ACCESS_CONTENT + "{}", "not valid JSON");
    assertMalformed("[]", "JSON object");
  }

  @Test
  void check_overSizeLimit_isConstraintViolationCountingWhitespace() {
    String base = OrganizationOps.FULL_AWS_ACCESS_CONTENT;
    String atLimit = " ".repeat(LIMIT - base.length()) + base;
    assertThatCode(() -> check(atLimit)).doesNotThrowAnyException();

    assertThatExceptionOfType(AwsException.class)
        .isThrownBy(() -> check(" " + atLimit))
        .satisfies(e -> {
          assertThat(e.code()).isEqualTo("ConstraintViolationException");
          assertThat(e.members())
              .containsEntry("Reason", TextNode.valueOf("POLICY_CONTENT_LIMIT_EXCEEDED"));
        });
  }

  @Test
  void check_otherPolicyTypes_needOnlyAJsonObject() {
    assertThatCode(() -> PolicyDocuments.check("TAG_POLICY", "{\"tags\":{}}", LIMIT))
        .doesNotThrowAnyException();
    assertThatExceptionOfType(AwsException.class)
        .isThrownBy(() -> PolicyDocuments.check("TAG_POLICY", "\"tags\"", LIMIT))
        .satisfies(e -> assertThat(e.code()).isEqualTo("MalformedPolicyDocumentException"));
    assertThatExceptionOfType(AwsException.class)
        .isThrownBy(() -> PolicyDocuments.check("AISERVICES_OPT_OUT_POLICY",
            "{\"a\":\"" + "x".repeat(2_500) + "\"}", LIMIT))
        .satisfies(e -> assertThat(e.members())
            .containsEntry("Reason", TextNode.valueOf("POLICY_CONTENT_LIMIT_EXCEEDED")));
  }

  @Test
  void isOperator_knowsQualifiersAndSuffixes() {
    assertThat(PolicyDocuments.isOperator("StringEquals")).isTrue();
    assertThat(PolicyDocuments.isOperator("ArnNotLikeIfExists")).isTrue();
    assertThat(PolicyDocuments.isOperator("ForAllValues:StringLike")).isTrue();
    assertThat(PolicyDocuments.isOperator("Null")).isTrue();
    assertThat(PolicyDocuments.isOperator("NullIfExists")).isFalse();
    assertThat(PolicyDocuments.isOperator("stringequals")).isFalse();
  }
}
