package dev.orgvend.core.spec;

import static dev.orgvend.core.spec.SpecLoaderTest.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpecTemplateTest {

  @Test
  void text_passesEveryCheck() {
    Spec spec = valid(SpecLoader.create().parse(SpecTemplate.SPEC_FILE_NAME, SpecTemplate.text()));

    assertThat(spec.accounts()).extracting(AccountSpec::name)
        .containsExactly("log-archive", "audit", "workloads-prod", "workloads-dev");
    assertThat(spec.organization().ouPaths()).extracting(OuPath::toString)
        .containsExactly("Security", "Workloads", "Workloads/Prod", "Workloads/Dev");
    assertThat(spec.baselines()).containsKey("default");
  }

  @Test
  void text_pointsEditorsAtTheSchemaWrittenBesideIt() {
    assertThat(SpecTemplate.text().lines().findFirst())
        .contains("# yaml-language-server: $schema=./" + SpecTemplate.SCHEMA_FILE_NAME);
  }

  @Test
  void text_usesOnlyPlaceholderAddresses() {
    Spec spec = valid(SpecLoader.create().parse(SpecTemplate.SPEC_FILE_NAME, SpecTemplate.text()));

    assertThat(spec.accounts()).extracting(AccountSpec::email)
        .allSatisfy(email -> assertThat(email).endsWith("@example.com"));
  }

  @Test
  void schema_isDraft202012Json() {
    assertThat(SpecTemplate.schema())
        .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
  }
}
