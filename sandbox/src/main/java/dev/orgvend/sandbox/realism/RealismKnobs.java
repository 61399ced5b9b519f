package dev.orgvend.sandbox.realism;

import java.time.Duration;
import java.util.Map;

/**
 * The realism knobs this stage reads, as the sandbox's settings have them at the moment a request
 * is handled (the composition root derives them from {@code SandboxSettings}, which declares
 * every knob, its default and its checks).
 *
 * @param latency added to every answer
 * @param faultRate share of requests answered with the service's server error
 * @param dropRate share of requests whose connection is dropped, half before and half after the
 *     operation ran
 * @param throttleRate share of requests refused with the service's throttling error at random
 * @param slowRate share of answers held back by {@code slowLatency} more
 * @param slowLatency how long a slow answer is held back
 * @param publishedRates whether AWS's published per-account rates apply
 * @param rates per-operation rates that replace or add to the published ones
 */
public record RealismKnobs(
    Duration latency,
    double faultRate,
    double dropRate,
    double throttleRate,
    double slowRate,
    Duration slowLatency,
    boolean publishedRates,
    Map<String, TokenRate> rates) {

  public RealismKnobs {
    rates = Map.copyOf(rates);
  }

  /** Whether any knob needs dice; without them, requests are not rolled for. */
  boolean random() {
    return faultRate > 0 || dropRate > 0 || throttleRate > 0 || slowRate > 0;
  }

  /** A token bucket: {@code perSecond} refill, {@code burst} capacity. */
  public record TokenRate(double perSecond, int burst) {}
}
