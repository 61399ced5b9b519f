package dev.orgvend.sandbox.iam;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.protocol.QueryErrors;

/**
 * The IAM error catalogue. Codes are the Query codes of the IAM model ({@code NoSuchEntity},
 * not the shape name {@code NoSuchEntityException}); bad input is the unmodelled but real {@code
 * ValidationError}.
 */
final class IamErrors {
  private IamErrors() {}

  static final Params.Rules RULES = QueryErrors.VALIDATION_ERROR;

  /** What the front answers for this service when throttling or faulting it. */
  static final Service.Errors ANSWERS = new Service.Errors(RULES,
      QueryErrors::throttling, IamErrors::serviceFailure);

  static AwsException noSuchRole(String roleName) {
    return AwsException.of("NoSuchEntity", 404,
        "The role with name " + roleName + " cannot be found.");
  }

  static AwsException noSuchRolePolicy(String policyName) {
    return AwsException.of("NoSuchEntity", 404,
        "The role policy with name " + policyName + " cannot be found.");
  }

  static AwsException policyNotAttached(String policyArn) {
    return AwsException.of("NoSuchEntity", 404, "Policy " + policyArn + " was not found.");
  }

  static AwsException roleExists(String roleName) {
    return AwsException.of("EntityAlreadyExists", 409,
        "Role with name " + roleName + " already exists.");
  }

  static AwsException aliasTaken(String alias) {
    return AwsException.of("EntityAlreadyExists", 409,
        "The account alias " + alias + " already exists.");
  }

  static AwsException noSuchAlias(String alias) {
    return AwsException.of("NoSuchEntity", 404,
        "The account alias " + alias + " cannot be found.");
  }

  static AwsException noPasswordPolicy(String accountId) {
    return AwsException.of("NoSuchEntity", 404,
        "The Password Policy with domain name " + accountId + " cannot be found.");
  }

  static AwsException malformedPolicy(String message) {
    return AwsException.of("MalformedPolicyDocument", 400, message);
  }

  static AwsException inlinePoliciesRemain() {
    return AwsException.of("DeleteConflict", 409,
        "Cannot delete entity, must delete policies first.");
  }

  static AwsException managedPoliciesAttached() {
    return AwsException.of("DeleteConflict", 409,
        "Cannot delete entity, must detach all policies first.");
  }

  static AwsException quotaExceeded(String quota, int limit) {
    return AwsException.of("LimitExceeded", 409,
        "Cannot exceed quota for " + quota + ": " + limit);
  }

  static AwsException inlinePolicySizeExceeded(String roleName, int limit) {
    return AwsException.of("LimitExceeded", 409,
        "Maximum policy size of " + limit + " bytes exceeded for role " + roleName);
  }

  static AwsException invalidInput(String message) {
    return AwsException.of("InvalidInput", 400, message);
  }

  static AwsException invalidMarker() {
    return AwsException.of("ValidationError", 400, "Invalid Marker.");
  }

  static AwsException serviceFailure() {
    return AwsException.of("ServiceFailure", 500,
        "The request processing has failed because of an unknown error, exception or failure.");
  }
}
