package dev.orgvend.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the admin API may do to the sandbox, and nothing more: the composition root implements
 * it, so this package needs neither the sandbox nor its internals.
 */
public interface Control {

  /** {@code accessKeyId}, {@code secretAccessKey}, {@code accountId} and {@code endpoint}. */
  Map<String, String> credentials();

  /** Wipes all state and request counts; the management keys stay. */
  void reset();

  /** Moves sandbox time forward; returns the new sandbox time. */
  Instant advanceClock(Duration by);

  /** How far sandbox time has been moved ahead of the clock under it. */
  Duration clockOffset();

  /** Marks addresses as used by accounts outside the organization. */
  void addTakenEmails(List<String> emails);

  /** All state as JSON, secrets masked. */
  JsonNode state();

  /** The request counts as JSON. */
  JsonNode stats();

  /** Starts counting requests from zero. */
  void resetStats();

  /** The realism knobs as JSON. */
  JsonNode settings();

  /**
   * Changes the knobs named in {@code patch}; returns them all.
   *
   * @throws IllegalArgumentException naming the member that is unknown or out of range
   */
  JsonNode updateSettings(JsonNode patch);
}
