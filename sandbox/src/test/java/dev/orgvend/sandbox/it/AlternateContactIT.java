package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AlternateContact;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.account.model.PutAlternateContactRequest;
import software.amazon.awssdk.services.account.model.ResourceNotFoundException;
import software.amazon.awssdk.services.account.model.ValidationException;
import software.amazon.awssdk.services.account.model.ValidationExceptionField;
import software.amazon.awssdk.services.account.model.ValidationExceptionReason;

/**
 * Alternate contacts of the caller's own account (no AccountId) through the real SDK
 * (restJson1), for the management account and for a member acting with its own role.
 */
class AlternateContactIT {
  static SandboxFixture fx;
  static AccountClient management;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    management = BaselineClients.account(fx, fx.managementProvider());
  }

  @AfterAll
  static void stop() {
    management.close();
    fx.close();
  }

  static Consumer<PutAlternateContactRequest.Builder> contact(AlternateContactType type,
      String name) {
    return r -> r.alternateContactType(type).name(name).title("On call")
        .emailAddress(name.toLowerCase() + "@example.com").phoneNumber("+1 (555) 010-0100");
  }

  static AlternateContact get(AccountClient client, AlternateContactType type) {
    return client.getAlternateContact(r -> r.alternateContactType(type)).alternateContact();
  }

  @Test
  void putAlternateContact_thenGet_returnsEveryField() {
    management.putAlternateContact(contact(AlternateContactType.SECURITY, "Sec"));

    assertThat(get(management, AlternateContactType.SECURITY)).isEqualTo(AlternateContact.builder()
        .alternateContactType(AlternateContactType.SECURITY).name("Sec").title("On call")
        .emailAddress("sec@example.com").phoneNumber("+1 (555) 010-0100").build());
  }

  @Test
  void putAlternateContact_again_replacesTheContactOfThatType() {
    management.putAlternateContact(contact(AlternateContactType.OPERATIONS, "First"));

    management.putAlternateContact(r -> r.alternateContactType(AlternateContactType.OPERATIONS)
        .name("Second").title("Lead").emailAddress("second@example.com").phoneNumber("555"));

    AlternateContact contact = get(management, AlternateContactType.OPERATIONS);
    assertThat(contact.name()).isEqualTo("Second");
    assertThat(contact.title()).isEqualTo("Lead");
    assertThat(contact.emailAddress()).isEqualTo("second@example.com");
    assertThat(contact.phoneNumber()).isEqualTo("555");
  }

  @Test
  void getAlternateContact_whenNeverSet_throwsResourceNotFound() {
    BaselineClients.Member member = BaselineClients.createMember(fx, "contacts-unset");
    try (AccountClient client = BaselineClients.account(fx, member.credentials())) {
      ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
          () -> get(client, AlternateContactType.BILLING));

      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("No contact of the inputted alternate contact type found.");
    }
  }

  @Test
  void deleteAlternateContact_removesOnlyThatType() {
    BaselineClients.Member member = BaselineClients.createMember(fx, "contacts-delete");
    try (AccountClient client = BaselineClients.account(fx, member.credentials())) {
      client.putAlternateContact(contact(AlternateContactType.BILLING, "Bill"));
      client.putAlternateContact(contact(AlternateContactType.SECURITY, "Sec"));

      client.deleteAlternateContact(r -> r.alternateContactType(AlternateContactType.BILLING));

      assertThat(catchThrowableOfType(ResourceNotFoundException.class,
          () -> get(client, AlternateContactType.BILLING))).isNotNull();
      assertThat(get(client, AlternateContactType.SECURITY).name()).isEqualTo("Sec");
    }
  }

  @Test
  void deleteAlternateContact_whenNotSet_throwsResourceNotFound() {
    BaselineClients.Member member = BaselineClients.createMember(fx, "contacts-delete-unset");
    try (AccountClient client = BaselineClients.account(fx, member.credentials())) {
      ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
          () -> client.deleteAlternateContact(
              r -> r.alternateContactType(AlternateContactType.OPERATIONS)));

      assertThat(e.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void putAlternateContact_byMemberRole_changesOnlyTheMembersAccount() {
    BaselineClients.Member member = BaselineClients.createMember(fx, "contacts-drift");
    management.putAlternateContact(contact(AlternateContactType.BILLING, "Payer"));
    try (AccountClient client = BaselineClients.account(fx, member.credentials())) {
      client.putAlternateContact(contact(AlternateContactType.BILLING, "Drifted"));

      assertThat(get(client, AlternateContactType.BILLING).name()).isEqualTo("Drifted");
    }
    assertThat(get(management, AlternateContactType.BILLING).name()).isEqualTo("Payer");
  }

  @Test
  void putAlternateContact_withMalformedEmail_throwsValidationExceptionNamingTheField() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> management.putAlternateContact(contact(AlternateContactType.SECURITY, "Sec")
            .andThen(r -> r.emailAddress("not-an-address"))));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
    assertThat(e.fieldList()).extracting(ValidationExceptionField::name)
        .containsExactly("EmailAddress");
    assertThat(e.awsErrorDetails().errorMessage()).startsWith(
        "1 validation error detected: Value 'not-an-address' at 'emailAddress' failed to satisfy"
            + " constraint: Member must satisfy regular expression pattern:");
  }

  @Test
  void putAlternateContact_withLettersInPhoneNumber_throwsValidationException() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> management.putAlternateContact(contact(AlternateContactType.SECURITY, "Sec")
            .andThen(r -> r.phoneNumber("call me"))));

    assertThat(e.fieldList()).extracting(ValidationExceptionField::name)
        .containsExactly("PhoneNumber");
  }

  @Test
  void putAlternateContact_withTitleOverFiftyCharacters_throwsValidationException() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> management.putAlternateContact(contact(AlternateContactType.SECURITY, "Sec")
            .andThen(r -> r.title("t".repeat(51)))));

    assertThat(e.fieldList()).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("Title");
      assertThat(f.message()).isEqualTo("Member must have length less than or equal to 50");
    });
  }

  @Test
  void putAlternateContact_withoutName_throwsValidationException() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> management.putAlternateContact(r -> r.alternateContactType("SECURITY")
            .title("t").emailAddress("a@example.com").phoneNumber("1")));

    assertThat(e.fieldList()).extracting(ValidationExceptionField::message)
        .containsExactly("Member must not be null");
  }

  @Test
  void getAlternateContact_withUnknownType_throwsValidationException() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> management.getAlternateContact(r -> r.alternateContactType("LEGAL")));

    assertThat(e.awsErrorDetails().errorMessage()).endsWith(
        "Member must satisfy enum value set: [BILLING, OPERATIONS, SECURITY]");
  }
}
