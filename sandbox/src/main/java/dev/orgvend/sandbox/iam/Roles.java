package dev.orgvend.sandbox.iam;

import dev.orgvend.sandbox.state.Ids;
import dev.orgvend.sandbox.state.Store;
import dev.orgvend.sandbox.state.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM roles of every account. Used by the IAM API, by STS (to check trust before AssumeRole) and
 * by Organizations (which creates the member role in each new account).
 */
public final class Roles {
  private final Table<Role> roles;
  private final Ids ids;

  public Roles(Store store, Ids ids) {
    this.roles = store.table("iam.role", Role.class);
    this.ids = ids;
  }

  public Optional<Role> find(String accountId, String roleName) {
    return roles.find(Role.key(accountId, roleName));
  }

  public List<Role> inAccount(String accountId) {
    return roles.where(r -> r.accountId().equals(accountId));
  }

  /** Creates a role; the caller has already checked that the name is free and valid. */
  public Role create(String accountId, String roleName, String path, String trustPolicy,
      String description, int maxSessionDuration, Map<String, String> tags, Instant now) {
    String arn = "arn:aws:iam::" + accountId + ":role" + path + roleName;
    Role role = new Role(accountId, roleName, path, "AROA" + ids.upperAlnum(17), arn, trustPolicy,
        description, maxSessionDuration, now, Map.of(), List.of(), tags);
    roles.put(Role.key(accountId, roleName), role);
    return role;
  }

  public Role putInlinePolicy(Role role, String policyName, String document) {
    Role updated = role.withInlinePolicy(policyName, document);
    roles.put(Role.key(role.accountId(), role.roleName()), updated);
    return updated;
  }

  public Role attachPolicy(Role role, String policyArn) {
    Role updated = role.withAttachedPolicy(policyArn);
    roles.put(Role.key(role.accountId(), role.roleName()), updated);
    return updated;
  }

  public Role deleteInlinePolicy(Role role, String policyName) {
    Role updated = role.withoutInlinePolicy(policyName);
    roles.put(Role.key(role.accountId(), role.roleName()), updated);
    return updated;
  }

  public Role detachPolicy(Role role, String policyArn) {
    Role updated = role.withoutAttachedPolicy(policyArn);
    roles.put(Role.key(role.accountId(), role.roleName()), updated);
    return updated;
  }

  public void replace(Role role) {
    roles.put(Role.key(role.accountId(), role.roleName()), role);
  }

  public void delete(Role role) {
    roles.remove(Role.key(role.accountId(), role.roleName()));
  }
}
