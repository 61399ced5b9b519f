package dev.orgvend.sandbox.it;

import static dev.orgvend.sandbox.it.OrgSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.orgvend.sandbox.SandboxSettings.OrgLimits;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountAlreadyClosedException;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** CloseAccount: the closure lifecycle, its quotas, and what a closed account can still do. */
class CloseAccountIT {
  static SandboxFixture fx;
  static OrganizationsClient orgs;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    orgs = fx.organizations();
  }

  @AfterAll
  static void stop() {
    orgs.close();
    fx.close();
  }

  /**
   * Closure quotas count across the whole organization, so every test starts from scratch. A reset
   * keeps the management keys but founds a new management account, so read its id afresh.
   */
  @BeforeEach
  void freshOrganization() {
    fx.sandbox.reset();
    fx.sandbox.updateSettings(s -> s.withOrgLimits(OrgLimits.aws()));
  }

  private static Account describe(String id) {
    return orgs.describeAccount(r -> r.accountId(id)).account();
  }

  private static void close(String id) {
    orgs.closeAccount(r -> r.accountId(id));
  }

  private static void settle() {
    fx.sandbox.advanceClock(Duration.ofSeconds(1));
  }

  @Test
  void closeAccount_member_isPendingClosureThenClosed() {
    String id = OrgSupport.newAccount(fx, orgs, "closing");

    close(id);
    Account pending = describe(id);
    assertThat(pending.state()).isEqualTo(AccountState.PENDING_CLOSURE);
    assertThat(pending.status()).isEqualTo(AccountStatus.PENDING_CLOSURE);

    settle();
    Account closed = describe(id);
    assertThat(closed.state()).isEqualTo(AccountState.CLOSED);
    assertThat(closed.status()).isEqualTo(AccountStatus.SUSPENDED);
    assertThat(orgs.listAccounts().accounts()).extracting(Account::id).contains(id);
  }

  @Test
  void closeAccount_pendingOrClosed_throwsAccountAlreadyClosed() {
    String id = OrgSupport.newAccount(fx, orgs, "twice");
    close(id);

    assertThatExceptionOfType(AccountAlreadyClosedException.class).isThrownBy(() -> close(id));
    settle();
    assertThatExceptionOfType(AccountAlreadyClosedException.class).isThrownBy(() -> close(id));
  }

  @Test
  void closeAccount_managementAccount_throwsCannotCloseManagementAccount() {
    assertThatExceptionOfType(ConstraintViolationException.class)
        .isThrownBy(() -> close(fx.sandbox.managementCredentials().accountId()))
        .satisfies(e -> assertThat(e.reasonAsString())
            .isEqualTo("CANNOT_CLOSE_MANAGEMENT_ACCOUNT"));
  }

  @Test
  void closeAccount_unknownAccount_throwsAccountNotFound() {
    assertThatExceptionOfType(AccountNotFoundException.class)
        .isThrownBy(() -> close("123456789012"))
        .withMessageContaining("123456789012");
  }

  @Test
  void closeAccount_fourthWhileThreePending_throwsCloseAccountRequestsLimitExceeded() {
    String a = OrgSupport.newAccount(fx, orgs, "c1");
    String b = OrgSupport.newAccount(fx, orgs, "c2");
    String c = OrgSupport.newAccount(fx, orgs, "c3");
    String d = OrgSupport.newAccount(fx, orgs, "c4");
    close(a);
    close(b);
    close(c);

    assertThatExceptionOfType(ConstraintViolationException.class)
        .isThrownBy(() -> close(d))
        .satisfies(e -> assertThat(e.reasonAsString())
            .isEqualTo("CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED"));
    settle();
    close(d);
    assertThat(describe(d).state()).isEqualTo(AccountState.PENDING_CLOSURE);
  }

  @Test
  void closeAccount_beyondThirtyDayQuota_throwsCloseAccountQuotaExceededUntilWindowPasses() {
    fx.sandbox.updateSettings(s -> s.withOrgLimits(new OrgLimits(2000, 10_000, 10_240, 10, 3, 2)));
    String a = OrgSupport.newAccount(fx, orgs, "q1");
    String b = OrgSupport.newAccount(fx, orgs, "q2");
    String c = OrgSupport.newAccount(fx, orgs, "q3");
    close(a);
    close(b);
    settle();

    assertThatExceptionOfType(ConstraintViolationException.class)
        .isThrownBy(() -> close(c))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("CLOSE_ACCOUNT_QUOTA_EXCEEDED"));

    fx.sandbox.advanceClock(Duration.ofDays(30));
    close(c);
    assertThat(describe(c).state()).isEqualTo(AccountState.PENDING_CLOSURE);
  }

  @Test
  void createAccount_withClosedAccountsEmail_failsWithEmailAlreadyExists() {
    String name = unique("reuse");
    String email = name + "@example.com";
    CreateAccountStatus first = fx.createAccount(orgs, name, email);
    close(first.accountId());
    settle();

    CreateAccountStatus second = fx.createAccount(orgs, unique("reuse"), email);

    assertThat(second.failureReasonAsString()).isEqualTo("EMAIL_ALREADY_EXISTS");
  }

  @Test
  void assumeRole_intoClosedAccount_isDenied() {
    String id = OrgSupport.newAccount(fx, orgs, "no-entry");
    close(id);
    settle();
    String role = "arn:aws:iam::" + id + ":role/OrganizationAccountAccessRole";

    try (StsClient sts = fx.sts()) {
      assertThatExceptionOfType(StsException.class)
          .isThrownBy(() -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("closed")))
          .satisfies(e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }
  }

  @Test
  void closeAccount_calledByMember_throwsAccessDenied() {
    String member = OrgSupport.newAccount(fx, orgs, "caller");
    String victim = OrgSupport.newAccount(fx, orgs, "victim");

    try (OrganizationsClient asMember = fx.organizations(OrgSupport.memberSession(fx, member))) {
      assertThatExceptionOfType(AccessDeniedException.class)
          .isThrownBy(() -> asMember.closeAccount(r -> r.accountId(victim)));
    }
  }
}
