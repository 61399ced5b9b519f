package dev.orgvend.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyParserTest {
  private static List<String> problems(String json) {
    return PolicyParser.parse("p.json", json).problems().stream().map(Problem::toString).toList();
  }

  @Test
  void parse_whenValid_keepsEveryElementWithItsPosition() {
    String json = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "DenyOutsideEu",
              "Effect": "Deny",
              "NotAction": ["iam:*", "sts:*"],
              "Resource": "*",
              "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", 7, true]}}
            },
            {"Effect": "Allow", "Action": "*", "Resource": "*"}
          ]
        }
        """;
    ParsedPolicy parsed = PolicyParser.parse("p.json", json);

    assertThat(parsed.problems()).isEmpty();
    PolicyDocument doc = parsed.orThrow();
    assertThat(doc.version()).isEqualTo("2012-10-17");
    assertThat(doc.statements()).hasSize(2);
    Statement deny = doc.statements().get(0);
    assertThat(deny.sid()).isEqualTo("DenyOutsideEu");
    assertThat(deny.label()).isEqualTo("\"DenyOutsideEu\"");
    assertThat(deny.at()).isEqualTo(new Position(4, 5));
    assertThat(deny.effect()).isEqualTo(Effect.DENY);
    assertThat(deny.notAction()).isTrue();
    assertThat(deny.actions()).extracting(Located::value).containsExactly("iam:*", "sts:*");
    assertThat(deny.actions().get(1).at()).isEqualTo(new Position(7, 30));
    assertThat(deny.resources()).extracting(Located::value).containsExactly("*");
    ConditionClause clause = deny.conditions().get(0);
    assertThat(clause.operator().comparison())
        .isEqualTo(ConditionOperator.Comparison.STRING_NOT_EQUALS);
    assertThat(clause.key()).isEqualTo(new Located("aws:RequestedRegion", new Position(9, 41)));
    assertThat(clause.values()).extracting(Located::value)
        .containsExactly("eu-west-1", "7", "true");
    assertThat(doc.statements().get(1).label()).isEqualTo("#2");
  }

  @Test
  void parse_whenEmbeddedInAnotherFile_reportsTheFilesOwnPositions() {
    String json = "{\"Version\": \"2012-10-17\",\n \"Statement\": {\"Effect\": \"Allow\","
        + " \"Action\": \"*\", \"Resource\": \"*\", \"Principal\": \"*\"}}";
    ParsedPolicy parsed = PolicyParser.parse("spec.yaml", json, PositionMap.block(12, 6));
    assertThat(parsed.problems()).singleElement().extracting(Problem::at)
        .isEqualTo(new Position(13, 6 + 67));
    assertThat(PolicyParser.parse("spec.yaml", "{", PositionMap.block(3, 4)).problems())
        .singleElement().asString().startsWith("spec.yaml:3:6: error: malformed JSON");
  }

  @Test
  void parse_whenStatementIsOneObject_acceptsIt() {
    ParsedPolicy parsed = PolicyParser.parse("p.json",
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
            + "\"Resource\":\"*\"}}");
    assertThat(parsed.ok()).isTrue();
    assertThat(parsed.document().statements()).hasSize(1);
  }

  @Test
  void parse_whenJsonIsBroken_reportsWhereItStopped() {
    assertThat(problems("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}"))
        .singleElement().asString().startsWith("p.json:4:1: error: malformed JSON")
        .endsWith("; fix the JSON syntax at this position [json]");
    assertThat(problems("")).containsExactly(
        "p.json:1:1: error: the document is empty; fix the JSON syntax at this position [json]");
    assertThat(problems("{\"Version\":\"2012-10-17\"} {}")).singleElement().asString()
        .contains("unexpected content after the end");
  }

  @Test
  void parse_whenPrincipalIsUsed_refusesItAndSaysWhatToDo() {
    assertThat(problems("""
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}
        """)).containsExactly("p.json:2:22: error: SCPs do not support the Principal element;"
            + " remove it: an SCP applies to every IAM user and role in the accounts below it; to"
            + " target or exempt principals, use a Condition on aws:PrincipalArn [principal]");
  }

  @Test
  void parse_whenElementsAreWrong_reportsEachAtItsPosition() {
    List<String> found = problems("""
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "a-b", "Effect": "allow", "Action": ["s3GetObject"], "Resource": "bucket",
           "Condition": {"StringEqual": {"aws:RequestedRegion": "x"}}},
          {"Effect": "Deny", "Action": "s3:*", "NotAction": "ec2:*", "Resource": "*"},
          {"Effect": "Deny", "Action": [], "Resource": "*", "Resorce": "*"},
          {"Sid": "Same", "Effect": "Deny", "Action": "s3:*", "Resource": "*"},
          {"Sid": "Same", "Effect": "Deny", "Action": "s3:*", "Resource": "*",
           "Condition": {"Bool": {"aws:SecureTransport": null}}}
        ]}
        """);
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("p.json:2:11: error: Sid may"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith(
        "p.json:2:28: error: Effect must be \"Allow\" or \"Deny\""));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith(
        "p.json:2:48: error: \"s3GetObject\" is not an action"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith(
        "p.json:2:76: error: \"bucket\" is not an ARN"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith(
        "p.json:3:18: error: \"StringEqual\" is not a condition operator; did you mean"
            + " \"StringEquals\"?"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith(
        "p.json:4:40: error: a statement may have Action or NotAction, not both"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith(
        "p.json:5:32: error: Action is an empty list"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith(
        "p.json:5:53: error: a statement has an element SCPs do not know: \"Resorce\"; did you"
            + " mean \"Resource\"?"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith(
        "p.json:7:11: error: the Sid \"Same\" is already used at line 6"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith(
        "p.json:8:50: error: condition values must be strings, numbers or booleans"));
    assertThat(found).hasSize(10);
  }

  @Test
  void parse_whenVersionIsMissingOrOld_saysSo() {
    assertThat(problems("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\","
        + " \"Resource\": \"*\"}}")).containsExactly("p.json:1:1: error: the policy has no"
        + " Version; add \"Version\": \"2012-10-17\" (every SCP must have it) [version]");
    ParsedPolicy old = PolicyParser.parse("p.json", "{\"Version\": \"2008-10-17\", \"Statement\":"
        + " {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}");
    assertThat(old.ok()).isTrue();
    assertThat(old.problems()).singleElement().extracting(Problem::severity)
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void parse_whenKeysAreDuplicated_reportsTheSecond() {
    assertThat(problems("{\"Version\": \"2012-10-17\", \"Version\": \"2012-10-17\","
        + " \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}"))
        .containsExactly("p.json:1:27: error: the element \"Version\" appears twice (first at line"
            + " 1); merge the two into one; JSON readers keep only one of them [grammar]");
  }

  @Test
  void parse_whenOverTheSizeLimit_countsWhitespaceAndSaysHowToFit() {
    String statement = "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}";
    String padded = "{\"Version\": \"2012-10-17\", \"Statement\": " + statement
        + " ".repeat(ScpLimits.MAX_CHARACTERS) + "}";
    assertThat(problems(padded)).singleElement().asString().startsWith("p.json:1:1: error: the"
        + " policy has " + padded.length() + " characters; an SCP may have at most 10240")
        .contains("the document is 83 characters without it");
    String exact = "{\"Version\": \"2012-10-17\", \"Statement\": " + statement + "}";
    String atLimit = exact.substring(0, exact.length() - 1)
        + " ".repeat(ScpLimits.MAX_CHARACTERS - exact.length()) + "}";
    assertThat(atLimit).hasSize(ScpLimits.MAX_CHARACTERS);
    assertThat(problems(atLimit)).isEmpty();
  }

  @Test
  void orThrow_whenInvalid_throwsWithEveryError() {
    ParsedPolicy parsed = PolicyParser.parse("bad.json", "{\"Version\": \"2012-10-17\","
        + " \"Statement\": {\"Effect\": \"Maybe\", \"Action\": \"*\"}}");
    assertThat(parsed.ok()).isFalse();
    assertThatThrownBy(parsed::orThrow).isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("bad.json is not a valid service control policy: bad.json:1:51:")
        .hasMessageEndingWith("(and 1 more)");
  }

  @Test
  void problem_whenSourceHasControlCharacters_printsThemEscaped() {
    List<Problem> found = PolicyParser.parse("evil\u001b[2J.json", "{").problems();
    assertThat(found.get(0).toString()).startsWith("evil\\u001B[2J.json:");
    assertThat(Text.quote("a\u202Eb\"c")).isEqualTo("\"a\\u202Eb\\\"c\"");
  }
}
