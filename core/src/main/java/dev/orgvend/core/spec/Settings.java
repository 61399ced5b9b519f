package dev.orgvend.core.spec;

import java.util.Objects;

/**
 * How a run talks to AWS: the region for regional calls, the session name put on assumed roles,
 * and how many CreateAccount requests may be in flight at once.
 */
public record Settings(String region, String roleSessionName, int concurrency) {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ROLE_SESSION_NAME = "orgvend";

  /** AWS lets an organization have at most five account creations in progress. */
  public static final int MAX_CONCURRENCY = 5;

  public static final int DEFAULT_CONCURRENCY = MAX_CONCURRENCY;

  public Settings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(roleSessionName, "roleSessionName");
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException("concurrency must be 1.." + MAX_CONCURRENCY);
    }
  }

  /** The settings of a spec that has no {@code settings} section. */
  public static Settings defaults() {
    return new Settings(DEFAULT_REGION, DEFAULT_ROLE_SESSION_NAME, DEFAULT_CONCURRENCY);
  }
}
