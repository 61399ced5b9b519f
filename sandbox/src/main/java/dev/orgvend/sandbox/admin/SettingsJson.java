package dev.orgvend.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.SandboxSettings;
import dev.orgvend.sandbox.SandboxSettings.OrgLimits;
import dev.orgvend.sandbox.SandboxSettings.OverQuota;
import dev.orgvend.sandbox.SandboxSettings.Rate;
import dev.orgvend.sandbox.SandboxSettings.Throttling;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Settings as JSON for the admin API: durations in milliseconds, rates as "RATE:BURST". */
final class SettingsJson {
  private SettingsJson() {}

  static ObjectNode write(SandboxSettings s) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("createAccountDelayMs", s.createAccountDelay().toMillis());
    out.put("throttling", s.throttling().name().toLowerCase(Locale.ROOT));
    ObjectNode rates = out.putObject("rates");
    s.rateOverrides().forEach((op, r) -> rates.put(op, r.perSecond() + ":" + r.burst()));
    out.put("latencyMs", s.latency().toMillis());
    out.put("faultRate", s.faultRate());
    out.put("dropRate", s.dropRate());
    out.put("throttleRate", s.throttleRate());
    out.put("slowRate", s.slowRate());
    out.put("slowLatencyMs", s.slowLatency().toMillis());
    out.put("overQuota", s.overQuota().name().toLowerCase(Locale.ROOT));
    out.put("accountLimit", s.accountLimit());
    out.put("maxCreationsInFlight", s.maxCreationsInFlight());
    OrgLimits l = s.orgLimits();
    ObjectNode limits = out.putObject("orgLimits");
    limits.put("maxOus", l.maxOus());
    limits.put("maxPolicies", l.maxPolicies());
    limits.put("maxScpChars", l.maxScpChars());
    limits.put("maxPoliciesPerTarget", l.maxPoliciesPerTarget());
    limits.put("maxConcurrentClosures", l.maxConcurrentClosures());
    limits.put("closeQuotaFloor", l.closeQuotaFloor());
    return out;
  }

  /** Applies the members present in {@code patch}; unknown members are an error. */
  static SandboxSettings merge(SandboxSettings s, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw new IllegalArgumentException("send a JSON object with the settings to change");
    }
    Duration delay = s.createAccountDelay();
    Throttling throttling = s.throttling();
    Map<String, Rate> rates = new LinkedHashMap<>(s.rateOverrides());
    Duration latency = s.latency();
    double faultRate = s.faultRate();
    double dropRate = s.dropRate();
    double throttleRate = s.throttleRate();
    double slowRate = s.slowRate();
    Duration slowLatency = s.slowLatency();
    OverQuota overQuota = s.overQuota();
    int accountLimit = s.accountLimit();
    int inFlight = s.maxCreationsInFlight();
    OrgLimits limits = s.orgLimits();
    for (var it = patch.fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "createAccountDelayMs" -> delay = Duration.ofMillis(v.asLong());
        case "throttling" -> throttling = Throttling.valueOf(v.asText().toUpperCase(Locale.ROOT));
        case "rates" -> {
          rates.clear();
          v.fields().forEachRemaining(r -> rates.put(r.getKey(), Rate.parse(r.getValue().asText())));
        }
        case "latencyMs" -> latency = Duration.ofMillis(v.asLong());
        case "faultRate" -> faultRate = v.asDouble();
        case "dropRate" -> dropRate = v.asDouble();
        case "throttleRate" -> throttleRate = v.asDouble();
        case "slowRate" -> slowRate = v.asDouble();
        case "slowLatencyMs" -> slowLatency = Duration.ofMillis(v.asLong());
        case "overQuota" -> overQuota = OverQuota.valueOf(v.asText().toUpperCase(Locale.ROOT));
        case "accountLimit" -> accountLimit = v.asInt();
        case "maxCreationsInFlight" -> inFlight = v.asInt();
        case "orgLimits" -> limits = mergeLimits(limits, v);
        default -> throw new IllegalArgumentException("unknown setting: " + e.getKey());
      }
    }
    return new SandboxSettings(delay, throttling, rates, latency, faultRate, dropRate, overQuota,
        accountLimit, inFlight, limits, throttleRate, slowRate, slowLatency);
  }

  private static OrgLimits mergeLimits(OrgLimits l, JsonNode patch) {
    if (!patch.isObject()) {
      throw new IllegalArgumentException("orgLimits must be a JSON object");
    }
    int maxOus = l.maxOus();
    int maxPolicies = l.maxPolicies();
    int maxScpChars = l.maxScpChars();
    int perTarget = l.maxPoliciesPerTarget();
    int closures = l.maxConcurrentClosures();
    int closeFloor = l.closeQuotaFloor();
    for (var it = patch.fields(); it.hasNext(); ) {
      var e = it.next();
      int v = e.getValue().asInt();
      switch (e.getKey()) {
        case "maxOus" -> maxOus = v;
        case "maxPolicies" -> maxPolicies = v;
        case "maxScpChars" -> maxScpChars = v;
        case "maxPoliciesPerTarget" -> perTarget = v;
        case "maxConcurrentClosures" -> closures = v;
        case "closeQuotaFloor" -> closeFloor = v;
        default -> throw new IllegalArgumentException("unknown org limit: " + e.getKey());
      }
    }
    return new OrgLimits(maxOus, maxPolicies, maxScpChars, perTarget, closures, closeFloor);
  }
}
