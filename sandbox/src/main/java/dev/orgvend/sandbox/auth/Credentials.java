package dev.orgvend.sandbox.auth;

import dev.orgvend.sandbox.state.SandboxClock;
import dev.orgvend.sandbox.state.Store;
import dev.orgvend.sandbox.state.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every access key the sandbox knows, and the check that a request was signed with one. */
public final class Credentials {
  private final Table<AccessKey> keys;
  private final SandboxClock clock;

  public Credentials(Store store, SandboxClock clock) {
    this.keys = store.table("auth.key", AccessKey.class);
    this.clock = clock;
  }

  public synchronized void add(AccessKey key) {
    keys.put(key.accessKeyId(), key);
  }

  public synchronized Optional<AccessKey> find(String accessKeyId) {
    return keys.find(accessKeyId);
  }

  /** Every key, long-term and temporary, that has not been pruned. */
  public synchronized List<AccessKey> all() {
    return List.copyOf(keys.values());
  }

  /** The first long-term key of the principal with this ARN, if any. */
  public synchronized Optional<AccessKey> firstLongTermKey(String principalArn) {
    return keys.values().stream()
        .filter(k -> !k.temporary() && k.principal().arn().equals(principalArn))
        .findFirst();
  }

  /** Drops temporary keys that expired more than a day ago, to keep the table small. */
  public synchronized void prune(Instant now) {
    for (AccessKey key : keys.where(k -> k.expiration() != null
        && k.expiration().plusSeconds(86_400).isBefore(now))) {
      keys.remove(key.accessKeyId());
    }
  }

  /**
   * Who signed this request. Throws {@link AuthError.Failure} when the key is unknown, the
   * session token is wrong or expired, or the signature does not verify.
   */
  public Authenticated authenticate(SigV4.Request request) {
    SigV4.Claim claim = SigV4.parse(request);
    AccessKey key;
    synchronized (this) {
      key = keys.get(claim.accessKeyId());
    }
    if (key == null) {
      throw new AuthError.Failure(AuthError.UNKNOWN_KEY, null);
    }
    if (key.temporary()) {
      String token = request.header("x-amz-security-token");
      if (token == null
          || !MessageDigest.isEqual(
              token.getBytes(StandardCharsets.UTF_8),
              key.sessionToken().getBytes(StandardCharsets.UTF_8))) {
        throw new AuthError.Failure(AuthError.UNKNOWN_KEY, "session token does not match");
      }
    }
    SigV4.verify(request, claim, key.secretAccessKey(), clock.wallNow());
    if (key.expiration() != null && !clock.now().isBefore(key.expiration())) {
      throw new AuthError.Failure(AuthError.EXPIRED_TOKEN, null);
    }
    return new Authenticated(key.principal(), claim.region(), claim.service(), key);
  }

  /** A verified caller and the scope it signed for. */
  public record Authenticated(Principal principal, String region, String service, AccessKey key) {}
}
