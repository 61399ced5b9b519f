package dev.orgvend.sandbox.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.util.Map;

/**
 * Update/Get/DeleteAccountPasswordPolicy in the caller's account.
 *
 * <p>Update replaces the whole policy: a member left out of the request goes back to its default
 * (minimum length 8, every flag false, no expiry, no reuse check), it does not keep its old value.
 */
final class PasswordPolicyOps {
  static final int DEFAULT_MINIMUM_LENGTH = 8;

  private final AccountSettings settings;

  PasswordPolicyOps(AccountSettings settings) {
    this.settings = settings;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "UpdateAccountPasswordPolicy", this::update,
        "GetAccountPasswordPolicy", this::get,
        "DeleteAccountPasswordPolicy", this::delete);
  }

  private JsonNode update(Call call) {
    Params p = call.params();
    PasswordPolicy policy = new PasswordPolicy(
        call.accountId(),
        p.integer("MinimumPasswordLength").range(6, 128).orElse(DEFAULT_MINIMUM_LENGTH),
        p.bool("RequireSymbols", false),
        p.bool("RequireNumbers", false),
        p.bool("RequireUppercaseCharacters", false),
        p.bool("RequireLowercaseCharacters", false),
        p.bool("AllowUsersToChangePassword", false),
        p.integer("MaxPasswordAge").range(1, 1095).get(),
        p.integer("PasswordReusePrevention").range(1, 24).get(),
        p.bool("HardExpiry", false));
    settings.setPasswordPolicy(policy);
    return null;
  }

  /**
   * The policy as IAM shows it: {@code ExpirePasswords} is derived from whether a maximum age is
   * set, and the two optional numbers appear only when set. {@code HardExpiry} is always shown
   * (AWS's examples show it as false; whether it is ever left out is unverified).
   */
  private JsonNode get(Call call) {
    PasswordPolicy policy = existing(call);
    ObjectNode node = Nodes.object();
    node.put("MinimumPasswordLength", policy.minimumPasswordLength());
    node.put("RequireSymbols", policy.requireSymbols());
    node.put("RequireNumbers", policy.requireNumbers());
    node.put("RequireUppercaseCharacters", policy.requireUppercaseCharacters());
    node.put("RequireLowercaseCharacters", policy.requireLowercaseCharacters());
    node.put("AllowUsersToChangePassword", policy.allowUsersToChangePassword());
    node.put("ExpirePasswords", policy.expirePasswords());
    if (policy.maxPasswordAge() != null) {
      node.put("MaxPasswordAge", policy.maxPasswordAge());
    }
    if (policy.passwordReusePrevention() != null) {
      node.put("PasswordReusePrevention", policy.passwordReusePrevention());
    }
    node.put("HardExpiry", policy.hardExpiry());
    ObjectNode out = Nodes.object();
    out.set("PasswordPolicy", node);
    return out;
  }

  private JsonNode delete(Call call) {
    existing(call);
    settings.removePasswordPolicy(call.accountId());
    return null;
  }

  private PasswordPolicy existing(Call call) {
    return settings.passwordPolicy(call.accountId())
        .orElseThrow(() -> IamErrors.noPasswordPolicy(call.accountId()));
  }
}
