package dev.orgvend.sandbox;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS API requests a sandbox received, at one moment ({@link Sandbox#stats()}). A request is
 * counted when it arrives, whatever its answer, so a refused write still counts as a write
 * attempted; admin calls under {@code /_sandbox/} are not counted. A request that names a known
 * operation counts under its service's signing name and the operation, as a read when the
 * operation's name starts with {@code Describe}, {@code Get} or {@code List} and as a write
 * otherwise; anything else is unrecognised, by number only.
 *
 * @param requests every AWS API request received: {@code reads + writes + unrecognised}
 * @param reads requests naming a read operation
 * @param writes requests naming any other known operation
 * @param unrecognised requests that named no known operation (or are still being read)
 * @param errors requests answered with an AWS error (any status but 200)
 * @param operations counts by service signing name, then operation, both sorted
 */
public record RequestCounts(long requests, long reads, long writes, long unrecognised,
    long errors, Map<String, Map<String, Long>> operations) {

  public RequestCounts {
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
