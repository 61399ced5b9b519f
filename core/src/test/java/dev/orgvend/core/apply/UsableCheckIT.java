package dev.orgvend.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.AwsTarget;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.session.MemberSessions;
import dev.orgvend.core.time.FakeTicker;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The wait until a new account can be entered, against a sandbox over HTTP, with a fake ticker:
 * the waits between attempts and the ten-minute deadline pass without anything sleeping.
 */
class UsableCheckIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private Sandbox sandbox;
  private AwsClients clients;
  private String accountId;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().port(0).settings(SandboxSettings.defaults()
        .withCreateAccountDelay(Duration.ZERO)).start();
    var keys = sandbox.managementCredentials();
    clients = new AwsClients(new AwsTarget("us-east-1", sandbox.endpoint(), null,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(),
            keys.secretAccessKey()))));
    String request = clients.organizations().createAccount(r -> r.accountName("member")
        .email("member@example.com")).createAccountStatus().id();
    CreateAccountStatus status = clients.organizations().describeCreateAccountStatus(
        r -> r.createAccountRequestId(request)).createAccountStatus();
    assertThat(status.state()).isEqualTo(CreateAccountState.SUCCEEDED);
    accountId = status.accountId();
  }

  @AfterEach
  void stop() {
    clients.close();
    sandbox.close();
  }

  private static AwsCaller caller() {
    return AwsCaller.standard(RateTable.unlimited(), FakeTicker.advancingOnSleep(),
        new Random(5));
  }

  @Test
  void await_whenTheRoleNeverAcceptsUs_triesWithDoublingWaitsUntilTheDeadline_thenRefuses() {
    FakeTicker ticker = FakeTicker.advancingOnSleep();
    AwsCaller caller = caller();
    UsableCheck check = new UsableCheck(new MemberSessions(clients, caller, "usable-it", ticker),
        ticker, TIMEOUT);

    UsableCheck.Result result = check.await(accountId, "NotThere");

    assertThat(result).isEqualTo(new UsableCheck.Refused("created, but role NotThere could not"
        + " be assumed within 10 minutes (AccessDenied); run apply again later"));
    List<Duration> expected = new ArrayList<>();
    Duration total = Duration.ZERO;
    Duration wait = Duration.ofMillis(250);
    while (total.compareTo(TIMEOUT) <= 0) {
      expected.add(wait);
      total = total.plus(wait);
      wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
          ? Duration.ofSeconds(30) : wait.multipliedBy(2);
    }
    assertThat(ticker.sleeps()).containsExactlyElementsOf(expected);
    assertThat(caller.stats().count("AssumeRole")).isEqualTo(expected.size() + 1);
  }

  @Test
  void await_whenTheRoleAppearsWhileWaiting_isUsableAtTheNextAttempt() throws Exception {
    FakeTicker ticker = FakeTicker.manual();
    AwsCaller caller = caller();
    UsableCheck check = new UsableCheck(new MemberSessions(clients, caller, "usable-it", ticker),
        ticker, TIMEOUT);
    CompletableFuture<UsableCheck.Result> result = CompletableFuture.supplyAsync(
        () -> check.await(accountId, "Late"));
    ticker.awaitWaiters(1);

    createRole("Late");
    ticker.advance(Duration.ofMillis(250));

    assertThat(result.get()).isEqualTo(new UsableCheck.Usable());
    assertThat(ticker.sleeps()).containsExactly(Duration.ofMillis(250));
    assertThat(caller.stats().count("AssumeRole")).isEqualTo(2);
  }

  @Test
  void await_whenTheRoleRefusesForGood_refusesAtOnce() {
    FakeTicker ticker = FakeTicker.advancingOnSleep();
    UsableCheck check = new UsableCheck(new MemberSessions(clients, caller(), "usable-it",
        ticker), ticker, TIMEOUT);

    UsableCheck.Result result = check.await(accountId, "bad role name!");

    assertThat(result).isInstanceOf(UsableCheck.Refused.class);
    assertThat(((UsableCheck.Refused) result).why()).startsWith("created, but role bad role"
        + " name! cannot be assumed: ");
    assertThat(ticker.sleeps()).isEmpty();
  }

  /** A role in the member account that the management account may assume, made from inside. */
  private void createRole(String name) {
    Credentials admin = clients.sts().assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId
        + ":role/OrganizationAccountAccessRole").roleSessionName("setup")).credentials();
    String management = sandbox.managementCredentials().accountId();
    try (IamClient iam = IamClient.builder().endpointOverride(sandbox.endpoint())
        .region(Region.AWS_GLOBAL).httpClient(clients.http())
        .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
            admin.accessKeyId(), admin.secretAccessKey(), admin.sessionToken()))).build()) {
      iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument("""
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "sts:AssumeRole"}]}
          """.formatted(management)));
    }
  }
}
