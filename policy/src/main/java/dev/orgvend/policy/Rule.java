package dev.orgvend.policy;

/** The checks a {@link Problem} can come from; the id is printed with every problem. */
public enum Rule {
  JSON("json"),
  GRAMMAR("grammar"),
  PRINCIPAL("principal"),
  VERSION("version"),
  SIZE("size"),
  ATTACHMENTS("attachments"),
  UNKNOWN_SERVICE("unknown-service"),
  UNKNOWN_ACTION("unknown-action"),
  DENY_ALL_WITHOUT_EXEMPTION("deny-all-without-exemption"),
  REGION_DENY_GLOBAL_SERVICES("region-deny-global-services"),
  NO_ALLOW_ON_PATH("no-allow-on-path"),
  UNKNOWN_CONDITION_KEY("unknown-condition-key"),
  CONDITION_VALUE("condition-value"),
  OPERATOR_FOR_KEY("operator-for-key"),
  WILDCARD_IN_EQUALS("wildcard-in-equals"),
  ASSUMED_ROLE_ARN("assumed-role-arn"),
  SET_OPERATOR("set-operator"),
  MFA_WITHOUT_IF_EXISTS("mfa-without-ifexists"),
  POLICY_VARIABLE("policy-variable");

  private final String id;

  Rule(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
