package dev.orgvend.core.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The IAM permissions orgvend needs, kept next to the operation names {@link AwsCaller} is called
 * with, so that a new call cannot be added without saying what it requires. An integration test
 * runs an apply and checks that every operation it counted is listed here.
 *
 * <p>{@link #policy} renders the least-privilege identity policy for the operator: read actions
 * and organization changes on {@code *} (Organizations has few resource-level permissions worth
 * the trouble), the Organizations service-linked role that CreateAccount may have to create, and
 * {@code sts:AssumeRole} only on the member roles the spec names.
 */
public final class Permissions {
  /** Which commands need an operation. */
  public enum Need {
    /** plan, import and apply: reading the organization. */
    PLAN,
    /** apply only: changing the organization and following the changes. */
    APPLY,
    /**
     * Inside member accounts, through the member role: reading baselines (plan, check, apply).
     * Not part of the operator's policy; see {@link #memberPolicy}.
     */
    MEMBER_READ,
    /** Inside member accounts, through the member role: changing baselines (apply). */
    MEMBER_CHANGE
  }

  /**
   * One operation and the IAM actions it requires.
   *
   * @param operation the name {@link AwsCaller} is called with (the API operation's name)
   * @param need which commands call it
   * @param actions IAM actions, {@code service:Action}
   */
  public record Grant(String operation, Need need, List<String> actions) {
    public Grant {
      actions = List.copyOf(actions);
    }
  }

  static final String SERVICE_LINKED_ROLE = "iam:CreateServiceLinkedRole";
  static final String ASSUME_ROLE = "sts:AssumeRole";

  private static final List<Grant> GRANTS = List.of(
      orgs("DescribeOrganization", Need.PLAN),
      orgs("ListRoots", Need.PLAN),
      orgs("ListOrganizationalUnitsForParent", Need.PLAN),
      orgs("ListAccountsForParent", Need.PLAN),
      orgs("ListTagsForResource", Need.PLAN),
      orgs("ListCreateAccountStatus", Need.PLAN),
      orgs("DescribeCreateAccountStatus", Need.APPLY),
      orgs("ListAccounts", Need.APPLY),
      orgs("ListParents", Need.APPLY),
      // Tags given to CreateAccount need TagResource too, and AWS creates the Organizations
      // service-linked role on the first creation if it is missing
      // (AccessDeniedForDependencyException without the permission).
      new Grant("CreateAccount", Need.APPLY, List.of("organizations:CreateAccount",
          "organizations:TagResource", SERVICE_LINKED_ROLE)),
      orgs("CreateOrganizationalUnit", Need.APPLY),
      orgs("MoveAccount", Need.APPLY),
      orgs("TagResource", Need.APPLY),
      orgs("UntagResource", Need.APPLY),
      new Grant("AssumeRole", Need.APPLY, List.of(ASSUME_ROLE)),
      // Baseline components, called with the member account's session.
      member("GetTopicAttributes", Need.MEMBER_READ, "sns"),
      member("ListSubscriptionsByTopic", Need.MEMBER_READ, "sns"),
      member("CreateTopic", Need.MEMBER_CHANGE, "sns"),
      member("Subscribe", Need.MEMBER_CHANGE, "sns"),
      member("DescribeAlarms", Need.MEMBER_READ, "cloudwatch"),
      member("PutMetricAlarm", Need.MEMBER_CHANGE, "cloudwatch"),
      member("GetAlternateContact", Need.MEMBER_READ, "account"),
      member("PutAlternateContact", Need.MEMBER_CHANGE, "account"),
      member("ListAccountAliases", Need.MEMBER_READ, "iam"),
      member("CreateAccountAlias", Need.MEMBER_CHANGE, "iam"),
      member("DeleteAccountAlias", Need.MEMBER_CHANGE, "iam"),
      member("GetAccountPasswordPolicy", Need.MEMBER_READ, "iam"),
      member("UpdateAccountPasswordPolicy", Need.MEMBER_CHANGE, "iam"));

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Permissions() {}

  private static Grant orgs(String operation, Need need) {
    return new Grant(operation, need, List.of("organizations:" + operation));
  }

  private static Grant member(String operation, Need need, String service) {
    return new Grant(operation, need, List.of(service + ":" + operation));
  }

  /** Every operation orgvend calls, with what it requires. */
  public static List<Grant> grants() {
    return GRANTS;
  }

  public static Optional<Grant> of(String operation) {
    return GRANTS.stream().filter(g -> g.operation().equals(operation)).findFirst();
  }

  /** The IAM actions the operator needs for plan ({@code readOnly}) or for apply. */
  public static Set<String> actions(boolean readOnly) {
    return GRANTS.stream()
        .filter(g -> g.need() == Need.PLAN || (!readOnly && g.need() == Need.APPLY))
        .flatMap(g -> g.actions().stream()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The IAM actions the member role needs for reading ({@code readOnly}) or applying baselines. */
  public static Set<String> memberActions(boolean readOnly) {
    return GRANTS.stream()
        .filter(g -> g.need() == Need.MEMBER_READ || (!readOnly && g.need() == Need.MEMBER_CHANGE))
        .flatMap(g -> g.actions().stream()).collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The identity policy a member role needs for orgvend's baseline components, for roles that
   * are not administrators (the role AWS creates with an account is). The services' read and
   * write actions on these resources have no narrower resource types worth naming.
   */
  public static String memberPolicy(boolean readOnly) {
    ObjectNode policy = JSON.createObjectNode();
    policy.put("Version", "2012-10-17");
    statement(policy.putArray("Statement"), readOnly ? "OrgvendReadBaselines"
        : "OrgvendKeepBaselines", List.copyOf(memberActions(readOnly)), List.of("*"));
    try {
      return JSON.writeValueAsString(policy) + "\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The identity policy document, as pretty-printed JSON.
   *
   * @param roleNames the member roles apply assumes (each account's {@code roleName}); with
   *     {@code readOnly}, the roles plan and check assume to read baselines, or none
   * @param readOnly only what plan needs
   */
  public static String policy(Collection<String> roleNames, boolean readOnly) {
    if (!readOnly && roleNames.isEmpty()) {
      throw new IllegalArgumentException("apply assumes at least one member role; name it");
    }
    Set<String> actions = new TreeSet<>(actions(readOnly));
    if (!roleNames.isEmpty()) {
      actions.add(ASSUME_ROLE); // plan and check enter accounts to read their baselines
    }
    ObjectNode policy = JSON.createObjectNode();
    policy.put("Version", "2012-10-17");
    ArrayNode statements = policy.putArray("Statement");
    statement(statements, "OrgvendReadOrganization", actions.stream()
        .filter(a -> a.startsWith("organizations:Describe") || a.startsWith("organizations:List"))
        .toList(), List.of("*"));
    statement(statements, "OrgvendChangeOrganization", actions.stream()
        .filter(a -> a.startsWith("organizations:") && !a.startsWith("organizations:Describe")
            && !a.startsWith("organizations:List"))
        .toList(), List.of("*"));
    if (actions.contains(SERVICE_LINKED_ROLE)) {
      ObjectNode s = statement(statements, "OrgvendOrganizationsServiceLinkedRole",
          List.of(SERVICE_LINKED_ROLE), List.of(
              "arn:aws:iam::*:role/aws-service-role/organizations.amazonaws.com/*"));
      s.putObject("Condition").putObject("StringEquals")
          .put("iam:AWSServiceName", "organizations.amazonaws.com");
    }
    if (actions.contains(ASSUME_ROLE)) {
      statement(statements, "OrgvendEnterMemberAccounts", List.of(ASSUME_ROLE),
          new TreeSet<>(roleNames).stream().map(r -> "arn:aws:iam::*:role/" + r).toList());
    }
    Set<String> rendered = new TreeSet<>();
    statements.forEach(s -> s.path("Action").forEach(a -> rendered.add(a.asText())));
    if (!rendered.equals(actions)) {
      throw new IllegalStateException("policy statements miss actions: " + actions);
    }
    try {
      return JSON.writeValueAsString(policy) + "\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode statement(ArrayNode statements, String sid, List<String> actions,
      List<String> resources) {
    ObjectNode s = JSON.createObjectNode();
    if (actions.isEmpty()) {
      return s;
    }
    s.put("Sid", sid);
    s.put("Effect", "Allow");
    ArrayNode a = s.putArray("Action");
    actions.forEach(a::add);
    ArrayNode r = s.putArray("Resource");
    resources.forEach(r::add);
    statements.add(s);
    return s;
  }
}
