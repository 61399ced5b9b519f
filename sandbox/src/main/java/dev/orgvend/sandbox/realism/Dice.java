package dev.orgvend.sandbox.realism;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dice behind faults, drops, random throttles and slow answers, seeded so that a fault run
 * replays from its seed. Each request gets its own roll, derived from the seed, what the request
 * is (caller, service, operation, region, body) and how many times that same request was seen
 * before. A request's fate therefore does not depend on which other requests raced it to the
 * server: the same client sending the same requests meets the same faults, even from many threads
 * at once, and its retries meet the faults its first run met.
 */
public final class Dice {
  /** Past this many distinct requests the attempt counts start again, to bound memory. */
  static final int MAX_TRACKED = 1_000_000;

  private final long seed;
  private final ConcurrentHashMap<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();

  public Dice(long seed) {
    this.seed = seed;
  }

  /** The roll for one request; call once per request, it counts the attempt. */
  public Roll roll(String caller, String service, String operation, String region, byte[] body) {
    long what = hash(hash(hash(hash(hash(FNV_OFFSET, caller), service), operation), region),
        body);
    if (attempts.size() >= MAX_TRACKED) {
      attempts.clear();
    }
    int attempt = attempts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    return new Roll(new SplittableRandom(mix(seed ^ mix(what + attempt))));
  }

  /** Forgets how often each request was seen (admin reset). */
  public void reset() {
    attempts.clear();
  }

  /** One request's dice; draws happen in a fixed order, and only for knobs that are on. */
  public static final class Roll {
    private final SplittableRandom random;

    Roll(SplittableRandom random) {
      this.random = random;
    }

    /** True with probability {@code share}; draws nothing when the share is 0. */
    public boolean chance(double share) {
      return share > 0 && random.nextDouble() < share;
    }
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private static long hash(long h, String text) {
    return hash(h, (text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
  }

  private static long hash(long h, byte[] bytes) {
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    // A separator, so ("ab", "c") and ("a", "bc") differ.
    return (h ^ 0xff) * FNV_PRIME;
  }

  /** A 64-bit finaliser (MurmurHash3's), so nearby inputs give unrelated seeds. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
