package dev.orgvend.sandbox.auth;

import dev.orgvend.sandbox.state.SandboxClock;
import dev.orgvend.sandbox.state.Store;
import dev.orgvend.sandbox.state.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/** Every access key the sandbox knows, and the check that a request was signed with one. */
public final class Credentials {
  private final Table<AccessKey> keys;
  private final SandboxClock clock;
  /**
   * Keys with an expiry, soonest first, so that {@link #prune} looks only at the keys it drops.
   * It may hold keys already gone from the table (after a reset); prune skips those.
   */
  private final PriorityQueue<AccessKey> byExpiry =
      new PriorityQueue<>(Comparator.comparing(AccessKey::expiration));

  public Credentials(Store store, SandboxClock clock) {
    this.keys = store.table("auth.key", AccessKey.class);
    this.clock = clock;
    keys.values().stream().filter(k -> k.expiration() != null).forEach(byExpiry::add);
  }

  public synchronized void add(AccessKey key) {
    keys.put(key.accessKeyId(), key);
    if (key.expiration() != null) {
      byExpiry.add(key);
    }
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
    Instant cutoff = now.minusSeconds(86_400);
    while (!byExpiry.isEmpty() && byExpiry.peek().expiration().isBefore(cutoff)) {
      AccessKey expired = byExpiry.poll();
      if (keys.get(expired.accessKeyId()) == expired) {
        keys.remove(expired.accessKeyId());
      }
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
