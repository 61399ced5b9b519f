package dev.orgvend.sandbox.auth;

/**
 * Why a request failed authentication. Only the reason is known here: each protocol spells the
 * same failure with its own code and status, so the front turns a reason into the error of the
 * request's protocol (see {@code protocol.WireErrors}).
 */
public final class AuthFailure extends RuntimeException {

  /** The kinds of authentication failure AWS tells apart. */
  public enum Reason {
    /** No signature at all. */
    MISSING,
    /** A signature that is not well formed. */
    INCOMPLETE,
    /** An access key (or session token) the sandbox never issued. */
    UNKNOWN_KEY,
    /** A signature that does not verify. */
    BAD_SIGNATURE,
    /** Signed more than 15 minutes away from the server's time. */
    SIGNATURE_EXPIRED,
    /** Session credentials past their expiry. */
    EXPIRED_TOKEN
  }

  private final Reason reason;

  public AuthFailure(Reason reason, String detail) {
    super(reason.name() + (detail == null ? "" : ": " + detail), null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
