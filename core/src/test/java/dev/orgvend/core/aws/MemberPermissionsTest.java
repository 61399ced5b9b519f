package dev.orgvend.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemberPermissionsTest {
  @Test
  void memberActions_whenReadOnly_areOnlyReads() {
    assertThat(Permissions.memberActions(true)).containsExactly(
        "account:GetAlternateContact", "cloudwatch:DescribeAlarms",
        "iam:GetAccountPasswordPolicy", "iam:ListAccountAliases", "sns:GetTopicAttributes",
        "sns:ListSubscriptionsByTopic");
    assertThat(Permissions.memberActions(false)).contains("sns:CreateTopic",
        "cloudwatch:PutMetricAlarm", "account:PutAlternateContact", "iam:CreateAccountAlias",
        "iam:DeleteAccountAlias", "iam:UpdateAccountPasswordPolicy");
  }

  @Test
  void operatorPolicy_neverGrantsMemberActions() {
    String policy = Permissions.policy(List.of("OrganizationAccountAccessRole"), false);

    assertThat(policy).doesNotContain("sns:", "cloudwatch:", "account:", "iam:ListAccountAliases");
  }

  @Test
  void readOnlyPolicy_withBaselineRoles_mayAssumeThemButChangeNothing() {
    String policy = Permissions.policy(List.of("Auditor"), true);

    assertThat(policy).contains("\"sts:AssumeRole\"", "arn:aws:iam::*:role/Auditor")
        .doesNotContain("organizations:CreateAccount", "organizations:TagResource");
  }

  @Test
  void memberPolicy_listsTheComponentsActions() {
    assertThat(Permissions.memberPolicy(true)).contains("\"Sid\" : \"OrgvendReadBaselines\"",
        "\"sns:GetTopicAttributes\"").doesNotContain("sns:CreateTopic");
  }
}
