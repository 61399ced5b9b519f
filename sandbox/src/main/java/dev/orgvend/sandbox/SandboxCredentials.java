package dev.orgvend.sandbox;

/**
 * The management account's long-term keys for this sandbox. They open nothing outside the
 * sandbox, but are still kept out of {@link #toString()} so they do not end up in logs by accident.
 */
public record SandboxCredentials(String accessKeyId, String secretAccessKey, String accountId) {
  @Override
  public String toString() {
    return "SandboxCredentials[" + accessKeyId + " for account " + accountId + "]";
  }
}
