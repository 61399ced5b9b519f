package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import dev.orgvend.sandbox.SandboxSettings.Rate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.CreateAccountFailureReason;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;

/** Persistence, the admin surface and the realism knobs. */
class SandboxLifecycleIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static OrganizationsClient client(Sandbox sandbox) {
    return OrganizationsClient.builder()
        .endpointOverride(sandbox.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            sandbox.managementCredentials().accessKeyId(),
            sandbox.managementCredentials().secretAccessKey())))
        .overrideConfiguration(SandboxFixture.noRetries())
        .build();
  }

  private static String admin(Sandbox sandbox, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + path));
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.method(method, HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  void restart_withSameDataDir_keepsAccountsAndKeys(@TempDir Path dir) {
    String accountId;
    String orgId;
    String keyId;
    try (Sandbox first = Sandbox.builder().port(0).dataDir(dir).settings(
        SandboxSettings.defaults().withCreateAccountDelay(Duration.ZERO)).start();
        OrganizationsClient orgs = client(first)) {
      keyId = first.managementCredentials().accessKeyId();
      orgId = orgs.describeOrganization().organization().id();
      CreateAccountStatus s = orgs.createAccount(r -> r.accountName("kept").email("kept@example.com"))
          .createAccountStatus();
      accountId = orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(s.id()))
          .createAccountStatus().accountId();
    }
    try (Sandbox second = Sandbox.builder().port(0).dataDir(dir).start();
        OrganizationsClient orgs = client(second)) {
      assertThat(second.managementCredentials().accessKeyId()).isEqualTo(keyId);
      assertThat(orgs.describeOrganization().organization().id()).isEqualTo(orgId);
      Account account = orgs.describeAccount(r -> r.accountId(accountId)).account();
      assertThat(account.email()).isEqualTo("kept@example.com");
    }
  }

  @Test
  void pendingCreation_whenSandboxRestarts_stillCompletes(@TempDir Path dir) {
    String requestId;
    try (Sandbox first = Sandbox.builder().port(0).dataDir(dir).start();
        OrganizationsClient orgs = client(first)) {
      requestId = orgs.createAccount(r -> r.accountName("pending").email("pending@example.com"))
          .createAccountStatus().id();
    }
    try (Sandbox second = Sandbox.builder().port(0).dataDir(dir).start();
        OrganizationsClient orgs = client(second)) {
      second.advanceClock(Duration.ofSeconds(5));
      CreateAccountStatus status = orgs.describeCreateAccountStatus(
          r -> r.createAccountRequestId(requestId)).createAccountStatus();
      assertThat(status.stateAsString()).isEqualTo("SUCCEEDED");
    }
  }

  @Test
  void takenEmail_seededThroughAdminApi_makesCreationFailWithEmailAlreadyExists() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start();
        OrganizationsClient orgs = client(sandbox)) {
      admin(sandbox, "POST", "/_sandbox/taken-emails", "[\"Someone@Example.com\"]");
      String id = orgs.createAccount(r -> r.accountName("dup").email("someone@example.com"))
          .createAccountStatus().id();
      admin(sandbox, "POST", "/_sandbox/clock/advance?seconds=10", null);
      CreateAccountStatus status = orgs.describeCreateAccountStatus(
          r -> r.createAccountRequestId(id)).createAccountStatus();
      assertThat(status.stateAsString()).isEqualTo("FAILED");
      assertThat(status.failureReason()).isEqualTo(CreateAccountFailureReason.EMAIL_ALREADY_EXISTS);
    }
  }

  @Test
  void stateDump_neverShowsSecrets() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      String dump = admin(sandbox, "GET", "/_sandbox/state", null);
      assertThat(dump).contains(sandbox.managementCredentials().accessKeyId())
          .doesNotContain(sandbox.managementCredentials().secretAccessKey())
          .contains("\"secretAccessKey\" : \"***\"");
    }
  }

  @Test
  void reset_wipesAccountsButKeepsManagementKeys() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(
        SandboxSettings.defaults().withCreateAccountDelay(Duration.ZERO)).start();
        OrganizationsClient orgs = client(sandbox)) {
      orgs.createAccount(r -> r.accountName("gone").email("gone@example.com"));
      assertThat(orgs.listAccounts().accounts()).hasSize(2);
      admin(sandbox, "POST", "/_sandbox/reset", null);
      assertThat(orgs.listAccounts().accounts()).hasSize(1);
    }
  }

  @Test
  void adminStats_countRequestsByServiceAndOperation_untilReset() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start();
        OrganizationsClient orgs = client(sandbox)) {
      orgs.describeOrganization();
      orgs.listRoots();
      orgs.listRoots();
      orgs.createOrganizationalUnit(r -> r.parentId(orgs.listRoots().roots().get(0).id())
          .name("Counted"));

      JsonNode stats = JSON.readTree(admin(sandbox, "GET", "/_sandbox/stats", null));

      assertThat(stats.path("requests").asLong()).isEqualTo(5);
      assertThat(stats.path("reads").asLong()).isEqualTo(4);
      assertThat(stats.path("writes").asLong()).isEqualTo(1);
      assertThat(stats.path("unrecognised").asLong()).isZero();
      assertThat(stats.path("errors").asLong()).isZero();
      assertThat(stats.path("operations").path("organizations")).isEqualTo(JSON.readTree(
          "{\"CreateOrganizationalUnit\":1,\"DescribeOrganization\":1,\"ListRoots\":3}"));

      JsonNode zeroed = JSON.readTree(admin(sandbox, "POST", "/_sandbox/stats/reset", null));

      assertThat(zeroed.path("requests").asLong()).isZero();
      assertThat(zeroed.path("operations").size()).isZero();
      orgs.listRoots();
      admin(sandbox, "POST", "/_sandbox/reset", null);
      assertThat(sandbox.stats().requests()).as("a full reset zeroes the counts too").isZero();
    }
  }

  @Test
  void throttling_whenRateOverridden_answersTooManyRequests() {
    SandboxSettings settings = SandboxSettings.defaults()
        .withThrottling(SandboxSettings.Throttling.OFF, Map.of("ListRoots", new Rate(0.01, 2)));
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(settings).start();
        OrganizationsClient orgs = client(sandbox)) {
      orgs.listRoots();
      orgs.listRoots();
      assertThatThrownBy(orgs::listRoots).isInstanceOf(TooManyRequestsException.class);
      orgs.describeOrganization();
    }
  }

  @Test
  void throttling_whenAwsRates_limitsCreateAccountToItsBurst() {
    SandboxSettings settings = SandboxSettings.defaults()
        .withThrottling(SandboxSettings.Throttling.AWS, Map.of());
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(settings).start();
        OrganizationsClient orgs = client(sandbox)) {
      for (int i = 0; i < 3; i++) {
        int n = i;
        orgs.createAccount(r -> r.accountName("t" + n).email("t" + n + "@example.com"));
      }
      assertThatThrownBy(() -> orgs.createAccount(r -> r.accountName("t4").email("t4@example.com")))
          .isInstanceOf(TooManyRequestsException.class);
    }
  }

  @Test
  void faults_whenRateIsOne_everyCallGetsServiceException() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start();
        OrganizationsClient orgs = client(sandbox)) {
      admin(sandbox, "POST", "/_sandbox/settings", "{\"faultRate\": 1.0}");
      assertThatThrownBy(orgs::describeOrganization)
          .isInstanceOfSatisfying(OrganizationsException.class,
              e -> assertThat(e.statusCode()).isEqualTo(500));
      admin(sandbox, "POST", "/_sandbox/settings", "{\"faultRate\": 0}");
      orgs.describeOrganization();
    }
  }

  @Test
  void throttleRate_whenOne_throttlesCallsWithoutBuckets_andSettingsShowIt() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start();
        OrganizationsClient orgs = client(sandbox)) {
      String shown = admin(sandbox, "POST", "/_sandbox/settings",
          "{\"throttleRate\": 1.0, \"slowRate\": 0, \"slowLatencyMs\": 1500}");
      assertThat(shown).contains("\"throttleRate\" : 1.0").contains("\"slowLatencyMs\" : 1500");
      assertThatThrownBy(orgs::describeOrganization)
          .isInstanceOf(TooManyRequestsException.class);
      admin(sandbox, "POST", "/_sandbox/settings", "{\"throttleRate\": 0}");
      orgs.describeOrganization();
    }
  }

  @Test
  void settings_withAShareAboveOne_areRefused() {
    assertThatThrownBy(() -> SandboxSettings.defaults().withTrouble(1.5, 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("throttleRate must be between 0 and 1, got 1.5");
  }

  @Test
  void creationsInFlight_beyondTheLimit_answerRateLimitConstraint() {
    SandboxSettings settings = SandboxSettings.defaults()
        .withCreateAccountDelay(Duration.ofHours(1));
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(settings).start();
        OrganizationsClient orgs = client(sandbox)) {
      for (int i = 0; i < 5; i++) {
        int n = i;
        orgs.createAccount(r -> r.accountName("f" + n).email("f" + n + "@example.com"));
      }
      assertThatThrownBy(() -> orgs.createAccount(r -> r.accountName("f6").email("f6@example.com")))
          .isInstanceOfSatisfying(ConstraintViolationException.class, e ->
              assertThat(e.reasonAsString()).isEqualTo("ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED"));
    }
  }

  @Test
  void accountLimit_whenAsync_failsTheRequestLater() {
    SandboxSettings settings = SandboxSettings.defaults().withCreateAccountDelay(Duration.ZERO)
        .withQuotas(SandboxSettings.OverQuota.ASYNC, 2, 5);
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(settings).start();
        OrganizationsClient orgs = client(sandbox)) {
      orgs.createAccount(r -> r.accountName("a1").email("a1@example.com"));
      String id = orgs.createAccount(r -> r.accountName("a2").email("a2@example.com"))
          .createAccountStatus().id();
      CreateAccountStatus status = orgs.describeCreateAccountStatus(
          r -> r.createAccountRequestId(id)).createAccountStatus();
      assertThat(status.failureReason()).isEqualTo(CreateAccountFailureReason.ACCOUNT_LIMIT_EXCEEDED);
    }
  }

  @Test
  void accountLimit_whenSync_rejectsAtOnce() {
    SandboxSettings settings = SandboxSettings.defaults().withCreateAccountDelay(Duration.ZERO)
        .withQuotas(SandboxSettings.OverQuota.SYNC, 2, 5);
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(settings).start();
        OrganizationsClient orgs = client(sandbox)) {
      orgs.createAccount(r -> r.accountName("s1").email("s1@example.com"));
      assertThatThrownBy(() -> orgs.createAccount(r -> r.accountName("s2").email("s2@example.com")))
          .isInstanceOfSatisfying(ConstraintViolationException.class, e ->
              assertThat(e.reasonAsString()).isEqualTo("ACCOUNT_NUMBER_LIMIT_EXCEEDED"));
    }
  }

  @Test
  void concurrentDuplicate_whileFirstInProgress_failsWithConcurrentModification() {
    try (Sandbox sandbox = Sandbox.builder().port(0).start();
        OrganizationsClient orgs = client(sandbox)) {
      orgs.createAccount(r -> r.accountName("d1").email("twice@example.com"));
      String second = orgs.createAccount(r -> r.accountName("d2").email("TWICE@example.com"))
          .createAccountStatus().id();
      sandbox.advanceClock(Duration.ofMinutes(1));
      assertThat(orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(second))
          .createAccountStatus().failureReason())
          .isEqualTo(CreateAccountFailureReason.CONCURRENT_ACCOUNT_MODIFICATION);
      assertThat(orgs.listAccounts().accounts()).extracting(Account::email)
          .containsOnlyOnce("twice@example.com");
    }
  }
}
