package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.Sandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.iam.IamClient;

/** Account aliases, password policies and alternate contacts come back after a restart. */
class AccountSettingsPersistenceIT {
  private static final String KEY_ID = "AKIAPERSISTENCE00002";
  private static final String SECRET = "persistence-test-secret-key-0000000000002";
  private static final StaticCredentialsProvider KEYS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET));

  private static Sandbox start(Path dir) {
    return Sandbox.builder().port(0).dataDir(dir).seed(11).managementKey(KEY_ID, SECRET).start();
  }

  private static IamClient iam(Sandbox sandbox) {
    return IamClient.builder().endpointOverride(sandbox.endpoint()).region(Region.AWS_GLOBAL)
        .credentialsProvider(KEYS).overrideConfiguration(SandboxFixture.noRetries()).build();
  }

  private static AccountClient account(Sandbox sandbox) {
    return AccountClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(KEYS).overrideConfiguration(SandboxFixture.noRetries()).build();
  }

  @Test
  void accountSettings_afterRestart_areStillThere(@TempDir Path dir) {
    try (Sandbox first = start(dir); IamClient iam = iam(first);
        AccountClient account = account(first)) {
      iam.createAccountAlias(r -> r.accountAlias("kept-alias"));
      iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(15).maxPasswordAge(60));
      account.putAlternateContact(AlternateContactIT.contact(AlternateContactType.BILLING,
          "Kept"));
    }

    try (Sandbox second = start(dir); IamClient iam = iam(second);
        AccountClient account = account(second)) {
      assertThat(iam.listAccountAliases().accountAliases()).containsExactly("kept-alias");
      assertThat(iam.getAccountPasswordPolicy().passwordPolicy().maxPasswordAge()).isEqualTo(60);
      assertThat(iam.getAccountPasswordPolicy().passwordPolicy().minimumPasswordLength())
          .isEqualTo(15);
      assertThat(account.getAlternateContact(r -> r.alternateContactType(
          AlternateContactType.BILLING)).alternateContact().name()).isEqualTo("Kept");
    }
  }
}
