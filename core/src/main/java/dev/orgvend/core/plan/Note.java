package dev.orgvend.core.plan;

/**
 * Something a plan reports without changing it.
 *
 * @param kind what sort of note
 * @param subject the account or OU it is about
 * @param message a sentence for people
 */
public record Note(Kind kind, String subject, String message) {
  public enum Kind {
    /** In AWS, not in the spec: left alone (orgvend never closes accounts by default). */
    UNMANAGED_ACCOUNT,
    /** An OU in AWS that the spec does not list: left alone. */
    UNMANAGED_OU,
    /** The account's name in AWS differs from the spec; orgvend does not rename accounts. */
    NAME_DIFFERS,
    /** The spec's account cannot be reached: its address belongs to a closed account. */
    BLOCKED,
    /** The account's baseline could not be read (role missing, access denied, errors). */
    BASELINE_UNREADABLE,
    /**
     * The plan would break one of the organization's quotas ({@link Quotas}): apply refuses it
     * whole, before any write.
     */
    QUOTA;

    public boolean isError() {
      return this == BLOCKED || this == QUOTA;
    }
  }
}
