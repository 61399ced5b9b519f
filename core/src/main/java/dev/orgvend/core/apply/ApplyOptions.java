package dev.orgvend.core.apply;

import java.time.Duration;

/**
 * How apply runs.
 *
 * @param concurrency CreateAccount requests in flight at once (AWS allows 5)
 * @param sessionName the RoleSessionName used when checking that a new account is usable
 * @param pollMin shortest wait between creation-status polls
 * @param pollMax longest wait between creation-status polls
 * @param creationTimeout how long to wait for one account creation before giving up on it
 * @param usableTimeout how long a new account may refuse AssumeRole before it counts as failed
 * @param verifyUsable whether to check that each new account can be entered through its role
 */
public record ApplyOptions(int concurrency, String sessionName, Duration pollMin,
    Duration pollMax, Duration creationTimeout, Duration usableTimeout, boolean verifyUsable) {

  public static ApplyOptions defaults(int concurrency, String sessionName) {
    return new ApplyOptions(concurrency, sessionName, Duration.ofMillis(200),
        Duration.ofSeconds(15), Duration.ofMinutes(30), Duration.ofMinutes(10), true);
  }
}
