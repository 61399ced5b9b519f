package dev.orgvend.sandbox.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.protocol.QueryErrors;

/**
 * The Account error catalogue. Codes are the model's shape names and statuses the model's HTTP
 * error codes (restJson1 sends the code in {@code x-amzn-ErrorType}); bad input is a {@code
 * ValidationException} whose {@code fieldList} names the offending member.
 */
final class AccountErrors {
  private AccountErrors() {}

  static final Params.Rules RULES = AccountErrors::validation;

  /** What the front answers for this service when throttling or faulting it. */
  static final Service.Errors ANSWERS = new Service.Errors(RULES,
      AccountErrors::tooManyRequests, AccountErrors::internalServerError);

  /**
   * A {@code ValidationException} with reason {@code fieldValidationFailed}. The message follows
   * the usual "1 validation error detected" form; the field entry names the member as it is spelled
   * on the wire (our guess: AWS's exact field naming here is unverified).
   */
  static AwsException validation(Params.Violation violation) {
    ObjectNode field = Nodes.object()
        .put("name", violation.member())
        .put("message", "Member must " + violation.constraint());
    return AwsException.of("ValidationException", 400, QueryErrors.validationMessage(violation))
        .with("reason", "fieldValidationFailed")
        .with("fieldList", Nodes.array().add(field));
  }

  static AwsException contactNotFound() {
    return AwsException.of("ResourceNotFoundException", 404,
        "No contact of the inputted alternate contact type found.");
  }

  static AwsException managementNamedItself() {
    return AwsException.of("AccessDeniedException", 403,
        "The management account cannot name itself in AccountId; leave AccountId out to act on"
            + " the calling account.");
  }

  static AwsException notManagementOrDelegated(String callerAccountId) {
    return AwsException.of("AccessDeniedException", 403,
        "Account " + callerAccountId + " may not specify AccountId: only the organization's"
            + " management account or a delegated administrator for "
            + AccountService.SERVICE_PRINCIPAL + " can act on other accounts.");
  }

  static AwsException trustedAccessDisabled() {
    return AwsException.of("AccessDeniedException", 403,
        "Trusted access for " + AccountService.SERVICE_PRINCIPAL + " is not enabled in the"
            + " organization; enable it with Organizations EnableAWSServiceAccess first.");
  }

  static AwsException notAMember(String accountId) {
    return AwsException.of("AccessDeniedException", 403,
        "Account " + accountId + " is not a member account of the caller's organization.");
  }

  static AwsException tooManyRequests() {
    return AwsException.of("TooManyRequestsException", 429, "Too many requests.");
  }

  static AwsException internalServerError() {
    return AwsException.of("InternalServerException", 500,
        "The operation failed because of an error internal to AWS. Try again later.");
  }
}
