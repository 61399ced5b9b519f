package dev.orgvend.sandbox.auth;

import dev.orgvend.sandbox.protocol.AwsException;

/**
 * Why a request failed authentication, with the code each protocol family uses for it. JSON
 * services and Query services spell the same failure differently.
 */
public enum AuthError {
  MISSING(
      "MissingAuthenticationTokenException", 403,
      "MissingAuthenticationToken", 403,
      "Request is missing Authentication Token"),
  INCOMPLETE(
      "IncompleteSignatureException", 400,
      "IncompleteSignature", 400,
      "The request signature does not conform to AWS standards."),
  UNKNOWN_KEY(
      "UnrecognizedClientException", 400,
      "InvalidClientTokenId", 403,
      "The security token included in the request is invalid."),
  BAD_SIGNATURE(
      "InvalidSignatureException", 400,
      "SignatureDoesNotMatch", 403,
      "The request signature we calculated does not match the signature you provided. Check your"
          + " AWS Secret Access Key and signing method. Consult the service documentation for"
          + " details."),
  SIGNATURE_EXPIRED(
      "InvalidSignatureException", 400,
      "SignatureDoesNotMatch", 403,
      "Signature expired: the request time is more than 15 minutes away from the server time."),
  EXPIRED_TOKEN(
      "ExpiredTokenException", 400,
      "ExpiredToken", 403,
      "The security token included in the request is expired");

  private final String jsonCode;
  private final int jsonStatus;
  private final String queryCode;
  private final int queryStatus;
  private final String message;

  AuthError(String jsonCode, int jsonStatus, String queryCode, int queryStatus, String message) {
    this.jsonCode = jsonCode;
    this.jsonStatus = jsonStatus;
    this.queryCode = queryCode;
    this.queryStatus = queryStatus;
    this.message = message;
  }

  public AwsException forJson() {
    return AwsException.of(jsonCode, jsonStatus, message);
  }

  public AwsException forQuery() {
    return AwsException.of(queryCode, queryStatus, message);
  }

  /** Thrown inside the auth package; the front renders it for the request's protocol. */
  public static final class Failure extends RuntimeException {
    private final AuthError error;
    private final String detail;

    public Failure(AuthError error, String detail) {
      super(error.name() + (detail == null ? "" : ": " + detail), null, false, false);
      this.error = error;
      this.detail = detail;
    }

    public AuthError error() {
      return error;
    }

    public String detail() {
      return detail;
    }
  }
}
