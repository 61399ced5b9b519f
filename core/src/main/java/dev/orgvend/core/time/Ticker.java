package dev.orgvend.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Time as the engine sees it: the wall clock for what is recorded, a monotonic reading for
 * intervals and deadlines, and the only two ways the engine waits (for a while, or for a result
 * until a deadline). Every poller, retry, pacing bucket and deadline reads this, never the
 * system clock, so tests drive them with a fake that moves only when told and nothing sleeps.
 */
public interface Ticker {
  /** Wall-clock time, for records (the journal) and comparisons with AWS's timestamps. */
  Instant now();

  /** A monotonic reading in nanoseconds, for intervals and deadlines; only differences count. */
  long nanoTime();

  /** Waits for {@code duration}; returns at once when it is zero or negative. */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Waits until {@code future} completes or {@code timeout} has passed.
   *
   * @return the future's value
   * @throws TimeoutException if the timeout passed first (the future is left as it is)
   * @throws ExecutionException if the future failed
   */
  <T> T await(CompletableFuture<T> future, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException;

  /** This ticker's wall time as a {@link Clock} (UTC), for APIs that take one. */
  default Clock clock() {
    return new TickerClock(this);
  }

  /** The system's clocks; waiting is really waiting. */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}
