package dev.orgvend.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * The sandbox's realism knobs, resolved once and replaced whole when changed at run time.
 *
 * @param createAccountDelay how long a CreateAccount request stays IN_PROGRESS
 * @param throttling {@code off}, or {@code aws} for the published Organizations rates
 * @param rateOverrides per-operation rates that replace or add to the throttling table
 * @param latency added to every AWS API response
 * @param faultRate share of requests (0..1) answered with an injected server error
 * @param dropRate share of requests (0..1) whose connection is dropped, before or after the
 *     operation ran (a client cannot tell which)
 * @param overQuota how CreateAccount reports a full organization: {@code sync}
 *     (ConstraintViolationException at once) or {@code async} (the request FAILS later)
 * @param accountLimit accounts an organization may hold, management account included
 * @param maxCreationsInFlight create-account requests that may be IN_PROGRESS at once
 */
public record SandboxSettings(
    Duration createAccountDelay,
    Throttling throttling,
    Map<String, Rate> rateOverrides,
    Duration latency,
    double faultRate,
    double dropRate,
    OverQuota overQuota,
    int accountLimit,
    int maxCreationsInFlight) {

  public enum Throttling {
    OFF,
    AWS
  }

  public enum OverQuota {
    SYNC,
    ASYNC
  }

  /** A token bucket: {@code perSecond} refill, {@code burst} capacity. */
  public record Rate(double perSecond, int burst) {
    public static Rate parse(String text) {
      String[] parts = text.split(":");
      try {
        double perSecond = Double.parseDouble(parts[0]);
        int burst = parts.length > 1 ? Integer.parseInt(parts[1]) : (int) Math.max(1, perSecond);
        if (perSecond <= 0 || burst < 1 || parts.length > 2) {
          throw new NumberFormatException();
        }
        return new Rate(perSecond, burst);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "rate must look like RATE or RATE:BURST with RATE > 0 and BURST >= 1, got '" + text + "'");
      }
    }
  }

  public SandboxSettings {
    rateOverrides = Map.copyOf(rateOverrides);
    if (faultRate < 0 || faultRate > 1 || dropRate < 0 || dropRate > 1) {
      throw new IllegalArgumentException("fault and drop rates must be between 0 and 1");
    }
    if (accountLimit < 1 || maxCreationsInFlight < 1) {
      throw new IllegalArgumentException("account limit and creations in flight must be at least 1");
    }
  }

  /** Fast and faithful: short creation delay, no throttling, no faults, AWS's in-flight limit. */
  public static SandboxSettings defaults() {
    return new SandboxSettings(
        Duration.ofSeconds(2),
        Throttling.OFF,
        Map.of(),
        Duration.ZERO,
        0,
        0,
        OverQuota.SYNC,
        10_000,
        5);
  }

  public SandboxSettings withCreateAccountDelay(Duration delay) {
    return new SandboxSettings(delay, throttling, rateOverrides, latency, faultRate, dropRate,
        overQuota, accountLimit, maxCreationsInFlight);
  }

  public SandboxSettings withThrottling(Throttling mode, Map<String, Rate> overrides) {
    return new SandboxSettings(createAccountDelay, mode, overrides, latency, faultRate, dropRate,
        overQuota, accountLimit, maxCreationsInFlight);
  }

  public SandboxSettings withFaults(Duration latency, double faultRate, double dropRate) {
    return new SandboxSettings(createAccountDelay, throttling, rateOverrides, latency, faultRate,
        dropRate, overQuota, accountLimit, maxCreationsInFlight);
  }

  public SandboxSettings withQuotas(OverQuota overQuota, int accountLimit, int maxInFlight) {
    return new SandboxSettings(createAccountDelay, throttling, rateOverrides, latency, faultRate,
        dropRate, overQuota, accountLimit, maxInFlight);
  }
}
