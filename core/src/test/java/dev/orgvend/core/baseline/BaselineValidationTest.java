package dev.orgvend.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.spec.Problem;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.core.spec.SpecTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineValidationTest {
  private final SpecLoader loader = SpecLoader.create(ComponentRegistry.standard());

  @Test
  void load_whenTemplateIsUsed_passesComponentChecks() {
    assertThat(loader.parse("orgvend.yaml", SpecTemplate.text()))
        .isInstanceOf(SpecResult.Valid.class);
  }

  @Test
  void load_whenComponentIsMisspelt_reportsItAtItsKeyWithSuggestion() {
    List<String> problems = problems("""
        version: 1
        baselines:
          std:
            billingAlarms:
              email: a@example.com
        """);

    assertThat(problems).containsExactly("orgvend.yaml:4:5: baselines.std.billingAlarms: unknown"
        + " baseline component; did you mean \"billingAlarm\"?");
  }

  @Test
  void load_whenSettingsAreBad_reportsEachAtItsValue() {
    List<String> problems = problems("""
        version: 1
        baselines:
          std:
            billingAlarm:
              email: [ok@example.com, not-an-address]
              threshold: -5
              currency: usd
              colour: red
            accountAlias: "Acme_{name}"
            passwordPolicy:
              minimumPasswordLength: 200
              requireSymbol: true
              requireSymbols: "yes"
            alternateContacts:
              security: {name: Sec, title: CISO, email: sec@example.com}
        """);

    assertThat(problems).containsExactly(
        "orgvend.yaml:5:14: baselines.std.billingAlarm.email: \"not-an-address\" is not an e-mail"
            + " address",
        "orgvend.yaml:6:18: baselines.std.billingAlarm.threshold: -5 is out of range; expected 0"
            + " to 1000000000000",
        "orgvend.yaml:7:17: baselines.std.billingAlarm.currency: \"usd\" is not a valid currency"
            + " code (three capital letters, e.g. USD)",
        "orgvend.yaml:8:7: baselines.std.billingAlarm.colour: unknown setting; expected one of:"
            + " email, threshold, currency, topicName, alarmName, description",
        "orgvend.yaml:9:19: baselines.std.accountAlias: \"Acme_{name}\" does not make a valid"
            + " alias: IAM wants 3 to 63 lower-case letters, digits and dashes, starting and"
            + " ending with a letter or digit, with no two dashes in a row",
        "orgvend.yaml:11:30: baselines.std.passwordPolicy.minimumPasswordLength: 200 is out of"
            + " range; expected 6 to 128",
        "orgvend.yaml:12:7: baselines.std.passwordPolicy.requireSymbol: unknown setting; did you"
            + " mean \"requireSymbols\"?",
        "orgvend.yaml:13:23: baselines.std.passwordPolicy.requireSymbols: expected true or false,"
            + " found a string",
        "orgvend.yaml:15:17: baselines.std.alternateContacts.security: missing required setting"
            + " \"phone\"");
  }

  @Test
  void compile_whenSpecIsValid_configuresEveryComponentWithDefaults() {
    var spec = ((SpecResult.Valid) loader.parse("orgvend.yaml", """
        version: 1
        baselines:
          std:
            billingAlarm: {email: finance@example.com}
            accountAlias: acme-{name}
        """)).spec();

    Baseline std = ComponentRegistry.standard().compile(spec).get("std");

    assertThat(std.componentNames()).containsExactly("billingAlarm", "accountAlias");
    assertThat(std.components().get(0).settings()).isEqualTo(new BillingAlarmComponent.Settings(
        List.of("finance@example.com"), 100.0, "USD", "DefaultBillingAlertTopic",
        "DefaultBillingAlarm", "DefaultBillingAlarm"));
  }

  private List<String> problems(String yaml) {
    SpecResult result = loader.parse("orgvend.yaml", yaml);
    assertThat(result).isInstanceOf(SpecResult.Invalid.class);
    return ((SpecResult.Invalid) result).problems().stream().map(Problem::toString).toList();
  }
}
