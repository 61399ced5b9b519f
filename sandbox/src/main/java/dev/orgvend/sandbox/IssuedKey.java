package dev.orgvend.sandbox;

import java.time.Instant;

/**
 * An access key a sandbox issued ({@link Sandbox#accessKeys()}): long-term ({@code AKIA…}) for
 * its IAM users, temporary ({@code ASIA…}, with a session token and an expiry) for assumed-role
 * sessions. Sandbox-only keys with no value outside it; still, {@link #toString()} never shows
 * the secret parts.
 *
 * @param accessKeyId the key id
 * @param secretAccessKey the secret
 * @param sessionToken the session token of a temporary key, or null
 * @param expiration when a temporary key expires (sandbox time), or null
 * @param accountId the account the key acts in
 * @param arn the ARN of the user or assumed-role session the key belongs to
 */
public record IssuedKey(String accessKeyId, String secretAccessKey, String sessionToken,
    Instant expiration, String accountId, String arn) {

  public boolean temporary() {
    return sessionToken != null;
  }

  @Override
  public String toString() {
    return "IssuedKey[" + accessKeyId + " for " + arn + "]";
  }
}
