package dev.orgvend.sandbox.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's sense of time: a base clock plus an offset that the admin surface can move
 * forward, so tests can make a pending account creation finish or a session expire without
 * sleeping. Signature freshness is checked against the base clock, never the advanced one,
 * because clients sign with their own real time.
 */
public final class SandboxClock {
  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  public SandboxClock(Clock base) {
    this.base = base;
  }

  public static SandboxClock system() {
    return new SandboxClock(Clock.systemUTC());
  }

  /** Sandbox time: what resources, sessions and pending creations see. */
  public Instant now() {
    return base.instant().plusMillis(offsetMillis.get());
  }

  /** Wall time of the machine, for checking request signatures. */
  public Instant wallNow() {
    return base.instant();
  }

  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("time only moves forward");
    }
    offsetMillis.addAndGet(by.toMillis());
  }

  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }
}
