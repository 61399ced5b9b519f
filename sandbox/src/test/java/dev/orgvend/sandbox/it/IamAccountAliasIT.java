package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** IAM account aliases: one per account, unique across all accounts, set by any account. */
class IamAccountAliasIT {
  static SandboxFixture fx;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  /** An IAM client acting in a new member account, through its OrganizationAccountAccessRole. */
  private static IamClient memberIam(String name) {
    return BaselineClients.iam(fx, BaselineClients.createMember(fx, name).credentials());
  }

  @Test
  void createAccountAlias_thenList_showsTheAlias() {
    try (IamClient iam = memberIam("alias-create")) {
      iam.createAccountAlias(r -> r.accountAlias("team-a-prod"));

      ListAccountAliasesResponse list = iam.listAccountAliases();

      assertThat(list.accountAliases()).containsExactly("team-a-prod");
      assertThat(list.isTruncated()).isFalse();
    }
  }

  @Test
  void listAccountAliases_whenNoneSet_isEmpty() {
    try (IamClient iam = memberIam("alias-none")) {
      ListAccountAliasesResponse list = iam.listAccountAliases();

      assertThat(list.accountAliases()).isEmpty();
      assertThat(list.isTruncated()).isFalse();
    }
  }

  @Test
  void createAccountAlias_whenAccountHasAnother_replacesIt() {
    try (IamClient iam = memberIam("alias-replace")) {
      iam.createAccountAlias(r -> r.accountAlias("old-name"));

      iam.createAccountAlias(r -> r.accountAlias("new-name"));

      assertThat(iam.listAccountAliases().accountAliases()).containsExactly("new-name");
    }
  }

  @Test
  void createAccountAlias_sameAliasTwice_succeeds() {
    try (IamClient iam = memberIam("alias-repeat")) {
      iam.createAccountAlias(r -> r.accountAlias("repeated-alias"));

      iam.createAccountAlias(r -> r.accountAlias("repeated-alias"));

      assertThat(iam.listAccountAliases().accountAliases()).containsExactly("repeated-alias");
    }
  }

  @Test
  void createAccountAlias_heldByAnotherAccount_throwsEntityAlreadyExists() {
    try (IamClient first = memberIam("alias-owner"); IamClient second = memberIam("alias-rival")) {
      first.createAccountAlias(r -> r.accountAlias("contested"));

      EntityAlreadyExistsException e = catchThrowableOfType(EntityAlreadyExistsException.class,
          () -> second.createAccountAlias(r -> r.accountAlias("contested")));

      assertThat(e.statusCode()).isEqualTo(409);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("The account alias contested already exists.");
      assertThat(second.listAccountAliases().accountAliases()).isEmpty();
      assertThat(first.listAccountAliases().accountAliases()).containsExactly("contested");
    }
  }

  @Test
  void deleteAccountAlias_freesTheAliasForOtherAccounts() {
    try (IamClient first = memberIam("alias-release");
        IamClient second = memberIam("alias-taker")) {
      first.createAccountAlias(r -> r.accountAlias("passed-on"));

      first.deleteAccountAlias(r -> r.accountAlias("passed-on"));
      second.createAccountAlias(r -> r.accountAlias("passed-on"));

      assertThat(first.listAccountAliases().accountAliases()).isEmpty();
      assertThat(second.listAccountAliases().accountAliases()).containsExactly("passed-on");
    }
  }

  @Test
  void deleteAccountAlias_notTheAccountsAlias_throwsNoSuchEntity() {
    try (IamClient iam = memberIam("alias-delete-other")) {
      iam.createAccountAlias(r -> r.accountAlias("kept-alias"));

      NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
          () -> iam.deleteAccountAlias(r -> r.accountAlias("other-alias")));

      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("The account alias other-alias cannot be found.");
      assertThat(iam.listAccountAliases().accountAliases()).containsExactly("kept-alias");
    }
  }

  @Test
  void createAccountAlias_byManagement_isIndependentOfMembers() {
    try (IamClient management = BaselineClients.iam(fx, fx.managementProvider());
        IamClient member = memberIam("alias-independent")) {
      management.createAccountAlias(r -> r.accountAlias("payer-account"));

      assertThat(management.listAccountAliases().accountAliases())
          .containsExactly("payer-account");
      assertThat(member.listAccountAliases().accountAliases()).isEmpty();
    }
  }

  @Test
  void createAccountAlias_withDoubleDash_throwsValidationError() {
    try (IamClient iam = BaselineClients.iam(fx, fx.managementProvider())) {
      IamException e = catchThrowableOfType(IamException.class,
          () -> iam.createAccountAlias(r -> r.accountAlias("double--dash")));

      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected:"
          + " Value 'double--dash' at 'accountAlias' failed to satisfy constraint: Member must"
          + " satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");
    }
  }

  @Test
  void createAccountAlias_withUpperCaseOrEdgeDash_throwsValidationError() {
    try (IamClient iam = BaselineClients.iam(fx, fx.managementProvider())) {
      for (String bad : new String[] {"Upper", "-leading", "trailing-", "ab"}) {
        IamException e = catchThrowableOfType(IamException.class,
            () -> iam.createAccountAlias(r -> r.accountAlias(bad)));

        assertThat(e).as(bad).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as(bad).isEqualTo("ValidationError");
      }
    }
  }
}
