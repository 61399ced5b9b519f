package dev.orgvend.sandbox;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The sandbox's realism knobs, resolved once and replaced whole when changed at run time.
 *
 * <p>Every knob is declared once, in the table below ({@link #knobs()}): its name in the admin
 * API's JSON, its command-line flag, its default, its help text and its checks. {@code orgvend
 * sandbox serve} builds its flags from the table, {@code GET}/{@code POST /_sandbox/settings}
 * reads and writes it, and the accessors here read it; a new knob is one more row.
 */
public final class SandboxSettings {

  /** Throttling by token buckets: {@code OFF}, or {@code AWS} for Organizations' published rates. */
  public enum Throttling {
    OFF,
    AWS
  }

  /**
   * How CreateAccount reports a full organization: {@code SYNC} (ConstraintViolationException at
   * once) or {@code ASYNC} (the request FAILS later with ACCOUNT_LIMIT_EXCEEDED).
   */
  public enum OverQuota {
    SYNC,
    ASYNC
  }

  /** A token bucket: {@code perSecond} refill, {@code burst} capacity. */
  public record Rate(double perSecond, int burst) {
    public Rate {
      if (!(perSecond > 0) || burst < 1) {
        throw new IllegalArgumentException(
            "a rate needs RATE > 0 and BURST >= 1, got " + perSecond + ":" + burst);
      }
    }

    /** {@code RATE} or {@code RATE:BURST}, e.g. {@code 0.5} or {@code 1:3}. */
    public static Rate parse(String text) {
      String[] parts = text.split(":");
      try {
        double perSecond = Double.parseDouble(parts[0]);
        int burst = parts.length > 1 ? Integer.parseInt(parts[1]) : (int) Math.max(1, perSecond);
        if (!(perSecond > 0) || burst < 1 || parts.length > 2) {
          throw new NumberFormatException();
        }
        return new Rate(perSecond, burst);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "rate must look like RATE or RATE:BURST with RATE > 0 and BURST >= 1, got '" + text
                + "'");
      }
    }

    @Override
    public String toString() {
      return perSecond + ":" + burst;
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

  /**
   * One realism knob, as the table declares it.
   *
   * @param <T> the type of its value
   */
  public static final class Knob<T> {
    private final String name;
    private final String option;
    private final String paramLabel;
    private final String help;
    private final T defaultValue;
    private final KnobType<T> type;

    private Knob(String name, String option, String paramLabel, String help, T defaultValue,
        KnobType<T> type) {
      this.name = name;
      this.option = option;
      this.paramLabel = paramLabel;
      this.help = help;
      this.defaultValue = defaultValue;
      this.type = type;
    }

    /** Its member in the admin API's settings JSON, e.g. {@code faultRate}. */
    public String name() {
      return name;
    }

    /** Its command-line flag, e.g. {@code --fault-rate}; empty for a knob set in JSON only. */
    public Optional<String> option() {
      return Optional.ofNullable(option);
    }

    /** What the flag's value looks like, e.g. {@code SHARE} or {@code OPERATION=RATE[:BURST]}. */
    public String paramLabel() {
      return paramLabel;
    }

    /** One sentence on what it does. */
    public String help() {
      return help;
    }

    public T defaultValue() {
      return defaultValue;
    }

    /** The default as the flag would be written, or empty when there is nothing to write. */
    public String defaultText() {
      return type.format(defaultValue);
    }

    /** Whether the flag may be given more than once (each time adds an entry). */
    public boolean repeatable() {
      return type.repeatable();
    }

    /**
     * The value the flag's text (each occurrence, for a repeatable flag) stands for.
     *
     * @throws IllegalArgumentException saying what is wrong, without naming the flag
     */
    public T parse(List<String> texts) {
      if (texts.isEmpty()) {
        throw new IllegalArgumentException("needs a value");
      }
      T value = type.parse(texts);
      check(value).ifPresent(problem -> {
        throw new IllegalArgumentException(problem);
      });
      return value;
    }

    /** What is wrong with {@code value} for this knob, e.g. "must be between 0 and 1, got 2". */
    public Optional<String> check(T value) {
      return Optional.ofNullable(type.problem(value));
    }

    KnobType<T> type() {
      return type;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  // The table: one row per knob, in the order the admin API's JSON and the help list them.

  public static final Knob<Duration> CREATE_ACCOUNT_DELAY = new Knob<>("createAccountDelayMs",
      "--create-delay", "DURATION",
      "How long CreateAccount stays IN_PROGRESS, and CloseAccount PENDING_CLOSURE.",
      Duration.ofSeconds(2), KnobType.DURATION);
  public static final Knob<Throttling> THROTTLING = new Knob<>("throttling",
      "--throttle", "off|aws",
      "Throttling: off, or aws for Organizations' published per-account rates.",
      Throttling.OFF, KnobType.enumType(Throttling.class));
  public static final Knob<Map<String, Rate>> RATES = new Knob<>("rates",
      "--rate", "OPERATION=RATE[:BURST]",
      "Throttle one operation at RATE requests a second with bursts of BURST, e.g."
          + " CreateAccount=1:3; repeat the flag for more operations.",
      Map.of(), KnobType.RATES);
  public static final Knob<Duration> LATENCY = new Knob<>("latencyMs",
      "--latency", "DURATION", "Delay added to every AWS API answer, e.g. 20ms.",
      Duration.ZERO, KnobType.DURATION);
  public static final Knob<Double> FAULT_RATE = new Knob<>("faultRate",
      "--fault-rate", "SHARE",
      "Share of requests (0 to 1) answered with an injected server error.",
      0.0, KnobType.SHARE);
  public static final Knob<Double> DROP_RATE = new Knob<>("dropRate",
      "--drop-rate", "SHARE",
      "Share of requests (0 to 1) whose connection is dropped, before or after the operation"
          + " ran.",
      0.0, KnobType.SHARE);
  public static final Knob<Double> THROTTLE_RATE = new Knob<>("throttleRate",
      "--throttle-rate", "SHARE",
      "Share of requests (0 to 1) refused with the service's throttling error at random, on top"
          + " of any rates.",
      0.0, KnobType.SHARE);
  public static final Knob<Double> SLOW_RATE = new Knob<>("slowRate",
      "--slow-rate", "SHARE",
      "Share of requests (0 to 1) answered late, by the slow latency.",
      0.0, KnobType.SHARE);
  public static final Knob<Duration> SLOW_LATENCY = new Knob<>("slowLatencyMs",
      "--slow-latency", "DURATION", "How late a slow answer is.",
      Duration.ofSeconds(2), KnobType.DURATION);
  public static final Knob<OverQuota> OVER_QUOTA = new Knob<>("overQuota",
      "--over-quota", "sync|async",
      "How a full organization rejects CreateAccount: sync (ConstraintViolationException at"
          + " once) or async (the request fails later with ACCOUNT_LIMIT_EXCEEDED).",
      OverQuota.SYNC, KnobType.enumType(OverQuota.class));
  public static final Knob<Integer> ACCOUNT_LIMIT = new Knob<>("accountLimit",
      "--account-limit", "N",
      "Accounts the organization may hold, management account included (AWS starts"
          + " organizations at 10 and raises it on request).",
      10_000, KnobType.COUNT);
  public static final Knob<Integer> MAX_CREATIONS_IN_FLIGHT = new Knob<>("maxCreationsInFlight",
      "--max-creations-in-flight", "N",
      "CreateAccount requests that may be IN_PROGRESS at once (AWS: 5).",
      5, KnobType.COUNT);
  public static final Knob<OrgLimits> ORG_LIMITS = new Knob<>("orgLimits",
      null, "OBJECT",
      "The other Organizations quotas, as an object: maxOus, maxPolicies, maxScpChars,"
          + " maxPoliciesPerTarget, maxConcurrentClosures, closeQuotaFloor.",
      OrgLimits.aws(), KnobType.ORG_LIMITS);

  private static final List<Knob<?>> KNOBS = List.of(CREATE_ACCOUNT_DELAY, THROTTLING, RATES,
      LATENCY, FAULT_RATE, DROP_RATE, THROTTLE_RATE, SLOW_RATE, SLOW_LATENCY, OVER_QUOTA,
      ACCOUNT_LIMIT, MAX_CREATIONS_IN_FLIGHT, ORG_LIMITS);

  private static final SandboxSettings DEFAULTS;

  static {
    Map<Knob<?>, Object> values = new LinkedHashMap<>();
    KNOBS.forEach(knob -> values.put(knob, knob.defaultValue()));
    DEFAULTS = new SandboxSettings(values);
  }

  private final Map<Knob<?>, Object> values;

  private SandboxSettings(Map<Knob<?>, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Every knob, in table order. */
  public static List<Knob<?>> knobs() {
    return KNOBS;
  }

  /** The knob with this JSON name, if any. */
  public static Optional<Knob<?>> knob(String name) {
    return KNOBS.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** Fast and faithful: short creation delay, no throttling, no faults, AWS's in-flight limit. */
  public static SandboxSettings defaults() {
    return DEFAULTS;
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Knob<T> knob) {
    return (T) values.get(knob);
  }

  /**
   * These settings with one knob changed.
   *
   * @throws IllegalArgumentException naming the knob, when the value fails its checks
   */
  public <T> SandboxSettings with(Knob<T> knob, T value) {
    Objects.requireNonNull(value, knob.name());
    knob.check(value).ifPresent(problem -> {
      throw new IllegalArgumentException(knob.name() + " " + problem);
    });
    Map<Knob<?>, Object> changed = new LinkedHashMap<>(values);
    changed.put(knob, value);
    return new SandboxSettings(changed);
  }

  public Duration createAccountDelay() {
    return get(CREATE_ACCOUNT_DELAY);
  }

  public Throttling throttling() {
    return get(THROTTLING);
  }

  /** Per-operation rates that replace or add to the throttling table. */
  public Map<String, Rate> rateOverrides() {
    return get(RATES);
  }

  public Duration latency() {
    return get(LATENCY);
  }

  public double faultRate() {
    return get(FAULT_RATE);
  }

  public double dropRate() {
    return get(DROP_RATE);
  }

  public OverQuota overQuota() {
    return get(OVER_QUOTA);
  }

  public int accountLimit() {
    return get(ACCOUNT_LIMIT);
  }

  public int maxCreationsInFlight() {
    return get(MAX_CREATIONS_IN_FLIGHT);
  }

  public OrgLimits orgLimits() {
    return get(ORG_LIMITS);
  }

  public double throttleRate() {
    return get(THROTTLE_RATE);
  }

  public double slowRate() {
    return get(SLOW_RATE);
  }

  public Duration slowLatency() {
    return get(SLOW_LATENCY);
  }

  public SandboxSettings withCreateAccountDelay(Duration delay) {
    return with(CREATE_ACCOUNT_DELAY, delay);
  }

  public SandboxSettings withThrottling(Throttling mode, Map<String, Rate> overrides) {
    return with(THROTTLING, mode).with(RATES, Map.copyOf(overrides));
  }

  public SandboxSettings withFaults(Duration latency, double faultRate, double dropRate) {
    return with(LATENCY, latency).with(FAULT_RATE, faultRate).with(DROP_RATE, dropRate);
  }

  public SandboxSettings withQuotas(OverQuota overQuota, int accountLimit, int maxInFlight) {
    return with(OVER_QUOTA, overQuota).with(ACCOUNT_LIMIT, accountLimit)
        .with(MAX_CREATIONS_IN_FLIGHT, maxInFlight);
  }

  /**
   * Random trouble on top of the faults: {@code throttleRate} of requests throttled,
   * {@code slowRate} of answers held back by {@code slowLatency}.
   */
  public SandboxSettings withTrouble(double throttleRate, double slowRate,
      Duration slowLatency) {
    return with(THROTTLE_RATE, throttleRate).with(SLOW_RATE, slowRate)
        .with(SLOW_LATENCY, slowLatency);
  }

  public SandboxSettings withOrgLimits(OrgLimits limits) {
    return with(ORG_LIMITS, limits);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SandboxSettings other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "SandboxSettings[", "]");
    KNOBS.forEach(knob -> out.add(knob.name() + "=" + values.get(knob)));
    return out.toString();
  }
}
