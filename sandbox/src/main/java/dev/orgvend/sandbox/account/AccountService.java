package dev.orgvend.sandbox.account;

import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.state.AccountDirectory;
import dev.orgvend.sandbox.state.Store;
import java.util.List;

/**
 * AWS Account Management, the alternate-contact operations (restJson1, version 2021-02-01).
 * The service is global: contacts belong to an account whatever region the request was signed
 * for. Each operation is a {@code POST} to its own path with a JSON body.
 */
public final class AccountService {
  /** The service principal that trusted access and delegated administration refer to. */
  static final String SERVICE_PRINCIPAL = "account.amazonaws.com";

  private static final Binding REST_JSON = new Binding.RestJson(List.of(
      new Binding.Route("POST", "/putAlternateContact", "PutAlternateContact"),
      new Binding.Route("POST", "/getAlternateContact", "GetAlternateContact"),
      new Binding.Route("POST", "/deleteAlternateContact", "DeleteAlternateContact")));

  private final Service service;

  public AccountService(Store store, AccountDirectory directory) {
    AlternateContactOps contacts = new AlternateContactOps(
        store.table("account.alternate-contact", AlternateContact.class),
        new TargetAccount(directory));
    this.service = new Service("account", List.of(REST_JSON), AccountErrors.ANSWERS,
        contacts.operations());
  }

  public Service service() {
    return service;
  }
}
