package dev.orgvend.core.aws;

import dev.orgvend.core.time.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side pacing, one token bucket per operation. Buckets run a little under the {@link
 * RateTable}'s rate (2% margin: client and server clocks and network delays never line up
 * exactly). When the service throttles anyway, the bucket first just empties (the next call
 * waits a full interval); a second throttle within ten seconds cuts the rate by 30%. Successes
 * climb back towards the table's rate. Operations the table does not list run unpaced until
 * first throttled; then they start at one call a second, and successes raise the rate by a tenth
 * each until it passes {@value #UNPACED_AGAIN} a second, where pacing stops again. (Without that,
 * one bad minute of throttling slowed such an operation for the rest of the run: in the fault
 * runs an apply of 30 accounts under 15% random throttling took 181 s instead of 113 s.)
 */
public final class RateGovernor {
  private static final double FLOOR = 0.02;
  private static final double MARGIN = 0.98;
  private static final long REPEAT_WINDOW_NANOS = 10_000_000_000L;
  /** Calls per second above which an operation without a published rate runs unpaced again. */
  static final double UNPACED_AGAIN = 20;
  private final RateTable table;
  private final Ticker ticker;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateGovernor(RateTable table, Ticker ticker) {
    this.table = table;
    this.ticker = ticker;
  }

  /** Blocks until {@code operation} may be called. */
  public void acquire(String operation) throws InterruptedException {
    Bucket bucket = bucket(operation);
    Duration wait;
    while (!(wait = bucket.reserve(ticker.nanoTime())).isZero()) {
      ticker.sleep(wait);
    }
  }

  /** The service said "too fast": halve this operation's rate. */
  public void throttled(String operation) {
    bucket(operation).slowDown(ticker.nanoTime());
  }

  /** A call went through: let the rate creep back up. */
  public void succeeded(String operation) {
    Bucket bucket = buckets.get(operation);
    if (bucket != null) {
      bucket.recover();
    }
  }

  /** The current rate of an operation, or null while unpaced. */
  public Double currentRate(String operation) {
    Bucket bucket = buckets.get(operation);
    return bucket == null ? null : bucket.rate();
  }

  private Bucket bucket(String operation) {
    return buckets.computeIfAbsent(operation, op -> new Bucket(table.rate(op).orElse(null),
        ticker.nanoTime()));
  }

  private static final class Bucket {
    private final Rate ceiling;
    private double rate;
    private double capacity;
    private double tokens;
    private long last;
    private boolean paced;
    private long lastThrottle = Long.MIN_VALUE;

    Bucket(Rate ceiling, long now) {
      this.ceiling = ceiling;
      this.paced = ceiling != null;
      this.rate = ceiling == null ? 0 : ceiling.perSecond() * MARGIN;
      this.capacity = ceiling == null ? 1 : ceiling.burst();
      this.tokens = capacity;
      this.last = now;
    }

    synchronized Duration reserve(long now) {
      if (!paced) {
        return Duration.ZERO;
      }
      tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Duration.ZERO;
      }
      double seconds = (1 - tokens) / rate;
      return Duration.ofNanos(Math.max(1_000_000L, (long) (seconds * 1e9)));
    }

    synchronized void slowDown(long now) {
      if (!paced) {
        paced = true;
        rate = 1;
        capacity = 1;
        tokens = 0;
        last = now;
        return;
      }
      boolean repeated = lastThrottle != Long.MIN_VALUE && now - lastThrottle < REPEAT_WINDOW_NANOS;
      lastThrottle = now;
      if (repeated) {
        rate = Math.max(FLOOR, rate * 0.7);
      }
      tokens = Math.min(tokens, 0);
      last = now;
    }

    synchronized void recover() {
      if (!paced) {
        return;
      }
      if (ceiling == null) {
        rate *= 1.1;
        if (rate > UNPACED_AGAIN) {
          paced = false;
        }
      } else if (rate < ceiling.perSecond() * MARGIN) {
        rate = Math.min(ceiling.perSecond() * MARGIN, rate + ceiling.perSecond() * 0.1);
      }
    }

    synchronized double rate() {
      return paced ? rate : 0;
    }
  }
}
