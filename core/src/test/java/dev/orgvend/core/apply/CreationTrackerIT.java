package dev.orgvend.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.AwsTarget;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.time.FakeTicker;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;

/**
 * The creation poller against a sandbox over HTTP, driven by a fake ticker: the test moves the
 * poller's time and the sandbox's time itself, and waits for the poller's waits and answers as
 * events. Nothing sleeps and no assertion is about how long anything took; the schedule asserted
 * is the one the poller computed.
 */
class CreationTrackerIT {
  private static final Duration MIN = Duration.ofMillis(200);
  private static final Duration MAX = Duration.ofSeconds(15);

  private Sandbox sandbox;
  private AwsClients clients;
  private AwsCaller caller;
  /** The poller's time; only the test moves it. */
  private final FakeTicker ticker = FakeTicker.manual();

  @BeforeEach
  void start() {
    // Creations take an hour of sandbox time, which passes only when the test says so.
    sandbox = Sandbox.builder().port(0).settings(SandboxSettings.defaults()
        .withCreateAccountDelay(Duration.ofHours(1))).start();
    var keys = sandbox.managementCredentials();
    clients = new AwsClients(new AwsTarget("us-east-1", sandbox.endpoint(), null,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(),
            keys.secretAccessKey()))));
    // The caller's own waits (none are expected here) never sleep either.
    caller = AwsCaller.standard(RateTable.unlimited(), FakeTicker.advancingOnSleep(),
        new Random(3));
  }

  @AfterEach
  void stop() {
    clients.close();
    sandbox.close();
  }

  private String requestAccount(String name) {
    return clients.organizations().createAccount(r -> r.accountName(name)
        .email(name + "@example.com")).createAccountStatus().id();
  }

  /** Moves the sandbox's clock on through its admin API. */
  private void passSandboxTime(Duration duration) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(sandbox.endpoint() + "/_sandbox/clock/advance?seconds="
            + duration.toSeconds())).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private CreationTracker tracker() {
    return new CreationTracker(clients.organizations(), caller, ticker, MIN, MAX);
  }

  @Test
  void watch_whenOneOfTwoRequestsFinishes_completesItAfterOnePoll_describingOnlyIt()
      throws Exception {
    String early = requestAccount("early");
    passSandboxTime(Duration.ofMinutes(30));
    String late = requestAccount("late");
    passSandboxTime(Duration.ofMinutes(31));
    try (CreationTracker tracker = tracker()) {
      CompletableFuture<CreateAccountStatus> earlyDone = tracker.watch(early);
      CompletableFuture<CreateAccountStatus> lateDone = tracker.watch(late);
      ticker.awaitWaiters(1);
      assertThat(caller.stats().total()).as("no poll before the first wait ends").isZero();

      ticker.advance(MIN);

      assertThat(earlyDone.get().state()).isEqualTo(CreateAccountState.SUCCEEDED);
      ticker.awaitSleeps(2);
      assertThat(lateDone).isNotDone();
      assertThat(caller.stats().count("ListCreateAccountStatus")).isEqualTo(1);
      assertThat(caller.stats().count("DescribeCreateAccountStatus"))
          .as("only the request that left the IN_PROGRESS list is described").isEqualTo(1);
    }
  }

  @Test
  void interval_growsWithTheOldestRequestsAge_betweenTheBounds() throws Exception {
    String request = requestAccount("slow");
    try (CreationTracker tracker = tracker()) {
      CompletableFuture<CreateAccountStatus> done = tracker.watch(request);
      ticker.awaitSleeps(1);
      ticker.advance(Duration.ofSeconds(60));
      ticker.awaitSleeps(2);
      ticker.advance(Duration.ofMinutes(10));
      ticker.awaitSleeps(3);

      // A new request is polled at the minimum; at 60 s old, a twentieth of its age; at more
      // than five minutes old, at the maximum.
      assertThat(ticker.sleeps()).containsExactly(MIN, Duration.ofSeconds(3), MAX);
      assertThat(caller.stats().count("ListCreateAccountStatus")).isEqualTo(2);
      assertThat(done).isNotDone();
    }
  }

  @Test
  void interval_onceACreationFinished_pollsWhenTheNextOneIsDue() throws Exception {
    String first = requestAccount("first");
    passSandboxTime(Duration.ofMinutes(30));
    String second = requestAccount("second");
    passSandboxTime(Duration.ofMinutes(31));
    try (CreationTracker tracker = tracker()) {
      CompletableFuture<CreateAccountStatus> firstDone = tracker.watch(first);
      tracker.watch(second);
      ticker.awaitSleeps(1);

      // The first poll comes a minute after both were watched and finds the first finished:
      // a creation takes a minute, so the second is due now.
      ticker.advance(Duration.ofSeconds(60));
      assertThat(firstDone.get().state()).isEqualTo(CreateAccountState.SUCCEEDED);
      ticker.awaitSleeps(2);
      ticker.advance(MIN.dividedBy(2));
      ticker.awaitSleeps(3);

      // Without the prediction the next poll would wait a twentieth of a minute (3 s); with it,
      // the poller looks closely (half the minimum) while the second is due or just overdue.
      List<Duration> sleeps = ticker.sleeps();
      assertThat(sleeps).containsExactly(MIN, MIN.dividedBy(2), MIN.dividedBy(2));
    }
  }
}
