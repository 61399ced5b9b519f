package dev.orgvend.core.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.live.LiveOrganization;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settling what killed runs left in the journal, from a snapshot of what AWS reports. */
class RecoveryTest {
  @TempDir Path dir;

  private static LiveOrganization live(List<LiveOrganization.Account> accounts,
      List<LiveOrganization.Creation> inFlight) {
    return new LiveOrganization("o-test", "111111111111", "r-root", List.of(), accounts,
        Map.of(), inFlight);
  }

  @Test
  void reconcile_afterAKilledRun_closesItAsCrashed_andLeavesNoActionOpen() {
    try (Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
      long killed = journal.startRun("apply", "orgvend.yaml", "o-test");
      long created = journal.intent(killed, "CreateAccount", "made", "made@example.com", null);
      journal.requested(created, "car-made");
      long inFlight = journal.intent(killed, "CreateAccount", "slow", "slow@example.com", null);
      journal.requested(inFlight, "car-slow");
      long neverSent = journal.intent(killed, "CreateAccount", "none", "none@example.com", null);
      long move = journal.intent(killed, "MoveAccount", "made", "made@example.com", "r -> ou");
      long baseline = journal.intent(killed, "Baseline:billingAlarm", "made",
          "made@example.com", null);

      List<Recovery.Finding> findings = Recovery.reconcile(journal, live(
          List.of(new LiveOrganization.Account("222222222222", "made", "MADE@example.com",
              "ACTIVE", "r-root")),
          List.of(new LiveOrganization.Creation("car-slow", "slow", Instant.EPOCH))));

      assertThat(journal.actionsOf(killed)).extracting(Journal.Action::id,
          Journal.Action::state, Journal.Action::accountId).containsExactly(
              tuple(created, "DONE", "222222222222"),
              tuple(inFlight, "SUPERSEDED", null),
              tuple(neverSent, "SUPERSEDED", null),
              tuple(move, "SUPERSEDED", null),
              tuple(baseline, "SUPERSEDED", null));
      assertThat(journal.runs(10)).singleElement().satisfies(r -> {
        assertThat(r.status()).isEqualTo("CRASHED");
        assertThat(r.finishedAt()).isNotNull();
      });
      assertThat(findings).extracting(Recovery.Finding::account).containsExactly("made", "slow",
          "none", "run " + killed, "journal");
      assertThat(findings.get(4).resolution()).startsWith("2 action(s) left open");
    }
  }

  @Test
  void reconcile_leavesCheckRunsAndFinishedRunsAlone() {
    try (Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
      long check = journal.startRun("check", "orgvend.yaml", "o-test");
      long done = journal.startRun("apply", "orgvend.yaml", "o-test");
      journal.finishRun(done, Journal.RunStatus.SUCCEEDED, "1 change(s) done, 0 failed");

      assertThat(Recovery.reconcile(journal, live(List.of(), List.of()))).isEmpty();

      assertThat(journal.runs(10)).extracting(Journal.Run::id, Journal.Run::status)
          .containsExactly(tuple(done, "SUCCEEDED"), tuple(check, "RUNNING"));
    }
  }

  @Test
  void reconcile_anAwaitedCreationOfAKilledRun_isConfirmedFromAws() {
    try (Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
      long killed = journal.startRun("apply", "orgvend.yaml", "o-test");
      long await = journal.intent(killed, "AwaitCreation", "late", "late@example.com", null);
      journal.requested(await, "car-late");

      Recovery.reconcile(journal, live(List.of(new LiveOrganization.Account("333333333333",
          "late", "late@example.com", "ACTIVE", "r-root")), List.of()));

      assertThat(journal.actionsOf(killed)).singleElement().satisfies(a -> {
        assertThat(a.state()).isEqualTo("DONE");
        assertThat(a.accountId()).isEqualTo("333333333333");
      });
    }
  }
}
