package dev.orgvend.sandbox.organizations;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Params;

/**
 * The Organizations error catalogue: every error this service answers, spelled once. Codes are
 * the model's shape names; all are HTTP 400 except {@code ServiceException}.
 */
final class OrgErrors {
  private OrgErrors() {}

  static final Params.Rules RULES =
      v -> invalidInput(reasonFor(v.kind()),
          "Invalid value for " + v.member() + ": it must " + v.constraint() + ".");

  private static String reasonFor(Params.Kind kind) {
    return switch (kind) {
      case MISSING -> "INPUT_REQUIRED";
      case TOO_SHORT -> "MIN_LENGTH_EXCEEDED";
      case TOO_LONG -> "MAX_LENGTH_EXCEEDED";
      case PATTERN, WRONG_TYPE -> "INVALID_PATTERN";
      case ENUM -> "INVALID_ENUM";
      case TOO_SMALL -> "MIN_VALUE_EXCEEDED";
      case TOO_LARGE, TOO_MANY -> "MAX_VALUE_EXCEEDED";
    };
  }

  private static AwsException e(String code, String message) {
    return AwsException.of(code, 400, message);
  }

  static AwsException invalidInput(String reason, String message) {
    return e("InvalidInputException", message).with("Reason", reason);
  }

  static AwsException constraint(String reason, String message) {
    return e("ConstraintViolationException", message).with("Reason", reason);
  }

  static AwsException notInUse() {
    return e("AWSOrganizationsNotInUseException",
        "Your account is not a member of an organization.");
  }

  static AwsException alreadyInOrganization() {
    return e("AlreadyInOrganizationException",
        "The AWS account is already a member of an organization.");
  }

  static AwsException accessDenied() {
    return e("AccessDeniedException", "You don't have permissions to access this resource.");
  }

  static AwsException accountNotFound(String id) {
    return e("AccountNotFoundException", "You specified an account that doesn't exist: " + id);
  }

  static AwsException createStatusNotFound(String id) {
    return e("CreateAccountStatusNotFoundException",
        "We can't find a create account request with the CreateAccountRequestId that you"
            + " specified: " + id);
  }

  static AwsException parentNotFound(String id) {
    return e("ParentNotFoundException", "We can't find a root or OU with the ParentId that you"
        + " specified: " + id);
  }

  static AwsException childNotFound(String id) {
    return e("ChildNotFoundException", "We can't find an organizational unit (OU) or AWS account"
        + " with the ChildId that you specified: " + id);
  }

  static AwsException ouNotFound(String id) {
    return e("OrganizationalUnitNotFoundException", "We can't find an OU with the"
        + " OrganizationalUnitId that you specified: " + id);
  }

  static AwsException ouNotEmpty() {
    return e("OrganizationalUnitNotEmptyException", "The specified OU is not empty. Move all"
        + " accounts to another root or to other OUs, remove all child OUs, and try again.");
  }

  static AwsException duplicateOu() {
    return e("DuplicateOrganizationalUnitException",
        "An OU with the same name already exists under this parent.");
  }

  static AwsException sourceParentNotFound(String id) {
    return e("SourceParentNotFoundException",
        "We can't find a source root or OU with the ParentId that you specified: " + id);
  }

  static AwsException destinationParentNotFound(String id) {
    return e("DestinationParentNotFoundException",
        "We can't find the destination container (a root or OU) with the ParentId that you"
            + " specified: " + id);
  }

  static AwsException duplicateAccount() {
    return e("DuplicateAccountException", "That account is already present in the specified"
        + " destination.");
  }

  static AwsException targetNotFound(String id) {
    return e("TargetNotFoundException", "We can't find a root, OU, account, or policy with the"
        + " TargetId that you specified: " + id);
  }

  static AwsException accountAlreadyClosed() {
    return e("AccountAlreadyClosedException", "You attempted to close an account that is already"
        + " closed.");
  }

  static AwsException policyNotFound(String id) {
    return e("PolicyNotFoundException", "We can't find a policy with the PolicyId that you"
        + " specified: " + id);
  }

  static AwsException duplicatePolicy() {
    return e("DuplicatePolicyException", "A policy with the same name already exists.");
  }

  static AwsException duplicatePolicyAttachment() {
    return e("DuplicatePolicyAttachmentException", "The selected policy is already attached to"
        + " the specified target.");
  }

  static AwsException policyNotAttached() {
    return e("PolicyNotAttachedException", "The policy isn't attached to the specified target in"
        + " the specified root.");
  }

  static AwsException policyInUse() {
    return e("PolicyInUseException", "The policy is attached to one or more entities. You must"
        + " detach it from all roots, OUs, and accounts before performing this operation.");
  }

  static AwsException policyTypeNotEnabled() {
    return e("PolicyTypeNotEnabledException", "The specified policy type isn't currently enabled"
        + " in this root. You can't attach policies of the specified type to entities in a root"
        + " until you enable that type in the root.");
  }

  static AwsException policyTypeAlreadyEnabled() {
    return e("PolicyTypeAlreadyEnabledException", "The specified policy type is already enabled.");
  }

  static AwsException policyTypeNotAvailable() {
    return e("PolicyTypeNotAvailableForOrganizationException", "You can't use the specified"
        + " policy type with the feature set currently enabled for this organization.");
  }

  static AwsException malformedPolicy(String detail) {
    return e("MalformedPolicyDocumentException", "The provided policy document doesn't meet the"
        + " requirements of the specified policy type: " + detail);
  }

  static AwsException rootNotFound(String id) {
    return e("RootNotFoundException", "We can't find a root with the RootId that you specified: "
        + id);
  }

  static AwsException accountAlreadyRegistered() {
    return e("AccountAlreadyRegisteredException", "The provided account is already a delegated"
        + " administrator for your organization.");
  }

  static AwsException accountNotRegistered() {
    return e("AccountNotRegisteredException", "The specified account is not a delegated"
        + " administrator for this AWS service.");
  }

  static AwsException concurrentModification() {
    return e("ConcurrentModificationException", "The target of the operation is currently being"
        + " modified by a different request. Try again later.");
  }

  static AwsException tooManyRequests() {
    return e("TooManyRequestsException", "You have sent too many requests in too short a period"
        + " of time. The quota helps protect against denial-of-service attacks. Try again later.")
        .with("Type", "AWSOrganizations");
  }

  static AwsException serviceException() {
    return AwsException.of("ServiceException", 500, "AWS Organizations can't complete your"
        + " request because of an internal service error. Try again later.");
  }
}
