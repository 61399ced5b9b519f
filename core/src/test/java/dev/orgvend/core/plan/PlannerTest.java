package dev.orgvend.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {
  static final String SPEC = """
      version: 1
      organization:
        units:
          - name: Workloads
            units:
              - name: Prod
      accounts:
        - name: alpha
          email: Alpha@Example.com
          ou: Workloads/Prod
          tags: {team: a}
        - name: beta
          email: beta@example.com
          ou: Workloads
        - name: gamma
          email: gamma@example.com
      """;

  static Spec spec(String yaml) {
    SpecResult result = SpecLoader.create().parse("test.yaml", yaml);
    assertThat(result).isInstanceOf(SpecResult.Valid.class);
    return ((SpecResult.Valid) result).spec();
  }

  static LiveOrganization live(List<LiveOrganization.Ou> ous,
      List<LiveOrganization.Account> accounts, Map<String, Map<String, String>> tags,
      List<LiveOrganization.Creation> inFlight) {
    List<LiveOrganization.Account> all = new java.util.ArrayList<>(accounts);
    all.add(new LiveOrganization.Account("000000000001", "management", "mgmt@example.com",
        "ACTIVE", "r-root"));
    return new LiveOrganization("o-testorg001", "000000000001", "r-root", ous, all, tags, inFlight);
  }

  @Test
  void plan_onEmptyOrganization_createsOusParentsFirstAndEveryAccount() {
    Plan plan = Planner.plan(spec(SPEC), live(List.of(), List.of(), Map.of(), List.of()));
    assertThat(plan.changes()).extracting(Change::action, Change::subject).containsExactly(
        org.assertj.core.groups.Tuple.tuple("create-ou", "Workloads"),
        org.assertj.core.groups.Tuple.tuple("create-ou", "Workloads/Prod"),
        org.assertj.core.groups.Tuple.tuple("create-account", "alpha"),
        org.assertj.core.groups.Tuple.tuple("create-account", "beta"),
        org.assertj.core.groups.Tuple.tuple("create-account", "gamma"));
    assertThat(plan.notes()).isEmpty();
  }

  @Test
  void plan_whenAccountExistsWithOtherCaseEmail_adoptsItInsteadOfCreating() {
    var ous = List.of(new LiveOrganization.Ou("ou-1", "Workloads", "r-root"),
        new LiveOrganization.Ou("ou-2", "Prod", "ou-1"));
    var accounts = List.of(
        new LiveOrganization.Account("111111111111", "alpha", "alpha@example.COM", "ACTIVE", "ou-2"),
        new LiveOrganization.Account("222222222222", "beta", "beta@example.com", "ACTIVE", "r-root"),
        new LiveOrganization.Account("333333333333", "gamma", "gamma@example.com", "ACTIVE", "r-root"));
    Plan plan = Planner.plan(spec(SPEC), live(ous, accounts,
        Map.of("111111111111", Map.of("team", "a")), List.of()));
    assertThat(plan.changes()).singleElement().isInstanceOfSatisfying(Change.MoveAccount.class,
        m -> {
          assertThat(m.accountId()).isEqualTo("222222222222");
          assertThat(m.from().isRoot()).isTrue();
          assertThat(m.account().ouPath().toString()).isEqualTo("Workloads");
        });
  }

  @Test
  void plan_whenTagsDiffer_setsAndRemovesButKeepsAwsTags() {
    var accounts = List.of(new LiveOrganization.Account("333333333333", "gamma",
        "gamma@example.com", "ACTIVE", "r-root"));
    String yaml = """
        version: 1
        accounts:
          - name: gamma
            email: gamma@example.com
            tags: {team: new, env: dev}
        """;
    Plan plan = Planner.plan(spec(yaml), live(List.of(), accounts, Map.of("333333333333",
        Map.of("team", "old", "stale", "x", "aws:cloudformation:stack", "y")), List.of()));
    assertThat(plan.changes()).singleElement().isInstanceOfSatisfying(Change.RetagAccount.class,
        r -> {
          assertThat(r.set()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "new", "env", "dev"));
          assertThat(r.remove()).containsExactly("stale");
        });
  }

  private static Plan retagGamma(Map<String, String> have) {
    var accounts = List.of(new LiveOrganization.Account("333333333333", "gamma",
        "gamma@example.com", "ACTIVE", "r-root"));
    String yaml = """
        version: 1
        accounts:
          - name: gamma
            email: gamma@example.com
            tags: {team: new}
        """;
    return Planner.plan(spec(yaml), live(List.of(), accounts, Map.of("333333333333", have),
        List.of()));
  }

  @Test
  void render_whenTagsAreRemoved_showsTheRemovalOnALineOfItsOwnMarkedMinus() {
    Plan plan = retagGamma(Map.of("team", "old", "stale", "x", "owner", "y",
        "aws:cloudformation:stack", "z"));

    assertThat(PlanText.render(plan)).isEqualTo("""
        Organization o-testorg001

        orgvend will:
          ~ retag account gamma (333333333333) set {team=new}
          - remove tag(s) owner, stale from account gamma (333333333333)

        Plan: 0 OU(s) to create, 0 account(s) to create, 0 to await, 0 to move, 1 to retag, \
        2 tag(s) to remove; 0 unmanaged account(s) left alone.
        """);
    assertThat(plan.removals()).extracting(Change::subject).containsExactly("gamma");
    assertThat(plan.tagsToRemove()).isEqualTo(2);
  }

  @Test
  void render_whenTagsAreOnlyRemoved_showsJustTheMinusLine() {
    Plan plan = retagGamma(Map.of("team", "new", "stale", "x"));

    assertThat(PlanText.render(plan)).contains("orgvend will:\n"
        + "  - remove tag(s) stale from account gamma (333333333333)\n\n");
    assertThat(PlanJson.write(plan)).contains(
        "\"description\" : \"remove tag(s) stale from account gamma (333333333333)\"");
  }

  @Test
  void plan_whenTagValuesOnlyChange_removesNothing() {
    Plan plan = retagGamma(Map.of("team", "old", "aws:cloudformation:stack", "z"));

    assertThat(plan.changes()).hasSize(1);
    assertThat(plan.removals()).isEmpty();
    assertThat(PlanText.render(plan)).doesNotContain("- remove", "to remove");
  }

  @Test
  void plan_whenCreationInFlightForSameName_awaitsIt() {
    String yaml = """
        version: 1
        accounts:
          - name: gamma
            email: gamma@example.com
        """;
    Plan plan = Planner.plan(spec(yaml), live(List.of(), List.of(), Map.of(),
        List.of(new LiveOrganization.Creation("car-abc", "gamma", Instant.now()))));
    assertThat(plan.changes()).singleElement().isInstanceOfSatisfying(
        Change.AwaitCreation.class, a -> assertThat(a.requestId()).isEqualTo("car-abc"));
  }

  @Test
  void plan_whenEmailBelongsToClosedAccount_reportsBlockedAndCreatesNothing() {
    String yaml = """
        version: 1
        accounts:
          - name: gamma
            email: gamma@example.com
        """;
    Plan plan = Planner.plan(spec(yaml), live(List.of(), List.of(new LiveOrganization.Account(
        "333333333333", "gamma", "gamma@example.com", "CLOSED", "r-root")), Map.of(), List.of()));
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.hasErrors()).isTrue();
    assertThat(plan.notes()).singleElement().satisfies(n ->
        assertThat(n.message()).contains("CLOSED").contains("new e-mail address"));
  }

  @Test
  void plan_listsUnmanagedAccountsButNeverTheManagementAccount() {
    String yaml = "version: 1\n";
    Plan plan = Planner.plan(spec(yaml), live(List.of(), List.of(new LiveOrganization.Account(
        "444444444444", "legacy", "legacy@example.com", "ACTIVE", "r-root")), Map.of(), List.of()));
    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.notes()).extracting(Note::kind).containsExactly(Note.Kind.UNMANAGED_ACCOUNT);
  }

  @Test
  void planJson_roundTrips() {
    Plan plan = Planner.plan(spec(SPEC), live(List.of(), List.of(), Map.of(), List.of()));
    Plan back = PlanJson.read(PlanJson.write(plan));
    assertThat(back).isEqualTo(plan);
  }

  @Test
  void fingerprint_changesWhenTheOrganizationChanges() {
    LiveOrganization a = live(List.of(), List.of(), Map.of(), List.of());
    LiveOrganization b = live(List.of(new LiveOrganization.Ou("ou-9", "New", "r-root")),
        List.of(), Map.of(), List.of());
    assertThat(Planner.fingerprint(a)).isEqualTo(Planner.fingerprint(
        live(List.of(), List.of(), Map.of(), List.of())));
    assertThat(Planner.fingerprint(a)).isNotEqualTo(Planner.fingerprint(b));
  }
}
