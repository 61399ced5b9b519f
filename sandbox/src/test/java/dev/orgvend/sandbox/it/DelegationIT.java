package dev.orgvend.sandbox.it;

import static dev.orgvend.sandbox.it.OrgSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountAlreadyRegisteredException;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.AccountNotRegisteredException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.DelegatedAdministrator;
import software.amazon.awssdk.services.organizations.model.DelegatedService;
import software.amazon.awssdk.services.organizations.model.EnabledServicePrincipal;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;

/** Trusted service access, delegated administrators, and who may read the organization. */
class DelegationIT {
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

  /** A service principal no other test uses, so each test owns its trusted access. */
  private static String service() {
    return unique("svc") + ".amazonaws.com";
  }

  private static List<String> enabledServices() {
    return orgs.listAWSServiceAccessForOrganizationPaginator().stream()
        .flatMap(page -> page.enabledServicePrincipals().stream())
        .map(EnabledServicePrincipal::servicePrincipal).toList();
  }

  private static void register(String account, String service) {
    orgs.registerDelegatedAdministrator(r -> r.accountId(account).servicePrincipal(service));
  }

  @Test
  void enableAwsServiceAccess_thenList_showsPrincipalWithDate() {
    String service = service();
    Instant enabledAt = fx.sandbox.now();

    orgs.enableAWSServiceAccess(r -> r.servicePrincipal(service));
    fx.sandbox.advanceClock(Duration.ofMinutes(1));
    orgs.enableAWSServiceAccess(r -> r.servicePrincipal(service));

    List<EnabledServicePrincipal> enabled = orgs.listAWSServiceAccessForOrganization()
        .enabledServicePrincipals().stream().filter(e -> e.servicePrincipal().equals(service))
        .toList();
    assertThat(enabled).as("enabled once, dated by the first call").singleElement()
        .satisfies(e -> assertThat(e.dateEnabled()).isEqualTo(enabledAt));
  }

  @Test
  void disableAwsServiceAccess_enabledPrincipal_removesIt() {
    String service = service();
    orgs.enableAWSServiceAccess(r -> r.servicePrincipal(service));

    orgs.disableAWSServiceAccess(r -> r.servicePrincipal(service));

    assertThat(enabledServices()).doesNotContain(service);
  }

