package dev.orgvend.sandbox.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's sense of time: a base clock plus an offset that the admin surface can move
 * forward, so tests can make a pending account creation finish or a session expire without
 * sleeping (a test that gives a fixed base clock gets a sandbox where time moves only when told).
 * Signature freshness is checked against the wall clock, never sandbox time, because clients
 * sign with their own real time.
 */
public final class SandboxClock {
  private final Clock base;
  private final Clock wall;
  private final AtomicLong offsetMillis = new AtomicLong();

  /**
   * @param base what sandbox time starts from and runs with
   * @param wall the machine's real time, for checking signatures
   */
  public SandboxClock(Clock base, Clock wall) {
    this.base = base;
    this.wall = wall;
  }

  public static SandboxClock system() {
    return new SandboxClock(Clock.systemUTC(), Clock.systemUTC());
  }

  /** Sandbox time: what resources, sessions and pending creations see. */
  public Instant now() {
    return base.instant().plusMillis(offsetMillis.get());
  }

  /** Wall time of the machine, for checking request signatures and dating answers. */
  public Instant wallNow() {
    return wall.instant();
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
