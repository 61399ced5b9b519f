package dev.orgvend.sandbox.iam;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.QueryErrors;
import dev.orgvend.sandbox.protocol.Service;
import java.util.HashMap;
import java.util.Map;

/**
 * AWS Identity and Access Management, the role operations (awsQuery, version 2010-05-08). IAM
 * is global: roles belong to the caller's account whatever region the request was signed for.
 */
public final class IamService implements Service {
  private final Map<String, Operation> operations = new HashMap<>();

  public IamService(Roles roles) {
    RoleOps roleOps = new RoleOps(roles);
    operations.putAll(roleOps.operations());
    operations.putAll(new RolePolicyOps(roles, roleOps).operations());
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
