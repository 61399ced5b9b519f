package dev.orgvend.sandbox.account;

/** One alternate contact of one account; an account has at most one of each type. */
record AlternateContact(
    String accountId,
    String type,
    String name,
    String title,
    String emailAddress,
    String phoneNumber) {

  static String key(String accountId, String type) {
    return accountId + "/" + type;
  }
}
