package dev.orgvend.sandbox;

/**
 * {@link Sandbox#seed} refused to add something, with the AWS error code the matching API call
 * would have answered (e.g. {@code DuplicateOrganizationalUnitException}).
 */
public final class SeedException extends RuntimeException {
  private final String code;

  SeedException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The AWS error code, e.g. {@code ParentNotFoundException}. */
  public String code() {
    return code;
  }
}
