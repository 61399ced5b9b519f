package dev.orgvend.core.apply;

import java.util.Map;

/** What each CreateAccount FailureReason means for the person running orgvend, and what to do. */
public final class FailureReasons {
  private static final Map<String, String> EXPLAINED = Map.ofEntries(
      Map.entry("ACCOUNT_LIMIT_EXCEEDED", "the organization has reached its account quota;"
          + " ask AWS Support to raise it (Service Quotas, AWS Organizations) and run apply again"),
      Map.entry("EMAIL_ALREADY_EXISTS", "the address already belongs to an AWS account outside"
          + " this organization; invite that account instead, or use another address"),
      Map.entry("INVALID_ADDRESS", "AWS rejected the management account's postal address;"
          + " correct it in the Billing console and run apply again"),
      Map.entry("INVALID_EMAIL", "AWS rejected the e-mail address; check it in the spec"),
      Map.entry("CONCURRENT_ACCOUNT_MODIFICATION", "another request for the same account was"
          + " already in progress; run apply again once it finishes (orgvend will adopt it)"),
      Map.entry("INTERNAL_FAILURE", "AWS had an internal error; run apply again later"),
      Map.entry("GOVCLOUD_ACCOUNT_ALREADY_EXISTS", "a GovCloud account with this address exists"),
      Map.entry("MISSING_BUSINESS_VALIDATION", "the management account has not completed"
          + " business validation; finish it in the AWS console, then run apply again"),
      Map.entry("FAILED_BUSINESS_VALIDATION", "the management account failed business"
          + " validation; contact AWS Support"),
      Map.entry("PENDING_BUSINESS_VALIDATION", "the management account's business validation"
          + " is still pending; run apply again once it completes"),
      Map.entry("INVALID_IDENTITY_FOR_BUSINESS_VALIDATION", "the identity given for business"
          + " validation is invalid; correct it in the AWS console"),
      Map.entry("UNKNOWN_BUSINESS_VALIDATION", "business validation failed for an unknown"
          + " reason; contact AWS Support"),
      Map.entry("MISSING_PAYMENT_INSTRUMENT", "the management account has no valid payment"
          + " method; add one in the Billing console, then run apply again"),
      Map.entry("INVALID_PAYMENT_INSTRUMENT", "the management account's payment method was"
          + " declined; update it in the Billing console, then run apply again"),
      Map.entry("UPDATE_EXISTING_RESOURCE_POLICY_WITH_TAGS_NOT_SUPPORTED", "AWS could not apply"
          + " the tags together with an existing resource policy; create the account without"
          + " tags and tag it afterwards"));

  private FailureReasons() {}

  public static String explain(String reason) {
    return EXPLAINED.getOrDefault(reason, "AWS gave the reason " + reason
        + "; see the AWS Organizations CreateAccountStatus documentation");
  }

  static boolean known(String reason) {
    return EXPLAINED.containsKey(reason);
  }
}
