package dev.orgvend.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PermissionsTest {
  /** {@code caller.call("Operation", ...)} and {@code caller.run("Operation", ...)}. */
  private static final Pattern CALL = Pattern.compile("\\.(?:call|run)\\(\\s*\"([A-Z]\\w+)\"");

  @Test
  void grants_coverEveryOperationNamedInTheEngineSources() throws IOException {
    Set<String> named = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = CALL.matcher(Files.readString(file));
        while (m.find()) {
          named.add(m.group(1));
        }
      }
    }

    assertThat(named).contains("CreateAccount", "AssumeRole");
    assertThat(named).allSatisfy(op -> assertThat(Permissions.of(op))
        .as("IAM actions for %s in Permissions", op).isPresent());
  }

  @Test
  void actions_whenReadOnly_areOnlyDescribeAndList() {
    assertThat(Permissions.actions(true)).containsExactly(
        "organizations:DescribeOrganization",
        "organizations:ListAccountsForParent",
        "organizations:ListCreateAccountStatus",
        "organizations:ListOrganizationalUnitsForParent",
        "organizations:ListRoots",
        "organizations:ListTagsForResource");
  }

  @Test
  void policy_forApply_scopesAssumeRoleToTheNamedRoles() {
    String policy = Permissions.policy(List.of("OrgAdmin", "OrganizationAccountAccessRole",
        "OrgAdmin"), false);

    assertThat(policy).isEqualTo("""
        {
          "Version" : "2012-10-17",
          "Statement" : [ {
            "Sid" : "OrgvendReadOrganization",
            "Effect" : "Allow",
            "Action" : [ "organizations:DescribeCreateAccountStatus", \
        "organizations:DescribeOrganization", "organizations:ListAccounts", \
        "organizations:ListAccountsForParent", "organizations:ListCreateAccountStatus", \
        "organizations:ListOrganizationalUnitsForParent", "organizations:ListParents", \
        "organizations:ListRoots", "organizations:ListTagsForResource" ],
            "Resource" : [ "*" ]
          }, {
            "Sid" : "OrgvendChangeOrganization",
            "Effect" : "Allow",
            "Action" : [ "organizations:CreateAccount", "organizations:CreateOrganizationalUnit", \
        "organizations:MoveAccount", "organizations:TagResource", "organizations:UntagResource" ],
            "Resource" : [ "*" ]
          }, {
            "Sid" : "OrgvendOrganizationsServiceLinkedRole",
            "Effect" : "Allow",
            "Action" : [ "iam:CreateServiceLinkedRole" ],
            "Resource" : [ "arn:aws:iam::*:role/aws-service-role/organizations.amazonaws.com/*" ],
            "Condition" : {
              "StringEquals" : {
                "iam:AWSServiceName" : "organizations.amazonaws.com"
              }
            }
          }, {
            "Sid" : "OrgvendEnterMemberAccounts",
            "Effect" : "Allow",
            "Action" : [ "sts:AssumeRole" ],
            "Resource" : [ "arn:aws:iam::*:role/OrgAdmin", \
        "arn:aws:iam::*:role/OrganizationAccountAccessRole" ]
          } ]
        }
        """);
  }

  @Test
  void policy_whenReadOnly_hasOneStatementAndNoWrites() {
    String policy = Permissions.policy(List.of(), true);

    assertThat(policy).contains("OrgvendReadOrganization")
        .doesNotContain("organizations:CreateAccount", "sts:", "iam:",
            "organizations:TagResource");
  }

  @Test
  void policy_forApplyWithoutRoles_isRefused() {
    assertThatThrownBy(() -> Permissions.policy(List.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
