package dev.orgvend.sandbox.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An IAM role in one account. Policies are kept as the JSON text the caller sent. */
public record Role(
    String accountId,
    String roleName,
    String path,
    String roleId,
    String arn,
    String assumeRolePolicyDocument,
    String description,
    int maxSessionDuration,
    Instant createDate,
    Map<String, String> inlinePolicies,
    List<String> attachedPolicyArns,
    Map<String, String> tags) {

  public Role {
    inlinePolicies = Map.copyOf(inlinePolicies);
    attachedPolicyArns = List.copyOf(attachedPolicyArns);
    tags = Map.copyOf(tags);
  }

  static String key(String accountId, String roleName) {
    // IAM role names are unique per account regardless of case.
    return accountId + "/" + roleName.toLowerCase(java.util.Locale.ROOT);
  }

  Role withInlinePolicy(String name, String document) {
    Map<String, String> copy = new java.util.TreeMap<>(inlinePolicies);
    copy.put(name, document);
    return new Role(accountId, roleName, path, roleId, arn, assumeRolePolicyDocument, description,
        maxSessionDuration, createDate, copy, attachedPolicyArns, tags);
  }

  Role withoutInlinePolicy(String name) {
    Map<String, String> copy = new java.util.TreeMap<>(inlinePolicies);
    copy.remove(name);
    return new Role(accountId, roleName, path, roleId, arn, assumeRolePolicyDocument, description,
        maxSessionDuration, createDate, copy, attachedPolicyArns, tags);
  }

  Role withoutAttachedPolicy(String policyArn) {
    List<String> copy = new java.util.ArrayList<>(attachedPolicyArns);
    copy.remove(policyArn);
    return new Role(accountId, roleName, path, roleId, arn, assumeRolePolicyDocument, description,
        maxSessionDuration, createDate, inlinePolicies, copy, tags);
  }

  Role withAttachedPolicy(String policyArn) {
    if (attachedPolicyArns.contains(policyArn)) {
      return this;
    }
    List<String> copy = new java.util.ArrayList<>(attachedPolicyArns);
    copy.add(policyArn);
    return new Role(accountId, roleName, path, roleId, arn, assumeRolePolicyDocument, description,
        maxSessionDuration, createDate, inlinePolicies, copy, tags);
  }
}
