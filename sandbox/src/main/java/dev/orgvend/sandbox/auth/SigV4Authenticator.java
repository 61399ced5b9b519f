package dev.orgvend.sandbox.auth;

import dev.orgvend.sandbox.state.SandboxClock;
import dev.orgvend.sandbox.wire.WireRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates SigV4-signed requests against the keys the sandbox issued: finds the signature
 * in the first {@link SignatureLocation} that holds one, looks its key up, checks the session
 * token of temporary keys, verifies the signature against wall time (clients sign with their own
 * clocks) and the key's expiry against sandbox time (which tests move forward).
 */
public final class SigV4Authenticator implements Authenticator {
  private final Credentials keys;
  private final SandboxClock clock;
  private final List<SignatureLocation> locations;

  public SigV4Authenticator(Credentials keys, SandboxClock clock,
      List<SignatureLocation> locations) {
    this.keys = keys;
    this.clock = clock;
    this.locations = List.copyOf(locations);
  }

  /** Signatures in the {@code Authorization} header, the one place clients put them today. */
  public static SigV4Authenticator headerSigned(Credentials keys, SandboxClock clock) {
    return new SigV4Authenticator(keys, clock, List.of(new HeaderSignature()));
  }

  @Override
  public Authenticated authenticate(WireRequest request) {
    for (SignatureLocation location : locations) {
      Optional<SigV4.Claim> claim = location.read(request);
      if (claim.isPresent()) {
        return verify(request, location, claim.get());
      }
    }
    throw new AuthFailure(AuthFailure.Reason.MISSING, null);
  }

  private Authenticated verify(WireRequest request, SignatureLocation location,
      SigV4.Claim claim) {
    AccessKey key = keys.find(claim.accessKeyId())
        .orElseThrow(() -> new AuthFailure(AuthFailure.Reason.UNKNOWN_KEY, null));
    if (key.temporary()) {
      String token = request.header("x-amz-security-token");
      if (token == null
          || !MessageDigest.isEqual(
              token.getBytes(StandardCharsets.UTF_8),
              key.sessionToken().getBytes(StandardCharsets.UTF_8))) {
        throw new AuthFailure(AuthFailure.Reason.UNKNOWN_KEY, "session token does not match");
      }
    }
    SigV4.verify(request, location, claim, key.secretAccessKey(), clock.wallNow());
    if (key.expiration() != null && !clock.now().isBefore(key.expiration())) {
      throw new AuthFailure(AuthFailure.Reason.EXPIRED_TOKEN, null);
    }
    return new Authenticated(key.principal(), claim.region(), claim.service());
  }
}
