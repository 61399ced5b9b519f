package dev.orgvend.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgvend.core.time.FakeTicker;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsCallerTest {
  private final FakeTicker ticker = FakeTicker.advancingOnSleep();
  private final AwsCaller caller = caller(ticker, 1);

  private static AwsCaller caller(FakeTicker ticker, long seed) {
    return new AwsCaller(new RateGovernor(RateTable.unlimited(), ticker), ticker,
        new Random(seed), new CallStats(), 5, Duration.ofMillis(100), Duration.ofSeconds(5));
  }

  static AwsServiceException error(String code, int status) {
    return AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
        .build();
  }

  @Test
  void call_whenThrottledThenOk_retriesAndCountsBothAttempts() {
    AtomicInteger attempts = new AtomicInteger();
    String result = caller.call("ListAccounts", () -> {
      if (attempts.incrementAndGet() == 1) {
        throw error("TooManyRequestsException", 400);
      }
      return "ok";
    });
    assertThat(result).isEqualTo("ok");
    assertThat(caller.stats().count("ListAccounts")).isEqualTo(2);
    assertThat(caller.stats().errorsByCode()).containsEntry("TooManyRequestsException", 1L);
    assertThat(ticker.sleeps()).isNotEmpty();
  }

  @Test
  void call_whenConcurrentModification_retries() {
    AtomicInteger attempts = new AtomicInteger();
    caller.call("MoveAccount", () -> {
      if (attempts.incrementAndGet() < 3) {
        throw error("ConcurrentModificationException", 400);
      }
      return null;
    });
    assertThat(attempts).hasValue(3);
  }

  @Test
  void call_whenConnectionDrops_retries() {
    AtomicInteger attempts = new AtomicInteger();
    caller.call("DescribeOrganization", () -> {
      if (attempts.incrementAndGet() == 1) {
        throw SdkClientException.create("Unable to execute HTTP request",
            new IOException("connection reset"));
      }
      return null;
    });
    assertThat(attempts).hasValue(2);
  }

  @Test
  void call_whenTerminalError_failsAtOnce() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> caller.call("CreateAccount", () -> {
      attempts.incrementAndGet();
      throw error("AccessDeniedException", 400);
    })).isInstanceOf(AwsServiceException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void call_whenServerKeepsFailing_givesUpAfterMaxAttempts() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> caller.call("ListRoots", () -> {
      attempts.incrementAndGet();
      throw error("ServiceException", 500);
    })).isInstanceOf(AwsServiceException.class);
    assertThat(attempts).hasValue(5);
    // Backoff grows but stays under the cap.
    assertThat(ticker.sleeps()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
  }

  /** Four 5xx answers, then success: the four backoff waits the caller chose. */
  private static List<Duration> backoffs(long seed) {
    FakeTicker ticker = FakeTicker.advancingOnSleep();
    AtomicInteger attempts = new AtomicInteger();
    caller(ticker, seed).call("ListRoots", () -> {
      if (attempts.incrementAndGet() < 5) {
        throw error("ServiceException", 500);
      }
      return null;
    });
    return ticker.sleeps();
  }

  @Test
  void call_whenRetrying_drawsEachWaitFromTheSeededRandomWithinTheDoublingCap() {
    List<Duration> first = backoffs(42);

    assertThat(backoffs(42)).as("the same seed replays the same jitter").isEqualTo(first);
    assertThat(backoffs(43)).as("another seed jitters otherwise").isNotEqualTo(first);
    assertThat(first).hasSize(4);
    for (int i = 0; i < 4; i++) {
      Duration cap = Duration.ofMillis(100L << i);
      assertThat(first.get(i)).isBetween(cap.dividedBy(2), cap);
    }
  }

  @Test
  void errorKind_classifiesByCodeNotMessage() {
    assertThat(ErrorKind.of(error("Throttling", 400))).isEqualTo(ErrorKind.THROTTLED);
    assertThat(ErrorKind.of(error("SomethingElse", 503))).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(ErrorKind.of(error("DuplicateAccountException", 400))).isEqualTo(ErrorKind.TERMINAL);
    assertThat(ErrorKind.of(new IllegalStateException("Throttling"))).isEqualTo(ErrorKind.TERMINAL);
  }
}
