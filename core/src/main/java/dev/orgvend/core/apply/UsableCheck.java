package dev.orgvend.core.apply;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.ErrorKind;
import dev.orgvend.core.session.MemberSessions;
import dev.orgvend.core.time.Ticker;
import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Whether a new account can be entered through its member role yet. New accounts are eventually
 * consistent, so AccessDenied (and anything retryable) is tried again with a doubling wait, up
 * to 30 s apart, until the deadline; any other refusal is final at once. Waits and the deadline
 * are the {@link Ticker}'s.
 */
final class UsableCheck {
  private static final Duration FIRST_WAIT = Duration.ofMillis(250);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
  private final MemberSessions sessions;
  private final Ticker ticker;
  private final Duration timeout;

  /** What the check found. */
  sealed interface Result {}

  /** A session in the account was made. */
  record Usable() implements Result {}

  /** The role refused for good, or kept refusing past the deadline; {@code why} says which. */
  record Refused(String why) implements Result {}

  UsableCheck(MemberSessions sessions, Ticker ticker, Duration timeout) {
    this.sessions = sessions;
    this.ticker = ticker;
    this.timeout = timeout;
  }

  Result await(String accountId, String roleName) {
    long deadline = ticker.nanoTime() + timeout.toNanos();
    Duration wait = FIRST_WAIT;
    while (true) {
      try {
        sessions.credentials(accountId, roleName);
        return new Usable();
      } catch (AwsServiceException e) {
        sessions.forget(accountId, roleName);
        boolean settling = "AccessDenied".equals(ErrorKind.code(e))
            || ErrorKind.of(e).retryable();
        if (!settling) {
          return new Refused("created, but role " + roleName + " cannot be assumed: "
              + ErrorKind.code(e) + ": " + e.awsErrorDetails().errorMessage());
        }
        if (ticker.nanoTime() - deadline > 0) {
          return new Refused("created, but role " + roleName + " could not be assumed within "
              + timeout.toMinutes() + " minutes (" + ErrorKind.code(e) + "); run apply again"
              + " later");
        }
        try {
          ticker.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new AwsCaller.Interrupted();
        }
        wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT
            : wait.multipliedBy(2);
      }
    }
  }
}
