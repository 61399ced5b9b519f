package dev.orgvend.core.baseline;

import dev.orgvend.core.spec.AwsValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.account.model.AlternateContact;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.account.model.ResourceNotFoundException;

/**
 * {@code alternateContacts}: the account's billing, operations and security contacts (Account
 * Management API). The calls act in the member account with its own session and name no
 * AccountId, so they need neither trusted access for the Account service nor a delegated
 * administrator. Contact types the spec leaves out are left alone.
 *
 * <pre>{@code
 * alternateContacts:
 *   security: {name: Security Team, title: CISO, email: security@example.com,
 *              phone: "+1 555 0100"}
 *   billing: {...}
 *   operations: {...}
 * }</pre>
 */
final class AlternateContactsComponent implements
    BaselineComponent<Map<AlternateContactType, AlternateContactsComponent.Contact>,
        Map<AlternateContactType, AlternateContactsComponent.Contact>> {
  static final String NAME = "alternateContacts";

  /** One contact as the spec wants it or AWS has it. */
  record Contact(String name, String title, String email, String phone) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<AlternateContactType, Contact> configure(ConfigReader s) {
    if (!s.mapping("billing", "operations", "security")) {
      return null;
    }
    Map<AlternateContactType, Contact> out = new LinkedHashMap<>();
    for (String key : s.keys()) {
      AlternateContactType type = type(key);
      ConfigReader c = type == null ? null : s.child(key, "name", "title", "email", "phone");
      if (c == null) {
        continue;
      }
      String name = required(c, "name", AwsValues::contactName);
      String title = required(c, "title", AwsValues::contactTitle);
      String email = required(c, "email", AwsValues::contactEmail);
      String phone = required(c, "phone", AwsValues::contactPhone);
      out.put(type, new Contact(name, title, email, phone));
    }
    if (out.isEmpty() && s.clean()) {
      s.problem("name at least one of billing, operations, security");
    }
    return s.clean() ? out : null;
  }

  private static String required(ConfigReader c, String key, Function<String, String> check) {
    if (!c.has(key)) {
      c.problem("missing required setting \"" + key + "\"");
      return null;
    }
    return c.checked(key, check);
  }

  private static AlternateContactType type(String key) {
    return switch (key) {
      case "billing" -> AlternateContactType.BILLING;
      case "operations" -> AlternateContactType.OPERATIONS;
      case "security" -> AlternateContactType.SECURITY;
      default -> null;
    };
  }

  @Override
  public Map<AlternateContactType, Contact> read(MemberAccount account,
      Map<AlternateContactType, Contact> want) {
    Map<AlternateContactType, Contact> have = new LinkedHashMap<>();
    for (AlternateContactType type : want.keySet()) {
      try {
        AlternateContact c = account.call("GetAlternateContact", () -> account.account()
            .getAlternateContact(r -> r.alternateContactType(type)
                .overrideConfiguration(account.auth()))).alternateContact();
        have.put(type, new Contact(c.name(), c.title(), c.emailAddress(), c.phoneNumber()));
      } catch (ResourceNotFoundException e) {
        have.put(type, null);
      }
    }
    return have;
  }

  @Override
  public List<Finding> diff(Map<AlternateContactType, Contact> want,
      Map<AlternateContactType, Contact> have) {
    List<Finding> out = new ArrayList<>();
    want.forEach((type, w) -> {
      String subject = label(type) + " contact";
      Contact h = have.get(type);
      if (h == null) {
        out.add(Finding.missing(NAME, subject, "the " + subject + " is not set"));
        return;
      }
      field(out, subject, "name", h.name(), w.name());
      field(out, subject, "title", h.title(), w.title());
      field(out, subject, "e-mail", h.email(), w.email());
      field(out, subject, "phone", h.phone(), w.phone());
    });
    return out;
  }

  private static void field(List<Finding> out, String subject, String field, String actual,
      String expected) {
    if (!Objects.equals(actual, expected)) {
      out.add(Finding.differs(NAME, subject, field, actual, expected));
    }
  }

  @Override
  public void apply(MemberAccount account, Map<AlternateContactType, Contact> want,
      Map<AlternateContactType, Contact> have) {
    want.forEach((type, w) -> {
      if (!w.equals(have.get(type))) {
        account.call("PutAlternateContact", () -> account.account().putAlternateContact(r -> r
            .alternateContactType(type).name(w.name()).title(w.title())
            .emailAddress(w.email()).phoneNumber(w.phone())
            .overrideConfiguration(account.auth())));
      }
    });
  }

  private static String label(AlternateContactType type) {
    return type.toString().toLowerCase(Locale.ROOT);
  }
}
