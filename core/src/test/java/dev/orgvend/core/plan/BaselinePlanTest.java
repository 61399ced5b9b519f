package dev.orgvend.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.baseline.AccountResult;
import dev.orgvend.core.baseline.ComponentResult;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.spec.Spec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinePlanTest {
  static final String SPEC = """
      version: 1
      defaults: {baseline: std}
      accounts:
        - {name: drifted, email: drifted@example.com}
        - {name: pending, email: pending@example.com}
        - {name: locked, email: locked@example.com}
        - {name: fresh, email: fresh@example.com}
      baselines:
        std:
          billingAlarm: {email: finance@example.com}
      """;

  private static final Finding THRESHOLD = Finding.differs("billingAlarm",
      "alarm DefaultBillingAlarm", "threshold", "5000", "100");

  private static AccountResult result(String id, Finding... findings) {
    return new AccountResult(id, List.of(new ComponentResult("billingAlarm",
        Status.of(List.of(findings)), List.of(findings), List.of())));
  }

  private static LiveOrganization.Account account(String id, String name) {
    return new LiveOrganization.Account(id, name, name + "@example.com", "ACTIVE", "r-root");
  }

  @Test
  void plan_withBaselineResults_repairsOnlyDriftAndNotesUnreadableAccounts() {
    Spec spec = PlannerTest.spec(SPEC);
    LiveOrganization live = PlannerTest.live(List.of(), List.of(account("111111111111",
        "drifted"), account("222222222222", "pending"), account("333333333333", "locked")),
        Map.of(), List.of());
    Map<String, AccountResult> baselines = Map.of(
        "111111111111", result("111111111111", THRESHOLD),
        "222222222222", result("222222222222", Finding.notice("billingAlarm",
            "subscription finance@example.com", "pending confirmation")),
        "333333333333", result("333333333333", new Finding("billingAlarm", Status.UNREACHABLE,
            "role OrganizationAccountAccessRole", "cannot assume role", null, null)));

    Plan plan = Planner.plan(spec, live, baselines);

    assertThat(plan.changes()).extracting(Change::action, Change::subject).containsExactly(
        org.assertj.core.groups.Tuple.tuple("apply-baseline", "drifted"),
        org.assertj.core.groups.Tuple.tuple("create-account", "fresh"));
    assertThat(((Change.ApplyBaseline) plan.changes().get(0)).findings())
        .containsExactly(THRESHOLD);
    assertThat(plan.notes()).extracting(Note::kind, Note::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Note.Kind.BASELINE_UNREADABLE, "baseline std of"
            + " locked (333333333333): billingAlarm: cannot assume role"));
    assertThat(PlanText.render(plan)).contains("""
          ~ apply baseline std to account drifted (111111111111):
              billingAlarm: alarm DefaultBillingAlarm: threshold is 5000, want 100
          + create account fresh <fresh@example.com> in Root, then baseline std
        """);
    assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);
  }
}
