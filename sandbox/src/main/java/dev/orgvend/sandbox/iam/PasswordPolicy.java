package dev.orgvend.sandbox.iam;

/**
 * An account's IAM password policy. {@code maxPasswordAge} and {@code passwordReusePrevention}
 * are null when the policy leaves them unset (passwords never expire; reuse is not checked).
 */
record PasswordPolicy(
    String accountId,
    int minimumPasswordLength,
    boolean requireSymbols,
    boolean requireNumbers,
    boolean requireUppercaseCharacters,
    boolean requireLowercaseCharacters,
    boolean allowUsersToChangePassword,
    Integer maxPasswordAge,
    Integer passwordReusePrevention,
    boolean hardExpiry) {

  boolean expirePasswords() {
    return maxPasswordAge != null;
  }
}
