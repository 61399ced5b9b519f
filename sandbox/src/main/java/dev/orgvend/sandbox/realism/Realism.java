package dev.orgvend.sandbox.realism;

import dev.orgvend.sandbox.state.SandboxClock;
import java.time.Instant;

/**
 * The realism knobs at work on one request: added latency and slow answers, injected faults,
 * dropped connections and throttling (random, or by token buckets at AWS's published rates). The
 * front asks {@link Trial#before} after authentication and {@link Trial#dropsAnswer} after the
 * operation ran; dice come from {@link Dice} and time from the sandbox's clock.
 */
public final class Realism {
  /** What happens to a request instead of (or before) its operation. */
  public enum Verdict {
    /** Run the operation. */
    RUN,
    /** Answer with the service's server error; the operation does not run. */
    FAULT,
    /** Close the connection without an answer; the operation does not run. */
    DROP,
    /** Answer with the service's throttling error; the operation does not run. */
    THROTTLE
  }

  private final TokenBuckets buckets = new TokenBuckets();
  private final Dice dice;
  private final SandboxClock clock;
  private final Pause pause;

  public Realism(Dice dice, SandboxClock clock, Pause pause) {
    this.dice = dice;
    this.clock = clock;
    this.pause = pause;
  }

  /** The knobs' work on one authenticated request, rolled for if any random knob is on. */
  public Trial trial(RealismKnobs knobs, String accountId, String service, String operation,
      String region, byte[] body) {
    Dice.Roll roll = knobs.random()
        ? dice.roll(accountId, service, operation, region, body) : null;
    return new Trial(knobs, roll, accountId, operation);
  }

  /** Forgets throttling history and attempt counts (admin reset). */
  public void reset() {
    buckets.reset();
    dice.reset();
  }

  /** One request's share of trouble; ask {@link #before} once, then {@link #dropsAnswer}. */
  public final class Trial {
    private final RealismKnobs knobs;
    private final Dice.Roll roll;
    private final String accountId;
    private final String operation;

    private Trial(RealismKnobs knobs, Dice.Roll roll, String accountId, String operation) {
      this.knobs = knobs;
      this.roll = roll;
      this.accountId = accountId;
      this.operation = operation;
    }

    /** Holds the answer back as the latencies say, then decides whether the operation runs. */
    public Verdict before() {
      pause.hold(knobs.latency());
      if (chance(knobs.slowRate())) {
        pause.hold(knobs.slowLatency());
      }
      if (chance(knobs.faultRate())) {
        return Verdict.FAULT;
      }
      if (chance(knobs.dropRate() / 2)) {
        return Verdict.DROP;
      }
      if (chance(knobs.throttleRate())
          || !buckets.admit(knobs, accountId, operation, nanos(clock.now()))) {
        return Verdict.THROTTLE;
      }
      return Verdict.RUN;
    }

    /** Whether the answer of an operation that ran is lost with its connection. */
    public boolean dropsAnswer() {
      return chance(knobs.dropRate() / 2);
    }

    private boolean chance(double share) {
      return roll != null && roll.chance(share);
    }
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
