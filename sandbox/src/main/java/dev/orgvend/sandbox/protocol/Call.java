package dev.orgvend.sandbox.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.auth.Principal;
import java.time.Instant;

/**
 * One authenticated request, as an operation sees it.
 *
 * @param operation the operation name, e.g. {@code CreateAccount}
 * @param input the request members as a tree, whatever the wire protocol was
 * @param params typed, validating access to {@code input} with the service's error rules
 * @param caller who signed the request
 * @param region the region from the request's credential scope
 * @param now the sandbox time at which the request is handled
 */
public record Call(
    String operation,
    ObjectNode input,
    Params params,
    Principal caller,
    String region,
    Instant now) {

  public String accountId() {
    return caller.accountId();
  }
}
