package dev.orgvend.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.state.SqliteStore;
import dev.orgvend.sandbox.state.Store;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Principal SESSION = new Principal("111111111111",
      "arn:aws:sts::111111111111:assumed-role/R/s", "AROAEXAMPLE:s", Principal.Kind.ROLE_SESSION,
      "arn:aws:iam::111111111111:role/R");
  private static final Principal USER = new Principal("111111111111",
      "arn:aws:iam::111111111111:user/u", "AIDAEXAMPLE", Principal.Kind.USER, null);

  private final Store store = Store.inMemory();
  private final Credentials credentials =
      new Credentials(store);

  private static AccessKey session(String id, Instant expiration) {
    return new AccessKey(id, "secret-" + id, "token-" + id, expiration, SESSION);
  }

  @Test
  void prune_whenSessionsExpiredOverADayAgo_dropsOnlyThose() {
    credentials.add(new AccessKey("AKIALONGTERM", "secret", null, null, USER));
    credentials.add(session("ASIAOLD", T0.minusSeconds(90_000)));
    credentials.add(session("ASIARECENT", T0.minusSeconds(3_600)));
    credentials.add(session("ASIALIVE", T0.plusSeconds(3_600)));

    credentials.prune(T0);

    assertThat(credentials.find("ASIAOLD")).isEmpty();
    assertThat(credentials.find("ASIARECENT")).isPresent();
    assertThat(credentials.find("ASIALIVE")).isPresent();
    assertThat(credentials.find("AKIALONGTERM")).isPresent();
  }

  @Test
  void prune_whenTimeMovesOn_dropsEachSessionOnceItsDayHasPassed() {
    credentials.add(session("ASIAFIRST", T0.plusSeconds(100)));
    credentials.add(session("ASIASECOND", T0.plusSeconds(200)));

    credentials.prune(T0.plusSeconds(100 + 86_401));
    assertThat(credentials.find("ASIAFIRST")).isEmpty();
    assertThat(credentials.find("ASIASECOND")).isPresent();

    credentials.prune(T0.plusSeconds(200 + 86_401));
    assertThat(credentials.find("ASIASECOND")).isEmpty();
  }

  @Test
  void prune_afterRestart_stillFindsSessionsIssuedBefore(@TempDir Path dir) {
    Path file = dir.resolve("state.db");
    try (SqliteStore before = SqliteStore.open(file)) {
      Credentials issuing = new Credentials(before);
      issuing.add(session("ASIABEFORERESTART", T0.minusSeconds(100_000)));
      before.commit();
    }
    try (SqliteStore after = SqliteStore.open(file)) {
      Credentials reopened = new Credentials(after);
      assertThat(reopened.find("ASIABEFORERESTART")).isPresent();

      reopened.prune(T0);

      assertThat(reopened.find("ASIABEFORERESTART")).isEmpty();
    }
  }
}