  @Test
  void enableAwsServiceAccess_unknownPrincipal_throwsUnrecognizedServicePrincipal() {
    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.enableAWSServiceAccess(r -> r.servicePrincipal("config")))
        .satisfies(e -> assertThat(e.reasonAsString())
            .isEqualTo("UNRECOGNIZED_SERVICE_PRINCIPAL"));
  }

  @Test
  void registerDelegatedAdministrator_withTrustedAccess_isListedBothWays() {
    String service = service();
    String account = OrgSupport.newAccount(fx, orgs, "admin");
    orgs.enableAWSServiceAccess(r -> r.servicePrincipal(service));

    register(account, service);

    List<DelegatedAdministrator> admins = orgs.listDelegatedAdministrators(
        r -> r.servicePrincipal(service)).delegatedAdministrators();
    assertThat(admins).singleElement().satisfies(a -> {
      assertThat(a.id()).isEqualTo(account);
      assertThat(a.arn()).endsWith(":account/" + orgs.describeOrganization().organization().id()
          + "/" + account);
      assertThat(a.delegationEnabledDate()).isNotNull();
    });
    assertThat(orgs.listDelegatedAdministrators(r -> { }).delegatedAdministrators())
        .extracting(DelegatedAdministrator::id).contains(account);
    assertThat(orgs.listDelegatedServicesForAccount(r -> r.accountId(account)).delegatedServices())
        .extracting(DelegatedService::servicePrincipal).containsExactly(service);
  }

  @Test
  void registerDelegatedAdministrator_withoutTrustedAccess_throwsServiceAccessNotEnabled() {
    String account = OrgSupport.newAccount(fx, orgs, "early");
    String service = service();

    assertThatExceptionOfType(ConstraintViolationException.class)
        .isThrownBy(() -> register(account, service))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("SERVICE_ACCESS_NOT_ENABLED"));
  }

  @Test
  void registerDelegatedAdministrator_managementAccount_throwsCannotRegisterMaster() {
    String service = service();
    orgs.enableAWSServiceAccess(r -> r.servicePrincipal(service));

    assertThatExceptionOfType(ConstraintViolationException.class)
        .isThrownBy(() -> register(fx.management.accountId(), service))
        .satisfies(e -> assertThat(e.reasonAsString())
            .isEqualTo("CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR"));
  }

  @Test
  void registerDelegatedAdministrator_twice_throwsAccountAlreadyRegistered() {
    String service = service();
    String account = OrgSupport.newAccount(fx, orgs, "again");
    orgs.enableAWSServiceAccess(r -> r.servicePrincipal(service));
    register(account, service);

    assertThatExceptionOfType(AccountAlreadyRegisteredException.class)
        .isThrownBy(() -> register(account, service));
  }

  @Test
  void registerDelegatedAdministrator_unknownAccount_throwsAccountNotFound() {
    String service = service();
    orgs.enableAWSServiceAccess(r -> r.servicePrincipal(service));

    assertThatExceptionOfType(AccountNotFoundException.class)
        .isThrownBy(() -> register("123456789012", service));
  }

  @Test
  void deregisterDelegatedAdministrator_registered_removesItThenRejectsRepeat() {
    String service = service();
    String account = OrgSupport.newAccount(fx, orgs, "leaving");
    orgs.enableAWSServiceAccess(r -> r.servicePrincipal(service));
    register(account, service);

    orgs.deregisterDelegatedAdministrator(r -> r.accountId(account).servicePrincipal(service));

    assertThat(orgs.listDelegatedAdministrators(r -> r.servicePrincipal(service))
        .delegatedAdministrators()).isEmpty();
    assertThatExceptionOfType(AccountNotRegisteredException.class)
        .isThrownBy(() -> orgs.listDelegatedServicesForAccount(r -> r.accountId(account)));
    assertThatExceptionOfType(AccountNotRegisteredException.class)
        .isThrownBy(() -> orgs.deregisterDelegatedAdministrator(
            r -> r.accountId(account).servicePrincipal(service)));
  }

  @Test
  void delegatedAdministrator_mayReadButNotChangeTheOrganization() {
    String service = service();
    String admin = OrgSupport.newAccount(fx, orgs, "reader");
    orgs.enableAWSServiceAccess(r -> r.servicePrincipal(service));
    register(admin, service);
    String rootId = OrgSupport.rootId(orgs);

    try (OrganizationsClient asAdmin = fx.organizations(OrgSupport.memberSession(fx, admin))) {
      assertThat(asAdmin.listAccounts().accounts()).extracting(Account::id)
          .contains(admin, fx.management.accountId());
      assertThat(asAdmin.listRoots().roots()).hasSize(1);
      assertThatExceptionOfType(AccessDeniedException.class)
          .isThrownBy(() -> asAdmin.createOrganizationalUnit(
              r -> r.parentId(rootId).name(unique("denied"))));
      assertThatExceptionOfType(AccessDeniedException.class)
          .isThrownBy(() -> asAdmin.enableAWSServiceAccess(r -> r.servicePrincipal(service())));
    }
  }

  @Test
  void listAccounts_plainMember_throwsAccessDenied() {
    String member = OrgSupport.newAccount(fx, orgs, "plain");

    try (OrganizationsClient asMember = fx.organizations(OrgSupport.memberSession(fx, member))) {
      assertThatExceptionOfType(AccessDeniedException.class)
          .isThrownBy(asMember::listAccounts);
      assertThatExceptionOfType(AccessDeniedException.class)
          .isThrownBy(() -> asMember.listPolicies(r -> r.filter("SERVICE_CONTROL_POLICY")));
    }
  }
}
