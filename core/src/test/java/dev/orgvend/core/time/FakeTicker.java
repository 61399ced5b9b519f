package dev.orgvend.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A ticker for tests: time moves only when told, and nothing really sleeps. Two ways to run it:
 *
 * <ul>
 *   <li>{@link #advancingOnSleep()}: every sleep moves time forward by its duration and returns
 *       at once, for code that runs in the test's own thread (retries, pacing, backoff loops);
 *   <li>{@link #manual()}: a sleep or a wait blocks until the test {@link #advance advances}
 *       time past it, for code in other threads (pollers). The test learns that the code under
 *       test has reached its wait from {@link #awaitWaiters}, an event, never from time.
 * </ul>
 *
 * Every sleep's duration is recorded, so a test can assert the schedule the code chose.
 */
public final class FakeTicker implements Ticker {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private final boolean advanceOnSleep;
  private final List<Duration> sleeps = new ArrayList<>();
  private long nanos;
  private int waiters;

  private FakeTicker(boolean advanceOnSleep) {
    this.advanceOnSleep = advanceOnSleep;
  }

  public static FakeTicker advancingOnSleep() {
    return new FakeTicker(true);
  }

  public static FakeTicker manual() {
    return new FakeTicker(false);
  }

  @Override
  public synchronized Instant now() {
    return START.plusNanos(nanos);
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized void sleep(Duration duration) throws InterruptedException {
    sleeps.add(duration);
    long until = nanos + Math.max(0, duration.toNanos());
    if (advanceOnSleep) {
      nanos = until;
      notifyAll();
      return;
    }
    waitUntil(until, null);
  }

  @Override
  public <T> T await(CompletableFuture<T> future, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    future.whenComplete((value, error) -> {
      synchronized (this) {
        notifyAll();
      }
    });
    synchronized (this) {
      long until = nanos + Math.max(0, timeout.toNanos());
      if (advanceOnSleep && !future.isDone()) {
        // Nobody else moves time in this mode: the wait lasts until the deadline.
        nanos = until;
      }
      waitUntil(until, future);
    }
    if (!future.isDone()) {
      throw new TimeoutException("fake deadline of " + timeout + " passed");
    }
    return future.get();
  }

  private void waitUntil(long until, CompletableFuture<?> orDone) throws InterruptedException {
    waiters++;
    notifyAll();
    try {
      while (nanos < until && (orDone == null || !orDone.isDone())) {
        wait();
      }
    } finally {
      waiters--;
      notifyAll();
    }
  }

  /** Moves time forward, waking every sleep and wait whose end has come. */
  public synchronized void advance(Duration duration) {
    nanos += duration.toNanos();
    notifyAll();
  }

  /** Blocks until at least {@code count} threads are sleeping or waiting on this ticker. */
  public synchronized void awaitWaiters(int count) throws InterruptedException {
    while (waiters < count) {
      wait();
    }
  }

  /** Blocks until at least {@code count} sleeps have begun since this ticker was made. */
  public synchronized void awaitSleeps(int count) throws InterruptedException {
    while (sleeps.size() < count) {
      wait();
    }
  }

  /** The durations of every sleep so far, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Time passed since the start. */
  public synchronized Duration elapsed() {
    return Duration.ofNanos(nanos);
  }
}
