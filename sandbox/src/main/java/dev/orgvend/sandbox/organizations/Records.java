package dev.orgvend.sandbox.organizations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The stored shapes of Organizations state. Values only; rules live in the operation classes. */
final class Records {
  private Records() {}

  /**
   * The organization. {@code policyTypes} maps a policy type to its status on the root; {@code
   * serviceAccess} maps each service principal with trusted access to when it was enabled; {@code
   * delegatedAdmins} maps a service principal to its delegated administrators (account id to the
   * time of registration).
   */
  record Organization(
      String id,
      String featureSet,
      String managementAccountId,
      String managementEmail,
      String rootId,
      Map<String, String> policyTypes,
      Map<String, Instant> serviceAccess,
      Map<String, Map<String, Instant>> delegatedAdmins,
      Instant createdAt) {
    Organization {
      policyTypes = Map.copyOf(policyTypes);
      serviceAccess = Map.copyOf(serviceAccess);
      Map<String, Map<String, Instant>> admins = new java.util.HashMap<>();
      delegatedAdmins.forEach((service, accounts) -> {
        if (!accounts.isEmpty()) {
          admins.put(service, Map.copyOf(accounts));
        }
      });
      delegatedAdmins = Map.copyOf(admins);
    }

    Organization withPolicyTypes(Map<String, String> types) {
      return new Organization(id, featureSet, managementAccountId, managementEmail, rootId, types,
          serviceAccess, delegatedAdmins, createdAt);
    }

    Organization withServiceAccess(Map<String, Instant> access) {
      return new Organization(id, featureSet, managementAccountId, managementEmail, rootId,
          policyTypes, access, delegatedAdmins, createdAt);
    }

    Organization withDelegatedAdmins(Map<String, Map<String, Instant>> admins) {
      return new Organization(id, featureSet, managementAccountId, managementEmail, rootId,
          policyTypes, serviceAccess, admins, createdAt);
    }

    boolean allFeatures() {
      return "ALL".equals(featureSet);
    }

    boolean isDelegatedAdmin(String accountId) {
      return delegatedAdmins.values().stream().anyMatch(m -> m.containsKey(accountId));
    }

    String arn() {
      return "arn:aws:organizations::" + managementAccountId + ":organization/" + id;
    }

    String rootArn() {
      return "arn:aws:organizations::" + managementAccountId + ":root/" + id + "/" + rootId;
    }

    boolean policyTypeEnabled(String type) {
      return "ENABLED".equals(policyTypes.get(type));
    }
  }

  /**
   * An AWS account the sandbox knows. {@code parentId} is null for an account outside the
   * organization (the management account before CreateOrganization).
   */
  record Account(
      String id,
      String name,
      String email,
      String state,
      String parentId,
      String joinedMethod,
      Instant joinedTimestamp,
      Instant closedAt) {

    Account withState(String newState, Instant at) {
      return new Account(id, name, email, newState, parentId, joinedMethod, joinedTimestamp, at);
    }

    Account withParent(String newParent) {
      return new Account(id, name, email, state, newParent, joinedMethod, joinedTimestamp, closedAt);
    }

    Account joined(String newParent, String method, Instant at) {
      return new Account(id, name, email, state, newParent, method, at, closedAt);
    }
  }

  record OrganizationalUnit(String id, String name, String parentId) {
    OrganizationalUnit renamed(String newName) {
      return new OrganizationalUnit(id, newName, parentId);
    }
  }

  /** A CreateAccount request and what became of it. */
  record CreateRequest(
      String id,
      String accountName,
      String email,
      String roleName,
      String iamUserAccessToBilling,
      Map<String, String> tags,
      String state,
      Instant requestedAt,
      Instant dueAt,
      Instant completedAt,
      String accountId,
      String failureReason) {
    CreateRequest {
      tags = Map.copyOf(tags);
    }

    CreateRequest succeeded(String newAccountId, Instant at) {
      return new CreateRequest(id, accountName, email, roleName, iamUserAccessToBilling, tags,
          "SUCCEEDED", requestedAt, dueAt, at, newAccountId, null);
    }

    CreateRequest failed(String reason, Instant at) {
      return new CreateRequest(id, accountName, email, roleName, iamUserAccessToBilling, tags,
          "FAILED", requestedAt, dueAt, at, null, reason);
    }
  }

  record Policy(
      String id,
      String name,
      String description,
      String type,
      String content,
      boolean awsManaged,
      List<String> targets) {
    Policy {
      targets = List.copyOf(targets);
    }

    Policy withTargets(List<String> newTargets) {
      return new Policy(id, name, description, type, content, awsManaged, newTargets);
    }

    Policy edited(String newName, String newDescription, String newContent) {
      return new Policy(id, newName, newDescription, type, newContent, awsManaged, targets);
    }
  }

  /** Tags of one taggable resource (root, OU, account or policy). */
  record Tags(String resourceId, Map<String, String> tags) {
    Tags {
      tags = Map.copyOf(tags);
    }
  }

  /** An e-mail address that belongs to an AWS account outside the sandbox's organization. */
  record TakenEmail(String email) {}
}
