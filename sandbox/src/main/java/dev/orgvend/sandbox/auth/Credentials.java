package dev.orgvend.sandbox.auth;

import dev.orgvend.sandbox.state.Store;
import dev.orgvend.sandbox.state.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Every access key the sandbox issued: the credential authority, as IAM and STS are in AWS.
 * {@link SigV4Authenticator} looks keys up here.
 */
public final class Credentials {
  private final Table<AccessKey> keys;
  /**
   * Keys with an expiry, soonest first, so that {@link #prune} looks only at the keys it drops.
   * It may hold keys already gone from the table (after a reset); prune skips those.
   */
  private final PriorityQueue<AccessKey> byExpiry =
      new PriorityQueue<>(Comparator.comparing(AccessKey::expiration));

  public Credentials(Store store) {
    this.keys = store.table("auth.key", AccessKey.class);
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
}
