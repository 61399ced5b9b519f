package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;

/** The IAM account password policy, per account, through the real SDK. */
class IamPasswordPolicyIT {
  static SandboxFixture fx;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  /** A new member account and an IAM client acting in it. */
  private static Member member(String name) {
    BaselineClients.Member member = BaselineClients.createMember(fx, name);
    return new Member(member.accountId(), BaselineClients.iam(fx, member.credentials()));
  }

  private record Member(String accountId, IamClient iam) implements AutoCloseable {
    @Override
    public void close() {
      iam.close();
    }
  }

  @Test
  void updateAccountPasswordPolicy_withEveryMember_isReturnedByGet() {
    try (Member m = member("policy-full")) {
      m.iam().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).requireSymbols(true)
          .requireNumbers(true).requireUppercaseCharacters(true).requireLowercaseCharacters(true)
          .allowUsersToChangePassword(true).maxPasswordAge(90).passwordReusePrevention(24)
          .hardExpiry(true));

      PasswordPolicy policy = m.iam().getAccountPasswordPolicy().passwordPolicy();

      assertThat(policy).isEqualTo(PasswordPolicy.builder().minimumPasswordLength(14)
          .requireSymbols(true).requireNumbers(true).requireUppercaseCharacters(true)
          .requireLowercaseCharacters(true).allowUsersToChangePassword(true)
          .expirePasswords(true).maxPasswordAge(90).passwordReusePrevention(24).hardExpiry(true)
          .build());
    }
  }

  @Test
  void updateAccountPasswordPolicy_withNoMembers_appliesDefaults() {
    try (Member m = member("policy-defaults")) {
      m.iam().updateAccountPasswordPolicy(r -> { });

      PasswordPolicy policy = m.iam().getAccountPasswordPolicy().passwordPolicy();

      assertThat(policy).isEqualTo(PasswordPolicy.builder().minimumPasswordLength(8)
          .requireSymbols(false).requireNumbers(false).requireUppercaseCharacters(false)
          .requireLowercaseCharacters(false).allowUsersToChangePassword(false)
          .expirePasswords(false).hardExpiry(false).build());
    }
  }

  @Test
  void updateAccountPasswordPolicy_again_resetsMembersLeftOut() {
    try (Member m = member("policy-replace")) {
      m.iam().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(20).requireSymbols(true)
          .maxPasswordAge(30).passwordReusePrevention(5));

      m.iam().updateAccountPasswordPolicy(r -> r.requireNumbers(true));

      PasswordPolicy policy = m.iam().getAccountPasswordPolicy().passwordPolicy();
      assertThat(policy.minimumPasswordLength()).isEqualTo(8);
      assertThat(policy.requireSymbols()).isFalse();
      assertThat(policy.requireNumbers()).isTrue();
      assertThat(policy.expirePasswords()).isFalse();
      assertThat(policy.maxPasswordAge()).isNull();
      assertThat(policy.passwordReusePrevention()).isNull();
    }
  }

  @Test
  void getAccountPasswordPolicy_whenNoneSet_throwsNoSuchEntity() {
    try (Member m = member("policy-unset")) {
      NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
          () -> m.iam().getAccountPasswordPolicy());

      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
          "The Password Policy with domain name " + m.accountId() + " cannot be found.");
    }
  }

  @Test
  void deleteAccountPasswordPolicy_thenGet_throwsNoSuchEntity() {
    try (Member m = member("policy-delete")) {
      m.iam().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(12));

      m.iam().deleteAccountPasswordPolicy();

      assertThat(catchThrowableOfType(NoSuchEntityException.class,
          () -> m.iam().getAccountPasswordPolicy())).isNotNull();
    }
  }

  @Test
  void deleteAccountPasswordPolicy_whenNoneSet_throwsNoSuchEntity() {
    try (Member m = member("policy-delete-unset")) {
      NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
          () -> m.iam().deleteAccountPasswordPolicy());

      assertThat(e.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void updateAccountPasswordPolicy_byMember_leavesManagementUntouched() {
    try (IamClient management = BaselineClients.iam(fx, fx.managementProvider());
        Member m = member("policy-drift")) {
      management.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(16));

      m.iam().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(6));

      assertThat(management.getAccountPasswordPolicy().passwordPolicy().minimumPasswordLength())
          .isEqualTo(16);
      assertThat(m.iam().getAccountPasswordPolicy().passwordPolicy().minimumPasswordLength())
          .isEqualTo(6);
    }
  }

  @Test
  void updateAccountPasswordPolicy_withLengthBelowSix_throwsValidationError() {
    try (IamClient iam = BaselineClients.iam(fx, fx.managementProvider())) {
      IamException e = catchThrowableOfType(IamException.class,
          () -> iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(5)));

      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected:"
          + " Value '5' at 'minimumPasswordLength' failed to satisfy constraint: Member must have"
          + " value greater than or equal to 6");
    }
  }

  @Test
  void updateAccountPasswordPolicy_withOutOfRangeAgeOrReuse_throwsValidationError() {
    try (IamClient iam = BaselineClients.iam(fx, fx.managementProvider())) {
      IamException age = catchThrowableOfType(IamException.class,
          () -> iam.updateAccountPasswordPolicy(r -> r.maxPasswordAge(1096)));
      IamException reuse = catchThrowableOfType(IamException.class,
          () -> iam.updateAccountPasswordPolicy(r -> r.passwordReusePrevention(25)));

      assertThat(age.awsErrorDetails().errorMessage())
          .contains("'maxPasswordAge'").endsWith("less than or equal to 1095");
      assertThat(reuse.awsErrorDetails().errorMessage())
          .contains("'passwordReusePrevention'").endsWith("less than or equal to 24");
    }
  }
}
