package dev.orgvend.core.apply;

/** A step of an account's change failed; its message says what to do next. */
final class StepFailed extends RuntimeException {
  private final String accountId;

  /** @param accountId the account concerned, or null before it exists */
  StepFailed(String message, String accountId) {
    super(message, null, false, false);
    this.accountId = accountId;
  }

  String accountId() {
    return accountId;
  }
}
