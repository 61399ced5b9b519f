package dev.orgvend.core.aws;

import dev.orgvend.core.time.Ticker;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs AWS calls the way orgvend wants them run: paced by the {@link RateGovernor}, retried with
 * exponential backoff and full jitter when the {@link ErrorKind} says a retry can help
 * (throttling, ConcurrentModificationException, 5xx, network faults), and counted. The SDK's own
 * retries are switched off so that this is the one place that decides. Waits go through the
 * {@link Ticker} and the jitter comes from the given random source, so a seed replays them.
 */
public final class AwsCaller {
  private final RateGovernor governor;
  private final Ticker ticker;
  private final RandomGenerator random;
  private final CallStats stats;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;

  /**
   * @param random the source of the backoff jitter; shared by every calling thread, so it must
   *     be thread-safe ({@link java.util.Random} is)
   */
  public AwsCaller(RateGovernor governor, Ticker ticker, RandomGenerator random, CallStats stats,
      int maxAttempts, Duration baseDelay, Duration maxDelay) {
    this.governor = governor;
    this.ticker = ticker;
    this.random = random;
    this.stats = stats;
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
  }

  /** Ten attempts, backoff from 200 ms up to 20 s, pacing at {@code rates}. */
  public static AwsCaller standard(RateTable rates, Ticker ticker, RandomGenerator random) {
    return new AwsCaller(new RateGovernor(rates, ticker), ticker, random, new CallStats(), 10,
        Duration.ofMillis(200), Duration.ofSeconds(20));
  }

  public CallStats stats() {
    return stats;
  }

  /**
   * Calls {@code call} as {@code operation}. Throws the last error when it is terminal or the
   * attempts are used up; throws {@link Interrupted} if the thread is interrupted while waiting.
   */
  public <T> T call(String operation, Supplier<T> call) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        governor.acquire(operation);
        stats.called(operation);
        T result = call.get();
        governor.succeeded(operation);
        return result;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Interrupted();
      } catch (RuntimeException e) {
        ErrorKind kind = ErrorKind.of(e);
        stats.failed(ErrorKind.code(e));
        if (!kind.retryable() || attempt == maxAttempts) {
          throw e;
        }
        if (kind == ErrorKind.THROTTLED) {
          governor.throttled(operation);
        }
        last = e;
        backoff(attempt);
      }
    }
    throw last;
  }

  public void run(String operation, Runnable call) {
    call(operation, () -> {
      call.run();
      return null;
    });
  }

  private void backoff(int attempt) {
    long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
    long delay = random.nextLong(cap / 2, cap + 1);
    try {
      ticker.sleep(Duration.ofMillis(delay));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interrupted();
    }
  }

  /** The run was interrupted (Ctrl-C) while waiting to call or to retry. */
  public static final class Interrupted extends RuntimeException {
    public Interrupted() {
      super("interrupted");
    }
  }
}
