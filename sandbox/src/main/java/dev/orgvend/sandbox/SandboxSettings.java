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
 * @param orgLimits the other Organizations quotas, AWS's current values unless lowered for a test
 * @param throttleRate share of requests (0..1) refused with the service's throttling error at
 *     random, whatever the token buckets say
 * @param slowRate share of requests (0..1) whose answer is held back by {@code slowLatency} on
 *     top of {@code latency}
 * @param slowLatency how long a slow answer is held back
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
    int maxCreationsInFlight,
    OrgLimits orgLimits,
    double throttleRate,
    double slowRate,
    Duration slowLatency) {

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

  /**
   * Organizations quotas beyond the account count. Defaults are the values AWS documents today;
   * the older ones (5 SCPs per target, 5,120-character SCPs) can be set to mimic an older org.
   *
   * @param maxOus organizational units per organization
   * @param maxPolicies customer-managed policies of one type per organization
   * @param maxScpChars characters in an SCP document, whitespace included
   * @param maxPoliciesPerTarget policies of one type attached directly to one root, OU or account
   * @param maxConcurrentClosures accounts that may be PENDING_CLOSURE at once
   * @param closeQuotaFloor closures allowed per rolling 30 days in a small organization (the
   *     quota is the larger of this and 20% of the members, capped at 1,000)
   */
  public record OrgLimits(
      int maxOus,
      int maxPolicies,
      int maxScpChars,
      int maxPoliciesPerTarget,
      int maxConcurrentClosures,
      int closeQuotaFloor) {
    public OrgLimits {
      if (maxOus < 1 || maxPolicies < 1 || maxScpChars < 1 || maxPoliciesPerTarget < 1
          || maxConcurrentClosures < 1 || closeQuotaFloor < 1) {
        throw new IllegalArgumentException("organization limits must be at least 1");
      }
    }

    public static OrgLimits aws() {
      return new OrgLimits(2000, 10_000, 10_240, 10, 3, 250);
    }
  }

  public SandboxSettings {
    rateOverrides = Map.copyOf(rateOverrides);
    if (orgLimits == null) {
      orgLimits = OrgLimits.aws();
    }
    if (slowLatency == null) {
      slowLatency = Duration.ZERO;
    }
    for (double share : new double[] {faultRate, dropRate, throttleRate, slowRate}) {
      if (share < 0 || share > 1) {
        throw new IllegalArgumentException(
            "fault, drop, throttle and slow rates must be between 0 and 1");
      }
    }
    if (latency.isNegative() || slowLatency.isNegative()) {
      throw new IllegalArgumentException("latencies must not be negative");
    }
    if (accountLimit < 1 || maxCreationsInFlight < 1) {
      throw new IllegalArgumentException("account limit and creations in flight must be at least 1");
    }
  }

  /** The settings without random throttling or slow answers. */
  public SandboxSettings(Duration createAccountDelay, Throttling throttling,
      Map<String, Rate> rateOverrides, Duration latency, double faultRate, double dropRate,
      OverQuota overQuota, int accountLimit, int maxCreationsInFlight, OrgLimits orgLimits) {
    this(createAccountDelay, throttling, rateOverrides, latency, faultRate, dropRate, overQuota,
        accountLimit, maxCreationsInFlight, orgLimits, 0, 0, Duration.ZERO);
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
        5,
        OrgLimits.aws());
  }

  public SandboxSettings withCreateAccountDelay(Duration delay) {
    return new SandboxSettings(delay, throttling, rateOverrides, latency, faultRate, dropRate,
        overQuota, accountLimit, maxCreationsInFlight, orgLimits, throttleRate, slowRate,
        slowLatency);
  }

  public SandboxSettings withThrottling(Throttling mode, Map<String, Rate> overrides) {
    return new SandboxSettings(createAccountDelay, mode, overrides, latency, faultRate, dropRate,
        overQuota, accountLimit, maxCreationsInFlight, orgLimits, throttleRate, slowRate,
        slowLatency);
  }

  public SandboxSettings withFaults(Duration latency, double faultRate, double dropRate) {
    return new SandboxSettings(createAccountDelay, throttling, rateOverrides, latency, faultRate,
        dropRate, overQuota, accountLimit, maxCreationsInFlight, orgLimits, throttleRate, slowRate,
        slowLatency);
  }

  public SandboxSettings withQuotas(OverQuota overQuota, int accountLimit, int maxInFlight) {
    return new SandboxSettings(createAccountDelay, throttling, rateOverrides, latency, faultRate,
        dropRate, overQuota, accountLimit, maxInFlight, orgLimits, throttleRate, slowRate,
        slowLatency);
  }

  /**
   * Random trouble on top of the faults: {@code throttleRate} of requests throttled,
   * {@code slowRate} of answers held back by {@code slowLatency}.
   */
  public SandboxSettings withTrouble(double throttleRate, double slowRate,
      Duration slowLatency) {
    return new SandboxSettings(createAccountDelay, throttling, rateOverrides, latency, faultRate,
        dropRate, overQuota, accountLimit, maxCreationsInFlight, orgLimits, throttleRate,
        slowRate, slowLatency);
  }

  public SandboxSettings withOrgLimits(OrgLimits limits) {
    return new SandboxSettings(createAccountDelay, throttling, rateOverrides, latency, faultRate,
        dropRate, overQuota, accountLimit, maxCreationsInFlight, limits, throttleRate, slowRate,
        slowLatency);
  }
}
