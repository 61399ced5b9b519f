package dev.orgvend.sandbox.front;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the AWS API requests the sandbox received, so a test (or a user) can prove what a
 * client sent: nothing at all, reads only, or which writes. A request is counted when it
 * arrives, before its body is read and whatever its answer, so a refused write still counts as a
 * write attempted. Admin calls under {@code /_sandbox/} are not counted.
 *
 * <p>Counting on arrival matters for requests whose connection ends while the body is read (a
 * broken chunk, a client that stops sending): the HTTP layer closes those connections itself,
 * and a client that sees the close must already find the request counted. A request therefore
 * counts as unrecognised from its arrival until the operation it names is known.
 *
 * <p>A request that names a known operation counts under its service's signing name and the
 * operation, as a read when the operation's name starts with {@code Describe}, {@code Get} or
 * {@code List} and as a write otherwise ({@code AssumeRole} too: it issues credentials). Any
 * other request (unreadable, unknown operation, no operation at all) counts as unrecognised, by
 * number only, so hostile names cannot grow the table.
 */
public final class RequestStats {
  private final LongAdder reads = new LongAdder();
  private final LongAdder writes = new LongAdder();
  private final LongAdder unrecognised = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final ConcurrentMap<String, ConcurrentMap<String, LongAdder>> byOperation =
      new ConcurrentHashMap<>();

  /**
   * What was counted, at one moment.
   *
   * @param requests every AWS API request received: {@code reads + writes + unrecognised}
   * @param reads requests naming a read operation
   * @param writes requests naming any other known operation
   * @param unrecognised requests that named no known operation
   * @param errors requests answered with an AWS error (any status but 200)
   * @param operations counts by service signing name, then operation, both sorted
   */
  public record Snapshot(long requests, long reads, long writes, long unrecognised, long errors,
      Map<String, Map<String, Long>> operations) {
    public Snapshot {
      TreeMap<String, Map<String, Long>> copy = new TreeMap<>();
      operations.forEach((service, ops) ->
          copy.put(service, Collections.unmodifiableMap(new TreeMap<>(ops))));
      operations = Collections.unmodifiableMap(copy);
    }

    /** How many requests named this operation. */
    public long count(String service, String operation) {
      return operations.getOrDefault(service, Map.of()).getOrDefault(operation, 0L);
    }
  }

  /** Whether an operation of this name only reads, by the AWS naming convention. */
  public static boolean isRead(String operation) {
    return operation.startsWith("Describe") || operation.startsWith("Get")
        || operation.startsWith("List");
  }

  /** A request arrived; it is unrecognised until {@link #recognised} says what it names. */
  public void arrived() {
    unrecognised.increment();
  }

  /** The request that arrived names this known operation. */
  void recognised(String service, String operation) {
    unrecognised.decrement();
    (isRead(operation) ? reads : writes).increment();
    byOperation.computeIfAbsent(service, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(operation, o -> new LongAdder()).increment();
  }

  public void error() {
    errors.increment();
  }

  public Snapshot snapshot() {
    Map<String, Map<String, Long>> ops = new TreeMap<>();
    byOperation.forEach((service, counts) -> {
      Map<String, Long> out = new TreeMap<>();
      counts.forEach((op, n) -> out.put(op, n.sum()));
      ops.put(service, out);
    });
    long r = reads.sum();
    long w = writes.sum();
    long u = unrecognised.sum();
    return new Snapshot(r + w + u, r, w, u, errors.sum(), ops);
  }

  /** Starts counting from zero. */
  public void reset() {
    reads.reset();
    writes.reset();
    unrecognised.reset();
    errors.reset();
    byOperation.clear();
  }
}
