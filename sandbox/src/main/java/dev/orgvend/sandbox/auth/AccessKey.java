package dev.orgvend.sandbox.auth;

import java.time.Instant;

/**
 * A key pair the sandbox issued: long-term ({@code AKIA…}) for IAM users, temporary ({@code
 * ASIA…}) with a session token and an expiry for assumed-role sessions. These are sandbox-only
 * credentials with no value outside it; still, {@link #toString()} never shows the secret parts.
 */
public record AccessKey(
    String accessKeyId,
    String secretAccessKey,
    String sessionToken,
    Instant expiration,
    Principal principal) {

  public boolean temporary() {
    return sessionToken != null;
  }

  @Override
  public String toString() {
    return "AccessKey[" + accessKeyId + " for " + principal.arn() + "]";
  }
}
