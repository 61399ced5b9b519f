package dev.orgvend.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgvend.sandbox.SandboxSettings.Knob;
import dev.orgvend.sandbox.SandboxSettings.OrgLimits;
import dev.orgvend.sandbox.SandboxSettings.Rate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The knob table drives the Java API, the admin API's JSON and the command line alike. */
class SandboxSettingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void knobs_eachHaveAUniqueNameHelpAndAFlagUnlessJsonOnly() {
    List<Knob<?>> knobs = SandboxSettings.knobs();

    assertThat(knobs).extracting(Knob::name).doesNotHaveDuplicates();
    assertThat(knobs.stream().map(Knob::option).flatMap(Optional::stream))
        .doesNotHaveDuplicates().allSatisfy(o -> assertThat(o).startsWith("--"));
    assertThat(knobs).allSatisfy(k -> assertThat(k.help()).endsWith("."));
    assertThat(knobs).filteredOn(k -> k.option().isEmpty()).extracting(Knob::name)
        .containsExactly("orgLimits");
  }

  @Test
  void defaults_areTheTablesDefaults() {
    SandboxSettings defaults = SandboxSettings.defaults();

    for (Knob<?> knob : SandboxSettings.knobs()) {
      assertThat((Object) defaults.get(knob)).as(knob.name()).isEqualTo(knob.defaultValue());
    }
    assertThat(defaults.createAccountDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.maxCreationsInFlight()).isEqualTo(5);
    assertThat(defaults.orgLimits()).isEqualTo(OrgLimits.aws());
  }

  @Test
  void parse_whenFlagTextIsGiven_readsItAndNamesWhatIsWrong() {
    assertThat(SandboxSettings.LATENCY.parse(List.of("1h30m"))).isEqualTo(Duration.ofMinutes(90));
    assertThat(SandboxSettings.THROTTLING.parse(List.of("AWS")))
        .isEqualTo(SandboxSettings.Throttling.AWS);
    assertThat(SandboxSettings.RATES.parse(List.of("CreateAccount=1:3", "ListRoots=0.5")))
        .isEqualTo(Map.of("CreateAccount", new Rate(1, 3), "ListRoots", new Rate(0.5, 1)));
    assertThatThrownBy(() -> SandboxSettings.FAULT_RATE.parse(List.of("1.5")))
        .hasMessage("must be between 0 and 1, got 1.5");
    assertThatThrownBy(() -> SandboxSettings.ACCOUNT_LIMIT.parse(List.of("many")))
        .hasMessage("must be a whole number, got 'many'");
    assertThatThrownBy(() -> SandboxSettings.OVER_QUOTA.parse(List.of("later")))
        .hasMessage("must be one of [sync, async], got 'later'");
  }

  @Test
  void defaultText_whenParsedBack_givesTheDefault() {
    for (Knob<?> knob : SandboxSettings.knobs()) {
      if (knob.option().isPresent() && !knob.repeatable()) {
        assertThat((Object) knob.parse(List.of(knob.defaultText()))).as(knob.name())
            .isEqualTo(knob.defaultValue());
      }
    }
  }

  @Test
  void with_whenValueIsOutOfRange_refusesNamingTheKnob() {
    assertThatThrownBy(() -> SandboxSettings.defaults().withFaults(Duration.ofMillis(-1), 0, 0))
        .hasMessage("latencyMs must not be negative, got PT-0.001S");
    assertThatThrownBy(() -> SandboxSettings.defaults().withQuotas(
        SandboxSettings.OverQuota.SYNC, 0, 5))
        .hasMessage("accountLimit must be at least 1, got 0");
  }

  @Test
  void json_whenWrittenAndMergedBack_changesNothing() {
    SandboxSettings changed = SandboxSettings.defaults()
        .withThrottling(SandboxSettings.Throttling.AWS, Map.of("CreateAccount", new Rate(0.1, 3)))
        .withFaults(Duration.ofMillis(20), 0.05, 0.01)
        .withTrouble(0.02, 0.03, Duration.ofSeconds(1))
        .withOrgLimits(new OrgLimits(5, 6, 7, 8, 9, 10));

    JsonNode written = SettingsJson.write(changed);

    assertThat(SettingsJson.merge(SandboxSettings.defaults(), written)).isEqualTo(changed);
    assertThat(written.toString()).isEqualTo("{\"createAccountDelayMs\":2000,"
        + "\"throttling\":\"aws\",\"rates\":{\"CreateAccount\":\"0.1:3\"},\"latencyMs\":20,"
        + "\"faultRate\":0.05,\"dropRate\":0.01,\"throttleRate\":0.02,\"slowRate\":0.03,"
        + "\"slowLatencyMs\":1000,\"overQuota\":\"sync\",\"accountLimit\":10000,"
        + "\"maxCreationsInFlight\":5,\"orgLimits\":{\"maxOus\":5,\"maxPolicies\":6,"
        + "\"maxScpChars\":7,\"maxPoliciesPerTarget\":8,\"maxConcurrentClosures\":9,"
        + "\"closeQuotaFloor\":10}}");
  }

  @Test
  void merge_whenPatchNamesSomeKnobs_changesOnlyThose() throws Exception {
    SandboxSettings merged = SettingsJson.merge(SandboxSettings.defaults(),
        json("{\"faultRate\": 0.5, \"orgLimits\": {\"maxOus\": 3}}"));

    assertThat(merged.faultRate()).isEqualTo(0.5);
    assertThat(merged.orgLimits().maxOus()).isEqualTo(3);
    assertThat(merged.orgLimits().maxPolicies()).isEqualTo(OrgLimits.aws().maxPolicies());
    assertThat(merged.latency()).isEqualTo(Duration.ZERO);
  }

  @Test
  void merge_whenPatchIsWrong_refusesNamingTheMember() throws Exception {
    SandboxSettings defaults = SandboxSettings.defaults();

    assertThatThrownBy(() -> SettingsJson.merge(defaults, json("{\"faultRate\": \"lots\"}")))
        .hasMessage("faultRate must be a number from 0 to 1, got \"lots\"");
    assertThatThrownBy(() -> SettingsJson.merge(defaults, json("{\"speed\": 1}")))
        .hasMessageStartingWith("unknown setting: speed (the settings are createAccountDelayMs,");
    assertThatThrownBy(() -> SettingsJson.merge(defaults,
        json("{\"orgLimits\": {\"maxFun\": 1}}")))
        .hasMessageStartingWith("orgLimits has no limit maxFun; it has maxOus,");
    assertThatThrownBy(() -> SettingsJson.merge(defaults,
        json("{\"orgLimits\": {\"maxOus\": 0}}")))
        .hasMessageStartingWith("orgLimits must each be at least 1, got {maxOus=0,");
    assertThatThrownBy(() -> SettingsJson.merge(defaults, json("[1]")))
        .hasMessage("send a JSON object with the settings to change");
  }

  @Test
  void durationText_whenFormattedAndParsed_roundTrips() {
    for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(20), Duration.ofSeconds(2),
        Duration.ofMinutes(90), Duration.ofDays(1).plusMillis(5))) {
      assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
    }
    assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThatThrownBy(() -> DurationText.parse("2 seconds"))
        .hasMessageContaining("is not a duration");
  }
}
