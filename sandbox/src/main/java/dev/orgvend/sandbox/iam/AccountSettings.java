package dev.orgvend.sandbox.iam;

import dev.orgvend.sandbox.state.Store;
import dev.orgvend.sandbox.state.Table;
import java.util.Optional;

/**
 * IAM settings that belong to a whole account rather than to a role: its alias and its password
 * policy. Both tables are keyed by account id.
 */
final class AccountSettings {
  private final Table<AccountAlias> aliases;
  private final Table<PasswordPolicy> passwordPolicies;

  AccountSettings(Store store) {
    this.aliases = store.table("iam.account-alias", AccountAlias.class);
    this.passwordPolicies = store.table("iam.password-policy", PasswordPolicy.class);
  }

  Optional<AccountAlias> alias(String accountId) {
    return aliases.find(accountId);
  }

  /** The account that holds {@code alias}, if any; aliases are unique across all accounts. */
  Optional<String> holderOf(String alias) {
    return aliases.values().stream()
        .filter(a -> a.alias().equals(alias))
        .map(AccountAlias::accountId)
        .findFirst();
  }

  void setAlias(String accountId, String alias) {
    aliases.put(accountId, new AccountAlias(accountId, alias));
  }

  void removeAlias(String accountId) {
    aliases.remove(accountId);
  }

  Optional<PasswordPolicy> passwordPolicy(String accountId) {
    return passwordPolicies.find(accountId);
  }

  void setPasswordPolicy(PasswordPolicy policy) {
    passwordPolicies.put(policy.accountId(), policy);
  }

  void removePasswordPolicy(String accountId) {
    passwordPolicies.remove(accountId);
  }
}
