package dev.orgvend.core.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;

/**
 * {@code passwordPolicy}: the account's IAM password policy. UpdateAccountPasswordPolicy replaces
 * the whole policy, so the spec describes all of it: a setting left out takes the value the API
 * gives it when omitted (length 6, no requirements, no expiry, no reuse prevention). orgvend
 * always sends every value explicitly, so the result never depends on those defaults.
 *
 * <pre>{@code
 * passwordPolicy:
 *   minimumPasswordLength: 14
 *   requireSymbols: true
 *   requireNumbers: true
 *   requireUppercaseCharacters: true
 *   requireLowercaseCharacters: true
 *   allowUsersToChangePassword: true
 *   maxPasswordAge: 90               # days; leave out for passwords that never expire
 *   passwordReusePrevention: 24      # leave out to allow reuse
 *   hardExpiry: false
 * }</pre>
 */
final class PasswordPolicyComponent
    implements BaselineComponent<PasswordPolicyComponent.Policy, PasswordPolicyComponent.Policy> {
  static final String NAME = "passwordPolicy";

  /** A whole policy; {@code maxPasswordAge} and {@code passwordReusePrevention} may be null. */
  record Policy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
      boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
      boolean allowUsersToChangePassword, Integer maxPasswordAge,
      Integer passwordReusePrevention, boolean hardExpiry) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Policy configure(ConfigReader s) {
    if (!s.mapping("minimumPasswordLength", "requireSymbols", "requireNumbers",
        "requireUppercaseCharacters", "requireLowercaseCharacters", "allowUsersToChangePassword",
        "maxPasswordAge", "passwordReusePrevention", "hardExpiry")) {
      return null;
    }
    // Ranges from the IAM API reference for UpdateAccountPasswordPolicy.
    Integer length = s.integer("minimumPasswordLength", 6, 128);
    Boolean symbols = s.bool("requireSymbols");
    Boolean numbers = s.bool("requireNumbers");
    Boolean upper = s.bool("requireUppercaseCharacters");
    Boolean lower = s.bool("requireLowercaseCharacters");
    Boolean change = s.bool("allowUsersToChangePassword");
    Integer age = s.integer("maxPasswordAge", 1, 1095);
    Integer reuse = s.integer("passwordReusePrevention", 1, 24);
    Boolean hard = s.bool("hardExpiry");
    if (!s.clean()) {
      return null;
    }
    return new Policy(ConfigReader.orElse(length, 6), isTrue(symbols), isTrue(numbers),
        isTrue(upper), isTrue(lower), isTrue(change), age, reuse, isTrue(hard));
  }

  @Override
  public Policy read(MemberAccount account, Policy want) {
    try {
      PasswordPolicy p = account.call("GetAccountPasswordPolicy", () -> account.iam()
          .getAccountPasswordPolicy(r -> r.overrideConfiguration(account.auth())))
          .passwordPolicy();
      boolean expires = isTrue(p.expirePasswords()) || (p.maxPasswordAge() != null
          && p.maxPasswordAge() > 0);
      return new Policy(p.minimumPasswordLength() == null ? 6 : p.minimumPasswordLength(),
          isTrue(p.requireSymbols()), isTrue(p.requireNumbers()),
          isTrue(p.requireUppercaseCharacters()), isTrue(p.requireLowercaseCharacters()),
          isTrue(p.allowUsersToChangePassword()), expires ? p.maxPasswordAge() : null,
          p.passwordReusePrevention(), isTrue(p.hardExpiry()));
    } catch (NoSuchEntityException e) {
      return null; // the account has no password policy
    }
  }

  @Override
  public List<Finding> diff(Policy want, Policy have) {
    if (have == null) {
      return List.of(Finding.missing(NAME, "password policy", "the account has no IAM password"
          + " policy"));
    }
    List<Finding> out = new ArrayList<>();
    String s = "password policy";
    field(out, s, "minimumPasswordLength", have.minimumPasswordLength(),
        want.minimumPasswordLength());
    field(out, s, "requireSymbols", have.requireSymbols(), want.requireSymbols());
    field(out, s, "requireNumbers", have.requireNumbers(), want.requireNumbers());
    field(out, s, "requireUppercaseCharacters", have.requireUppercaseCharacters(),
        want.requireUppercaseCharacters());
    field(out, s, "requireLowercaseCharacters", have.requireLowercaseCharacters(),
        want.requireLowercaseCharacters());
    field(out, s, "allowUsersToChangePassword", have.allowUsersToChangePassword(),
        want.allowUsersToChangePassword());
    field(out, s, "maxPasswordAge", have.maxPasswordAge(), want.maxPasswordAge());
    field(out, s, "passwordReusePrevention", have.passwordReusePrevention(),
        want.passwordReusePrevention());
    field(out, s, "hardExpiry", have.hardExpiry(), want.hardExpiry());
    return out;
  }

  private static void field(List<Finding> out, String subject, String field, Object actual,
      Object expected) {
    if (!Objects.equals(actual, expected)) {
      out.add(Finding.differs(NAME, subject, field, actual, expected));
    }
  }

  @Override
  public void apply(MemberAccount account, Policy want, Policy have) {
    if (want.equals(have)) {
      return;
    }
    account.call("UpdateAccountPasswordPolicy", () -> account.iam().updateAccountPasswordPolicy(
        r -> r.minimumPasswordLength(want.minimumPasswordLength())
            .requireSymbols(want.requireSymbols())
            .requireNumbers(want.requireNumbers())
            .requireUppercaseCharacters(want.requireUppercaseCharacters())
            .requireLowercaseCharacters(want.requireLowercaseCharacters())
            .allowUsersToChangePassword(want.allowUsersToChangePassword())
            .maxPasswordAge(want.maxPasswordAge())
            .passwordReusePrevention(want.passwordReusePrevention())
            .hardExpiry(want.hardExpiry())
            .overrideConfiguration(account.auth())));
  }

  private static boolean isTrue(Boolean b) {
    return b != null && b;
  }
}
