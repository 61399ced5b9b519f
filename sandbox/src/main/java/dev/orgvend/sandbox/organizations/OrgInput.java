package dev.orgvend.sandbox.organizations;

import dev.orgvend.sandbox.protocol.Params;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the identifiers and enumerations Organizations operations take. The model's own patterns
 * are written {@code ^(a)|(b)$}, which a regex engine reads as "starts with a or ends with b";
 * these are the anchored forms AWS evidently means.
 */
final class OrgInput {
  static final String ROOT = "r-[0-9a-z]{4,32}";
  static final String OU = "ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}";
  static final String ACCOUNT = "\\d{12}";
  static final String POLICY = "p-[0-9a-zA-Z_]{8,128}";

  static final Pattern ROOT_ID = Pattern.compile(ROOT);
  static final Pattern OU_ID = Pattern.compile(OU);
  static final Pattern POLICY_ID = Pattern.compile(POLICY);
  static final Pattern PARENT_ID = Pattern.compile(ROOT + "|" + OU);
  static final Pattern CHILD_ID = Pattern.compile(ACCOUNT + "|" + OU);
  static final Pattern TARGET_ID = Pattern.compile(ROOT + "|" + ACCOUNT + "|" + OU);
  static final Pattern TAGGABLE_ID = Pattern.compile(ROOT + "|" + ACCOUNT + "|" + OU + "|"
      + POLICY + "|rp-[0-9a-zA-Z_]{4,128}|rt-[0-9a-zA-Z_]{8,32}");
  static final Pattern SERVICE_PRINCIPAL = Pattern.compile("[\\w+=,.@-]*");

  static final String SCP = "SERVICE_CONTROL_POLICY";

  /** The policy types of the current model, in its order. */
  static final List<String> POLICY_TYPES = List.of("SERVICE_CONTROL_POLICY",
      "RESOURCE_CONTROL_POLICY", "TAG_POLICY", "BACKUP_POLICY", "AISERVICES_OPT_OUT_POLICY",
      "CHATBOT_POLICY", "DECLARATIVE_POLICY_EC2", "SECURITYHUB_POLICY", "INSPECTOR_POLICY",
      "UPGRADE_ROLLOUT_POLICY", "BEDROCK_POLICY", "S3_POLICY",
      "NETWORK_SECURITY_DIRECTOR_POLICY");

  private OrgInput() {}

  static String accountId(Params p, String member) {
    return p.text(member).required().length(1, 12).pattern(AccountOps.ACCOUNT_ID).get();
  }

  static String parentId(Params p, String member) {
    return p.text(member).required().length(1, 100).pattern(PARENT_ID).get();
  }

  static String ouId(Params p) {
    return p.text("OrganizationalUnitId").required().length(1, 68).pattern(OU_ID).get();
  }

  static String rootId(Params p) {
    return p.text("RootId").required().length(1, 34).pattern(ROOT_ID).get();
  }

  /** A policy id; a malformed one has its own Reason, INVALID_SYNTAX_POLICY_ID. */
  static String policyId(Params p) {
    String id = p.text("PolicyId").required().length(1, 130).get();
    if (!POLICY_ID.matcher(id).matches()) {
      throw OrgErrors.invalidPolicyId(id);
    }
    return id;
  }

  /** A policy target; a malformed one has its own Reason, INVALID_PATTERN_TARGET_ID. */
  static String targetId(Params p) {
    String id = p.text("TargetId").required().length(1, 100).get();
    if (!TARGET_ID.matcher(id).matches()) {
      throw OrgErrors.invalidTargetId(id);
    }
    return id;
  }

  /** A policy type; an unknown one has its own Reason, INVALID_ENUM_POLICY_TYPE. */
  static String policyType(Params p, String member) {
    String type = p.text(member).required().get();
    if (!POLICY_TYPES.contains(type)) {
      throw OrgErrors.invalidPolicyType(type);
    }
    return type;
  }

  static String servicePrincipal(Params p) {
    return p.text("ServicePrincipal").required().length(1, 128).pattern(SERVICE_PRINCIPAL).get();
  }

  /** Fails with INPUT_REQUIRED when a list or structure member is absent. */
  static void require(Params p, String member) {
    if (!p.has(member)) {
      throw p.rules().reject(
          new Params.Violation(member, null, Params.Kind.MISSING, "must not be null"));
    }
  }
}
