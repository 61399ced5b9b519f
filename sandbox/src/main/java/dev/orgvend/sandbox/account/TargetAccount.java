package dev.orgvend.sandbox.account;

import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.state.AccountDirectory;
import java.util.regex.Pattern;

/**
 * Which account an Account API call acts on. Without {@code AccountId} it is the caller's own
 * account, whether or not that account belongs to an organization. With it, the caller must be
 * the management account (or a delegated administrator for {@code account.amazonaws.com}),
 * trusted access for that service must be enabled, and the target must be a member account;
 * the management account may not name itself. Every violation is an AccessDeniedException.
 */
final class TargetAccount {
  static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");

  private final AccountDirectory directory;

  TargetAccount(AccountDirectory directory) {
    this.directory = directory;
  }

  /** The optional AccountId member, checked against the model's pattern only. */
  static String requested(Call call) {
    return call.params().text("AccountId").pattern(ACCOUNT_ID).get();
  }

  /** The account to act on, given the already validated {@code requested} id (or null). */
  String resolve(Call call, String requested) {
    String caller = call.accountId();
    if (requested == null) {
      return caller;
    }
    String management = directory.inOrganization(caller) ? directory.managementAccountId() : null;
    boolean callerIsManagement = caller.equals(management);
    if (callerIsManagement && requested.equals(caller)) {
      throw AccountErrors.managementNamedItself();
    }
    if (!callerIsManagement
        && !directory.isDelegatedAdministrator(caller, AccountService.SERVICE_PRINCIPAL)) {
      throw AccountErrors.notManagementOrDelegated(caller);
    }
    if (!directory.trustsService(AccountService.SERVICE_PRINCIPAL)) {
      throw AccountErrors.trustedAccessDisabled();
    }
    if (requested.equals(management) || !directory.inOrganization(requested)) {
      throw AccountErrors.notAMember(requested);
    }
    return requested;
  }
}
