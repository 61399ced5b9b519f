package dev.orgvend.sandbox.auth;

import dev.orgvend.sandbox.wire.WireRequest;

/** Decides who sent a request; the front asks it once per AWS API request. */
@FunctionalInterface
public interface Authenticator {

  /**
   * The verified caller and the scope it signed for.
   *
   * @throws AuthFailure when the request carries no valid signature by a known key
   */
  Authenticated authenticate(WireRequest request);

  /**
   * A verified caller.
   *
   * @param principal who signed
   * @param region the region of the credential scope
   * @param service the service of the credential scope (its signing name)
   */
  record Authenticated(Principal principal, String region, String service) {}
}
