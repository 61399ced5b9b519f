package dev.orgvend.sandbox.iam;

import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.state.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS Identity and Access Management: roles, the account alias and the password policy (awsQuery,
 * version 2010-05-08). IAM is global: all of these belong to the caller's account whatever region
 * the request was signed for.
 */
public final class IamService {
  private static final Binding QUERY =
      new Binding.AwsQuery("2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/");

  private final Service service;

  public IamService(Roles roles, Store store) {
    RoleOps roleOps = new RoleOps(roles);
    AccountSettings settings = new AccountSettings(store);
    Map<String, Operation> operations = new HashMap<>();
    operations.putAll(roleOps.operations());
    operations.putAll(new RolePolicyOps(roles, roleOps).operations());
    operations.putAll(new AliasOps(settings).operations());
    operations.putAll(new PasswordPolicyOps(settings).operations());
    this.service = new Service("iam", List.of(QUERY), IamErrors.ANSWERS, operations);
  }

  public Service service() {
    return service;
  }
}
