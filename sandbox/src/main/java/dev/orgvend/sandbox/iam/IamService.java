package dev.orgvend.sandbox.iam;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.QueryErrors;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.state.Store;
import java.util.HashMap;
import java.util.Map;

/**
 * AWS Identity and Access Management: roles, the account alias and the password policy (awsQuery,
 * version 2010-05-08). IAM is global: all of these belong to the caller's account whatever region
 * the request was signed for.
 */
public final class IamService implements Service {
  private final Map<String, Operation> operations = new HashMap<>();

  public IamService(Roles roles, Store store) {
    RoleOps roleOps = new RoleOps(roles);
    AccountSettings settings = new AccountSettings(store);
    operations.putAll(roleOps.operations());
    operations.putAll(new RolePolicyOps(roles, roleOps).operations());
    operations.putAll(new AliasOps(settings).operations());
    operations.putAll(new PasswordPolicyOps(settings).operations());
  }

  @Override
  public Wire wire() {
    return new Wire("iam", null, null, "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/",
        false);
  }

  @Override
  public Params.Rules rules() {
    return IamErrors.RULES;
  }

  @Override
  public AwsException throttled(String operation) {
    return QueryErrors.throttling();
  }

  @Override
  public AwsException internalFailure() {
    return IamErrors.serviceFailure();
  }

  @Override
  public Map<String, Operation> operations() {
    return operations;
  }
}
