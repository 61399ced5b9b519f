package dev.orgvend.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code orgvend.schema.json} and the loader in step: the same keys at every level, the
 * same required keys, patterns, enums and limits. Editors use the schema; the loader decides.
 */
class SpecSchemaTest {
  private static JsonNode schema;

  @BeforeAll
  static void readSchema() throws Exception {
    schema = new ObjectMapper().readTree(SpecTemplate.schema());
  }

  @Test
  void everyObject_hasTheKeysTheLoaderAccepts_andNoOthers() {
    assertKeys(schema, SpecBinder.TOP_KEYS);
    assertKeys(property(schema, "settings"), SpecBinder.SETTINGS_KEYS);
    assertKeys(property(schema, "defaults"), SpecBinder.DEFAULTS_KEYS);
    assertKeys(property(schema, "organization"), UnitsBinder.ORGANIZATION_KEYS);
    assertKeys(def("unit"), UnitsBinder.UNIT_KEYS);
    assertKeys(def("account"), AccountsBinder.ACCOUNT_KEYS);
  }

  @Test
  void requiredKeys_matchWhatTheLoaderDemands() {
    assertThat(strings(schema.get("required"))).containsExactly("version");
    assertThat(strings(def("unit").get("required"))).containsExactly("name");
    assertThat(strings(def("account").get("required"))).containsExactly("name", "email");

    assertThat(SpecLoaderTest.invalid(SpecLoader.create().parse("f", "accounts: [{}]\n")))
        .extracting(Problem::message).containsExactly(
            "missing required key \"version\"",
            "missing required key \"name\"",
            "missing required key \"email\"");
  }

  @Test
  void patterns_areTheOnesTheLoaderUses() {
    JsonNode account = def("account").get("properties");
    assertThat(account.at("/name/pattern").asText()).isEqualTo(AwsRules.ACCOUNT_NAME_PATTERN);
    assertThat(account.at("/email/pattern").asText()).isEqualTo(AwsRules.EMAIL_PATTERN);
    assertThat(account.at("/email/minLength").asInt()).isEqualTo(AwsRules.EMAIL_MIN);
    assertThat(account.at("/email/maxLength").asInt()).isEqualTo(AwsRules.EMAIL_MAX);
    assertThat(def("roleName").get("pattern").asText()).isEqualTo(AwsRules.ROLE_NAME_PATTERN);
    assertThat(def("unit").at("/properties/name/pattern").asText())
        .isEqualTo(AwsRules.OU_NAME_PATTERN);
    JsonNode settings = property(schema, "settings").get("properties");
    assertThat(settings.at("/region/pattern").asText()).isEqualTo(AwsRules.REGION_PATTERN);
    assertThat(settings.at("/roleSessionName/pattern").asText())
        .isEqualTo(AwsRules.ROLE_SESSION_NAME_PATTERN);
    JsonNode tags = def("tags");
    assertThat(tags.at("/propertyNames/pattern").asText()).isEqualTo(AwsRules.TAG_TEXT_PATTERN);
    assertThat(tags.at("/additionalProperties/pattern").asText())
        .isEqualTo(AwsRules.TAG_TEXT_PATTERN);
    assertThat(tags.at("/propertyNames/maxLength").asInt()).isEqualTo(AwsRules.TAG_KEY_MAX);
    assertThat(tags.at("/additionalProperties/maxLength").asInt())
        .isEqualTo(AwsRules.TAG_VALUE_MAX);
    assertThat(tags.get("maxProperties").asInt()).isEqualTo(AwsRules.MAX_TAGS);
  }

  @Test
  void patterns_compileAndAgreeWithTheLoaderOnSamples() {
    // The ou pattern exists only in the schema; check it against the loader's own rule.
    Pattern ou = Pattern.compile(def("account").at("/properties/ou/pattern").asText());
    for (String sample : List.of("Root", "Workloads/Prod", "/A", "A/", "A//B", "A B/c.d")) {
      assertThat(ou.matcher(sample).matches()).as(sample)
          .isEqualTo(OuPath.invalidReason(sample) == null);
    }
    assertThat(Pattern.compile(AwsRules.EMAIL_PATTERN).matcher("a+b.c@mail.example.co.uk")
        .matches()).isTrue();
  }

  @Test
  void limitsAndEnums_matchTheModel() {
    JsonNode concurrency = property(schema, "settings").at("/properties/concurrency");
    assertThat(concurrency.get("minimum").asInt()).isEqualTo(1);
    assertThat(concurrency.get("maximum").asInt()).isEqualTo(Settings.MAX_CONCURRENCY);
    assertThat(concurrency.get("default").asInt()).isEqualTo(Settings.DEFAULT_CONCURRENCY);
    assertThat(property(schema, "settings").at("/properties/region/default").asText())
        .isEqualTo(Settings.DEFAULT_REGION);
    assertThat(property(schema, "settings").at("/properties/roleSessionName/default").asText())
        .isEqualTo(Settings.DEFAULT_ROLE_SESSION_NAME);
    assertThat(def("roleName").get("default").asText())
        .isEqualTo(AccountDefaults.DEFAULT_ROLE_NAME);
    assertThat(property(schema, "version").get("const").asInt()).isEqualTo(Spec.CURRENT_VERSION);
    List<String> billing = new ArrayList<>();
    def("iamUserAccessToBilling").get("enum").forEach(v -> {
      if (!v.isNull()) {
        billing.add(v.asText());
      }
    });
    assertThat(billing).containsExactlyElementsOf(
        Arrays.stream(IamUserAccessToBilling.values()).map(Enum::name).toList());
  }

  @Test
  void everyObject_rejectsUnknownKeysAsTheLoaderDoes() {
    for (JsonNode object : List.of(schema, property(schema, "settings"),
        property(schema, "defaults"), property(schema, "organization"), def("unit"),
        def("account"))) {
      assertThat(object.get("additionalProperties").asBoolean(true)).isFalse();
    }
  }

  @Test
  void aSpecUsingEveryKeyOfTheSchema_loads() {
    String yaml = """
        version: 1
        settings: {region: us-west-2, roleSessionName: s1, concurrency: 1}
        defaults: {roleName: R, iamUserAccessToBilling: ALLOW, baseline: b, tags: {k: v}}
        organization: {units: [{name: A, units: [{name: B}]}]}
        accounts:
          - {name: n, email: n@example.com, ou: A/B, tags: {t: u}, roleName: R2,
             iamUserAccessToBilling: DENY, baseline: b}
        baselines: {b: {component: {}}}
        """;

    SpecLoaderTest.valid(SpecLoader.create().parse("f", yaml));
    assertThat(keysUsed(yaml)).containsAll(SpecBinder.TOP_KEYS).containsAll(
        AccountsBinder.ACCOUNT_KEYS).containsAll(SpecBinder.SETTINGS_KEYS)
        .containsAll(SpecBinder.DEFAULTS_KEYS);
  }

  private static List<String> keysUsed(String yaml) {
    List<String> keys = new ArrayList<>();
    java.util.regex.Matcher m = Pattern.compile("([A-Za-z]+):").matcher(yaml);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  private static void assertKeys(JsonNode object, List<String> loaderKeys) {
    List<String> schemaKeys = new ArrayList<>();
    object.get("properties").fieldNames().forEachRemaining(schemaKeys::add);
    assertThat(schemaKeys).containsExactlyInAnyOrderElementsOf(loaderKeys);
  }

  private static JsonNode property(JsonNode object, String name) {
    return object.get("properties").get(name);
  }

  private static JsonNode def(String name) {
    return schema.get("$defs").get(name);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
