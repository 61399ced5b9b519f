package dev.orgvend.sandbox.it;

import static dev.orgvend.sandbox.it.AlternateContactIT.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AccessDeniedException;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.account.model.ResourceNotFoundException;
import software.amazon.awssdk.services.account.model.ValidationException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * The AccountId member of the alternate-contact operations: who may name another account, and
 * which accounts may be named.
 */
class AlternateContactAccessIT {
  static final String ACCOUNT_SERVICE = "account.amazonaws.com";
  static SandboxFixture fx;
  static OrganizationsClient orgs;
  static AccountClient management;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    orgs = fx.organizations();
    management = BaselineClients.account(fx, fx.managementProvider());
  }

  @AfterAll
  static void stop() {
    management.close();
    orgs.close();
    fx.close();
  }

  /** Most tests need trusted access; the one that does not turns it off itself. */
  @BeforeEach
  void enableTrustedAccess() {
    orgs.enableAWSServiceAccess(r -> r.servicePrincipal(ACCOUNT_SERVICE));
  }

  private static void assertAccessDenied(AccessDeniedException e) {
    assertThat(e).isNotNull();
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
  }

  @Test
  void putAlternateContact_byManagementForMember_isSeenByTheMember() {
    BaselineClients.Member member = BaselineClients.createMember(fx, "access-managed");

    management.putAlternateContact(contact(AlternateContactType.SECURITY, "Central")
        .andThen(r -> r.accountId(member.accountId())));

    try (AccountClient own = BaselineClients.account(fx, member.credentials())) {
      assertThat(AlternateContactIT.get(own, AlternateContactType.SECURITY).name())
          .isEqualTo("Central");
    }
    assertThat(management.getAlternateContact(r -> r.accountId(member.accountId())
        .alternateContactType(AlternateContactType.SECURITY)).alternateContact().name())
        .isEqualTo("Central");
  }

  @Test
  void deleteAlternateContact_byManagementForMember_removesTheMembersContact() {
    BaselineClients.Member member = BaselineClients.createMember(fx, "access-delete");
    try (AccountClient own = BaselineClients.account(fx, member.credentials())) {
      own.putAlternateContact(contact(AlternateContactType.OPERATIONS, "Ops"));

      management.deleteAlternateContact(r -> r.accountId(member.accountId())
          .alternateContactType(AlternateContactType.OPERATIONS));

      assertThat(catchThrowableOfType(ResourceNotFoundException.class,
          () -> AlternateContactIT.get(own, AlternateContactType.OPERATIONS))).isNotNull();
    }
  }

  @Test
  void getAlternateContact_whenTrustedAccessDisabled_throwsAccessDenied() {
    BaselineClients.Member member = BaselineClients.createMember(fx, "access-untrusted");
    orgs.disableAWSServiceAccess(r -> r.servicePrincipal(ACCOUNT_SERVICE));

    AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
        () -> management.getAlternateContact(r -> r.accountId(member.accountId())
            .alternateContactType(AlternateContactType.BILLING)));

    assertAccessDenied(e);
    assertThat(e.awsErrorDetails().errorMessage()).contains("EnableAWSServiceAccess");
  }

  @Test
  void putAlternateContact_byManagementNamingItself_throwsAccessDenied() {
    AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
        () -> management.putAlternateContact(contact(AlternateContactType.BILLING, "Self")
            .andThen(r -> r.accountId(fx.management.accountId()))));

    assertAccessDenied(e);
  }

  @Test
  void putAlternateContact_byMemberForAnotherMember_throwsAccessDenied() {
    BaselineClients.Member actor = BaselineClients.createMember(fx, "access-actor");
    BaselineClients.Member victim = BaselineClients.createMember(fx, "access-victim");
    try (AccountClient client = BaselineClients.account(fx, actor.credentials())) {
      AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
          () -> client.putAlternateContact(contact(AlternateContactType.BILLING, "Nope")
              .andThen(r -> r.accountId(victim.accountId()))));

      assertAccessDenied(e);
    }
  }

  @Test
  void putAlternateContact_byMemberNamingItself_throwsAccessDenied() {
    BaselineClients.Member member = BaselineClients.createMember(fx, "access-self");
    try (AccountClient client = BaselineClients.account(fx, member.credentials())) {
      AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
          () -> client.putAlternateContact(contact(AlternateContactType.BILLING, "Me")
              .andThen(r -> r.accountId(member.accountId()))));

      assertAccessDenied(e);
    }
  }

  @Test
  void getAlternateContact_forAccountOutsideTheOrganization_throwsAccessDenied() {
    AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
        () -> management.getAlternateContact(r -> r.accountId("999999999999")
            .alternateContactType(AlternateContactType.BILLING)));

    assertAccessDenied(e);
    assertThat(e.awsErrorDetails().errorMessage()).contains("999999999999");
  }

  @Test
  void putAlternateContact_byDelegatedAdministrator_actsOnAnotherMember() {
    BaselineClients.Member admin = BaselineClients.createMember(fx, "access-admin");
    BaselineClients.Member target = BaselineClients.createMember(fx, "access-target");
    orgs.registerDelegatedAdministrator(r -> r.accountId(admin.accountId())
        .servicePrincipal(ACCOUNT_SERVICE));
    try (AccountClient client = BaselineClients.account(fx, admin.credentials())) {
      client.putAlternateContact(contact(AlternateContactType.OPERATIONS, "Delegated")
          .andThen(r -> r.accountId(target.accountId())));
    }

    assertThat(management.getAlternateContact(r -> r.accountId(target.accountId())
        .alternateContactType(AlternateContactType.OPERATIONS)).alternateContact().name())
        .isEqualTo("Delegated");
  }

  @Test
  void putAlternateContact_byDelegatedAdministratorForManagement_throwsAccessDenied() {
    BaselineClients.Member admin = BaselineClients.createMember(fx, "access-admin-mgmt");
    orgs.registerDelegatedAdministrator(r -> r.accountId(admin.accountId())
        .servicePrincipal(ACCOUNT_SERVICE));
    try (AccountClient client = BaselineClients.account(fx, admin.credentials())) {
      AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
          () -> client.putAlternateContact(contact(AlternateContactType.OPERATIONS, "Up")
              .andThen(r -> r.accountId(fx.management.accountId()))));

      assertAccessDenied(e);
    }
  }

  @Test
  void getAlternateContact_withMalformedAccountId_throwsValidationException() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> management.getAlternateContact(r -> r.accountId("12345")
            .alternateContactType(AlternateContactType.BILLING)));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.fieldList()).singleElement().satisfies(f ->
        assertThat(f.name()).isEqualTo("AccountId"));
  }
}
