package dev.orgvend.sandbox.account;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.state.AccountDirectory;
import dev.orgvend.sandbox.state.Store;
import java.util.List;
import java.util.Map;

/**
 * AWS Account Management, the alternate-contact operations (restJson1, version 2021-02-01).
 * The service is global: contacts belong to an account whatever region the request was signed
 * for. Each operation is a {@code POST} to its own path with a JSON body.
 */
public final class AccountService implements Service {
  /** The service principal that trusted access and delegated administration refer to. */
  static final String SERVICE_PRINCIPAL = "account.amazonaws.com";

  private static final Wire WIRE = Wire.restJson("account", List.of(
      new Route("POST", "/putAlternateContact", "PutAlternateContact"),
      new Route("POST", "/getAlternateContact", "GetAlternateContact"),
      new Route("POST", "/deleteAlternateContact", "DeleteAlternateContact")));

  private final Map<String, Operation> operations;

  public AccountService(Store store, AccountDirectory directory) {
    AlternateContactOps contacts = new AlternateContactOps(
        store.table("account.alternate-contact", AlternateContact.class),
        new TargetAccount(directory));
    this.operations = contacts.operations();
  }

  @Override
  public Wire wire() {
    return WIRE;
  }

  @Override
  public Params.Rules rules() {
    return AccountErrors.RULES;
  }

  @Override
  public AwsException throttled(String operation) {
    return AccountErrors.tooManyRequests();
  }

  @Override
  public AwsException internalFailure() {
    return AccountErrors.internalServerError();
  }

  @Override
  public Map<String, Operation> operations() {
    return operations;
  }
}
