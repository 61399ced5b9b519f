package dev.orgvend.sandbox.protocol;

import dev.orgvend.sandbox.auth.AuthFailure;

/**
 * The catalogue of errors the sandbox answers before any service's operation runs: a request it
 * cannot read, route or authenticate, and a failure of its own. Like the services' catalogues,
 * every code is spelled here once; the router, the authenticator's caller and the HTTP edge take
 * their errors from here, and one renderer per protocol turns them into bytes.
 */
public final class WireErrors {
  private WireErrors() {}

  // Reading the request

  public static AwsException bodyTooLarge(int maxBodyBytes) {
    return AwsException.of("RequestEntityTooLargeException", 413,
        "Request body is larger than " + maxBodyBytes + " bytes.");
  }

  public static AwsException incompleteBody() {
    return AwsException.of("IncompleteBody", 400,
        "The request body ended before the length its headers announced.");
  }

  // Routing: which operation a request names

  /** Nothing in the request names an operation: no target, no Action, no known REST path. */
  public static AwsException noOperationNamed() {
    return AwsException.of("UnknownOperationException", 404,
        "The request names no AWS operation: send X-Amz-Target, an Action form body or the path"
            + " of a REST operation.");
  }

  public static AwsException jsonWithoutTarget() {
    return AwsException.of("UnknownOperationException", 400,
        "The request has a JSON protocol body but no X-Amz-Target header naming the operation.");
  }

  public static AwsException unknownTarget(String target) {
    return AwsException.of("UnknownOperationException", 400,
        "No service is known for X-Amz-Target " + target);
  }

  /** A JSON or REST request for an operation its service does not have. */
  public static AwsException unknownOperation(String operation) {
    return AwsException.of("UnknownOperationException", 400, "Unknown operation " + operation);
  }

  /** A Query request for an action (or a version) no service has. */
  public static AwsException invalidAction(String action, String version) {
    return AwsException.of("InvalidAction", 400,
        "Could not find operation " + action + " for version " + version);
  }

  public static AwsException missingAction() {
    return AwsException.of("MissingAction", 400, "Missing Action");
  }

  public static AwsException malformedQueryString(String message) {
    return AwsException.of("MalformedQueryString", 400, message);
  }

  public static AwsException unsupportedMediaType(String expected) {
    return AwsException.of("UnsupportedMediaTypeException", 415,
        "This operation takes a request body of Content-Type " + expected + ".");
  }

  /**
   * A JSON body that is not one JSON object; the Smithy protocol tests require servers to say
   * {@code SerializationException}.
   */
  public static AwsException serialization(String message) {
    return AwsException.of("SerializationException", 400, message);
  }

  // The sandbox itself

  public static AwsException internalFailure() {
    return AwsException.of("InternalFailure", 500,
        "The request processing has failed because of an unknown error.");
  }

  // Authentication: each protocol family spells the same failure its own way

  private static final String MISSING_MESSAGE = "Request is missing Authentication Token";
  private static final String INCOMPLETE_MESSAGE =
      "The request signature does not conform to AWS standards.";
  private static final String UNKNOWN_KEY_MESSAGE =
      "The security token included in the request is invalid.";
  private static final String EXPIRED_MESSAGE =
      "Signature expired: the request time is more than 15 minutes away from the server time.";
  private static final String EXPIRED_TOKEN_MESSAGE =
      "The security token included in the request is expired";
  private static final String BAD_SIGNATURE_MESSAGE =
      "The request signature we calculated does not match the signature you provided. Check your"
          + " AWS Secret Access Key and signing method. Consult the service documentation for"
          + " details.";

  /** The error a request of {@code protocol} gets for failing authentication. */
  public static AwsException authentication(AuthFailure.Reason reason, Protocol protocol) {
    boolean query = switch (protocol) {
      case AWS_QUERY -> true;
      case AWS_JSON_1_0, AWS_JSON_1_1, REST_JSON_1 -> false;
    };
    return switch (reason) {
      case MISSING -> query
          ? AwsException.of("MissingAuthenticationToken", 403, MISSING_MESSAGE)
          : AwsException.of("MissingAuthenticationTokenException", 403, MISSING_MESSAGE);
      case INCOMPLETE -> query
          ? AwsException.of("IncompleteSignature", 400, INCOMPLETE_MESSAGE)
          : AwsException.of("IncompleteSignatureException", 400, INCOMPLETE_MESSAGE);
      case UNKNOWN_KEY -> query
          ? AwsException.of("InvalidClientTokenId", 403, UNKNOWN_KEY_MESSAGE)
          : AwsException.of("UnrecognizedClientException", 400, UNKNOWN_KEY_MESSAGE);
      case BAD_SIGNATURE -> query
          ? AwsException.of("SignatureDoesNotMatch", 403, BAD_SIGNATURE_MESSAGE)
          : AwsException.of("InvalidSignatureException", 400, BAD_SIGNATURE_MESSAGE);
      case SIGNATURE_EXPIRED -> query
          ? AwsException.of("SignatureDoesNotMatch", 403, EXPIRED_MESSAGE)
          : AwsException.of("InvalidSignatureException", 400, EXPIRED_MESSAGE);
      case EXPIRED_TOKEN -> query
          ? AwsException.of("ExpiredToken", 403, EXPIRED_TOKEN_MESSAGE)
          : AwsException.of("ExpiredTokenException", 400, EXPIRED_TOKEN_MESSAGE);
    };
  }

}
