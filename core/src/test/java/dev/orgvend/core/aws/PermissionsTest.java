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

  /** API operations that close, delete, detach, remove or switch something off. */
  private static final Pattern DESTRUCTIVE = Pattern.compile(
      "^(Close|Delete|Remove|Detach|Leave|Disable|Deregister|Decline|Cancel|Unsubscribe|Untag)");

  /**
   * With the test above (every call the engine makes is granted), this keeps the engine from
   * calling anything destructive beyond the two removals a plan shows: tags not in the spec
   * (only with apply --allow-removals) and an account alias the spec replaces (IAM allows one).
   */
  @Test
  void grants_includeNoDestructiveOperationBeyondTheTwoPlansShow() {
    assertThat(Permissions.grants()).extracting(Permissions.Grant::operation)
        .filteredOn(op -> DESTRUCTIVE.matcher(op).find())
        .containsExactlyInAnyOrder("UntagResource", "DeleteAccountAlias");
    assertThat(Permissions.grants()).flatExtracting(Permissions.Grant::actions)
        .filteredOn(a -> DESTRUCTIVE.matcher(a.substring(a.indexOf(':') + 1)).find())
        .containsExactlyInAnyOrder("organizations:UntagResource", "iam:DeleteAccountAlias");
  }

  /** SDK methods that close, delete or detach, should one be called outside the caller. */
  private static final Pattern DESTRUCTIVE_SDK_CALL = Pattern.compile("\\.(closeAccount"
      + "|removeAccountFromOrganization|deleteOrganizationalUnit|deleteOrganization"
      + "|leaveOrganization|detachPolicy|deletePolicy|disablePolicyType|disableAWSServiceAccess"
      + "|deregisterDelegatedAdministrator|deleteResourcePolicy|deleteTopic|unsubscribe"
      + "|deleteAlarms|deleteAlternateContact|deleteAccountPasswordPolicy|deleteRole"
      + "|deleteRolePolicy|detachRolePolicy)\\(");

  @Test
  void engineSources_callNoSdkMethodThatClosesDeletesOrDetaches() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = DESTRUCTIVE_SDK_CALL.matcher(Files.readString(file));
        while (m.find()) {
          found.add(file.getFileName() + ": " + m.group(1));
        }
      }
    }

    assertThat(found).isEmpty();
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
