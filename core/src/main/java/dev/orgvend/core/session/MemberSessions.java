package dev.orgvend.core.session;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Sessions inside member accounts: AssumeRole on the account's member role with a traceable
 * session name, cached per account and renewed five minutes before they expire. The credentials
 * never leave this class except as a credentials provider for SDK clients.
 */
public final class MemberSessions {
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
  private final AwsClients clients;
  private final AwsCaller caller;
  private final String sessionName;
  private final Ticker ticker;
  private final Map<String, Session> cache = new ConcurrentHashMap<>();

  public MemberSessions(AwsClients clients, AwsCaller caller, String sessionName,
      Ticker ticker) {
    this.clients = clients;
    this.caller = caller;
    this.sessionName = sessionName;
    this.ticker = ticker;
  }

  /** A session in {@code accountId} through {@code roleName}, from the cache while fresh. */
  public StaticCredentialsProvider credentials(String accountId, String roleName) {
    String key = accountId + "/" + roleName;
    Session session = cache.get(key);
    if (session == null || session.expiresAt().minus(RENEW_BEFORE).isBefore(ticker.now())) {
      session = assume(accountId, roleName);
      cache.put(key, session);
    }
    return session.provider();
  }

  private Session assume(String accountId, String roleName) {
    String roleArn = "arn:aws:iam::" + accountId + ":role/" + roleName;
    Credentials c = caller.call("AssumeRole", () -> clients.sts().assumeRole(
        r -> r.roleArn(roleArn).roleSessionName(sessionName).durationSeconds(3600)))
        .credentials();
    return new Session(StaticCredentialsProvider.create(AwsSessionCredentials.create(
        c.accessKeyId(), c.secretAccessKey(), c.sessionToken())), c.expiration());
  }

  /** Forgets a cached session (after the role refused it, say). */
  public void forget(String accountId, String roleName) {
    cache.remove(accountId + "/" + roleName);
  }

  private record Session(StaticCredentialsProvider provider, Instant expiresAt) {
    @Override
    public String toString() {
      return "Session[expires " + expiresAt + "]";
    }
  }
}
