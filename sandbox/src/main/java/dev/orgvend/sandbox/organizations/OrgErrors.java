package dev.orgvend.sandbox.organizations;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.Service;

/**
 * The Organizations error catalogue: every error this service answers, spelled once. Codes are
 * the model's shape names; all are HTTP 400 except {@code ServiceException}.
 */
final class OrgErrors {
  private OrgErrors() {}

  static final Params.Rules RULES =
      v -> invalidInput(reasonFor(v.kind()),
          "Invalid value for " + v.member() + ": it must " + v.constraint() + ".");

  /** What the front answers for this service when throttling or faulting it. */
  static final Service.Errors ANSWERS = new Service.Errors(RULES,
      OrgErrors::tooManyRequests, OrgErrors::serviceException);

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

  // Input that fails a check more specific than a model constraint.

  static AwsException invalidPolicyId(String id) {
    return invalidInput("INVALID_SYNTAX_POLICY_ID", "You specified an invalid policy ID: " + id);
  }

  static AwsException invalidTargetId(String id) {
    return invalidInput("INVALID_PATTERN_TARGET_ID",
        "You specified a policy target ID that doesn't match the required pattern: " + id);
  }

  static AwsException invalidPolicyType(String type) {
    return invalidInput("INVALID_ENUM_POLICY_TYPE",
        "You specified an invalid policy type string: " + type);
  }

  static AwsException immutablePolicy(String id) {
    return invalidInput("IMMUTABLE_POLICY", "You specified a policy that is managed by AWS and"
        + " can't be modified: " + id);
  }

  static AwsException unrecognizedServicePrincipal(String principal) {
    return invalidInput("UNRECOGNIZED_SERVICE_PRINCIPAL",
        "You specified a service principal that isn't recognized: " + principal);
  }

  static AwsException systemTagKey(String key) {
    return invalidInput("INVALID_SYSTEM_TAGS_PARAMETER", "Tag keys that begin with aws: are"
        + " reserved for AWS use: " + key);
  }

  static AwsException invalidNextToken() {
    return invalidInput("INVALID_NEXT_TOKEN", "The NextToken value is not valid.");
  }

  // Quotas and state rules (ConstraintViolationException with a Reason).

  static AwsException accountNumberLimit(int max) {
    return constraint("ACCOUNT_NUMBER_LIMIT_EXCEEDED", "You have reached the maximum number of"
        + " accounts in your organization (" + max + ").");
  }

  static AwsException ouDepthLimit(int max) {
    return constraint("OU_DEPTH_LIMIT_EXCEEDED", "You attempted to create an OU more than " + max
        + " levels below the root.");
  }

  static AwsException ouNumberLimit(int max) {
    return constraint("OU_NUMBER_LIMIT_EXCEEDED", "You have reached the maximum number of OUs in"
        + " your organization (" + max + ").");
  }

  static AwsException tagLimit(int max) {
    return constraint("MAX_TAG_LIMIT_EXCEEDED", "You have exceeded the number of tags allowed on"
        + " this resource (" + max + ").");
  }

  static AwsException policyNumberLimit(int max) {
    return constraint("POLICY_NUMBER_LIMIT_EXCEEDED", "You have reached the maximum number of"
        + " policies of this type in your organization (" + max + ").");
  }

  static AwsException policyContentLimit(int max) {
    return constraint("POLICY_CONTENT_LIMIT_EXCEEDED", "The policy document is longer than the"
        + " maximum of " + max + " characters for its type.");
  }

  static AwsException maxAttachments(int max) {
    return constraint("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED", "You attempted to attach more"
        + " than " + max + " policies of this type to the entity.");
  }

  static AwsException minAttachments() {
    return constraint("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED", "You attempted to detach the"
        + " last policy of this type from the entity; it must keep at least one.");
  }

  static AwsException cannotCloseManagement() {
    return constraint("CANNOT_CLOSE_MANAGEMENT_ACCOUNT", "You attempted to close the management"
        + " account. Delete the organization first, then close the account.");
  }

  static AwsException closeQuota(int max) {
    return constraint("CLOSE_ACCOUNT_QUOTA_EXCEEDED", "You have closed the maximum number of"
        + " accounts allowed in a rolling 30-day period (" + max + ").");
  }

  static AwsException closeRequestsLimit(int max) {
    return constraint("CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED", "You have " + max + " account"
        + " closures in progress, the most allowed at once. Wait for one to finish.");
  }

  static AwsException notAllFeatures() {
    return constraint("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE", "This operation needs an"
        + " organization with all features enabled.");
  }

  static AwsException serviceAccessNotEnabled(String principal) {
    return constraint("SERVICE_ACCESS_NOT_ENABLED", "Trusted access is not enabled for " + principal
        + ". Call EnableAWSServiceAccess first.");
  }

  static AwsException cannotRegisterManagement() {
    return constraint("CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR", "You can't register the"
        + " management account of the organization as a delegated administrator.");
  }

  static AwsException cannotRegisterSuspended() {
    return constraint("CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR", "You can't"
        + " register a suspended or closed account as a delegated administrator.");
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
