package dev.orgvend.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotasTest {
  private static final String MANAGEMENT = "111111111111";

  private static Spec spec(int accounts, String units) {
    StringBuilder yaml = new StringBuilder("version: 1\n");
    if (!units.isEmpty()) {
      yaml.append("organization:\n  units:\n").append(units);
    }
    yaml.append("accounts:\n");
    for (int i = 0; i < accounts; i++) {
      yaml.append("  - {name: a").append(i).append(", email: a").append(i)
          .append("@example.com}\n");
    }
    if (accounts == 0) {
      yaml.append("  []\n");
    }
    return ((SpecResult.Valid) SpecLoader.create().parse("orgvend.yaml", yaml.toString()
        .replace("accounts:\n  []", "accounts: []"))).spec();
  }

  private static LiveOrganization org(int members, int inFlight, int ous) {
    List<LiveOrganization.Account> accounts = new ArrayList<>();
    accounts.add(new LiveOrganization.Account(MANAGEMENT, "management", "m@example.com",
        "ACTIVE", "r-abcd"));
    for (int i = 0; i < members; i++) {
      accounts.add(new LiveOrganization.Account(String.format("2%011d", i), "old" + i,
          "old" + i + "@example.com", i == 0 ? "SUSPENDED" : "ACTIVE", "r-abcd"));
    }
    List<LiveOrganization.Ou> units = new ArrayList<>();
    for (int i = 0; i < ous; i++) {
      units.add(new LiveOrganization.Ou("ou-abcd-" + String.format("%08d", i), "old" + i,
          "r-abcd"));
    }
    List<LiveOrganization.Creation> creating = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      creating.add(new LiveOrganization.Creation("car-" + String.format("%08d", i), "other" + i,
          Instant.EPOCH));
    }
    return new LiveOrganization("o-abcdefghij", MANAGEMENT, "r-abcd", units, accounts, Map.of(),
        creating);
  }

  private static List<String> breaches(Spec spec, LiveOrganization live,
      OrganizationLimits limits) {
    return Quotas.check(Planner.plan(spec, live), live, limits).quotaBreaches().stream()
        .map(Note::message).toList();
  }

  @Test
  void check_whenAccountsWouldExceedAwsDefault_namesTheQuotaTheCountsAndTheFlag() {
    // 1 management + 5 members (one suspended: it still counts) + 2 being created + 3 new = 11.
    List<String> breaches = breaches(spec(3, ""), org(5, 2, 0),
        OrganizationLimits.awsDefaults());

    assertThat(breaches).containsExactly("quota accounts: the organization has 6 account(s) and"
        + " 2 being created and the plan creates 3, 11 in all, over the quota of 10 (AWS's"
        + " default; if your organization's quota was raised, pass --limit accounts=N)");
  }

  @Test
  void check_whenTheQuotaGivenFits_findsNothing() {
    OrganizationLimits raised = OrganizationLimits.awsDefaults()
        .with(Map.of(OrganizationLimits.ACCOUNTS, 11));

    assertThat(breaches(spec(3, ""), org(5, 2, 0), raised)).isEmpty();
    assertThat(breaches(spec(2, ""), org(5, 2, 0), OrganizationLimits.awsDefaults())).isEmpty();
  }

  @Test
  void check_whenThePlanCreatesNoAccounts_acceptsAnOrganizationAlreadyOverTheQuota() {
    assertThat(breaches(spec(0, ""), org(40, 0, 0), OrganizationLimits.awsDefaults())).isEmpty();
  }

  @Test
  void check_whenOusWouldExceedTheQuota_saysSoWithTheGivenValue() {
    OrganizationLimits limits = OrganizationLimits.awsDefaults()
        .with(Map.of(OrganizationLimits.OUS, 3));

    List<String> breaches = breaches(spec(0, "    - name: A\n    - name: B\n"), org(0, 0, 2),
        limits);

    assertThat(breaches).containsExactly("quota ous: the organization has 2 OU(s) and the plan"
        + " creates 2, 4 in all, over the quota of 3 (as given with --limit ous)");
  }

  @Test
  void check_whenAnOuIsDeeperThanTheQuota_namesIt() {
    OrganizationLimits limits = OrganizationLimits.awsDefaults()
        .with(Map.of(OrganizationLimits.OU_DEPTH, 2));

    List<String> breaches = breaches(spec(0,
        "    - name: A\n      units:\n        - name: B\n          units: [{name: C}]\n"),
        org(0, 0, 0), limits);

    assertThat(breaches).containsExactly("quota ou-depth: the plan creates OU A/B/C at depth 3,"
        + " deeper than the quota of 2 levels below the root (as given with --limit ou-depth)");
  }

  @Test
  void check_whenRetaggingLeavesTooManyTags_countsAwsOwnTagsToo() {
    Spec spec = ((SpecResult.Valid) SpecLoader.create().parse("orgvend.yaml", """
        version: 1
        accounts:
          - {name: old1, email: old1@example.com, tags: {a: "1", b: "2"}}
        """)).spec();
    LiveOrganization base = org(2, 0, 0);
    LiveOrganization live = new LiveOrganization(base.id(), MANAGEMENT, base.rootId(),
        base.ous(), base.accounts(), Map.of("200000000001", Map.of("aws:x", "1", "aws:y", "2")),
        base.inFlight());
    OrganizationLimits limits = OrganizationLimits.awsDefaults()
        .with(Map.of(OrganizationLimits.TAGS, 3));

    assertThat(breaches(spec, live, limits)).containsExactly("quota tags-per-account: account"
        + " old1 would have 4 tags, over the quota of 3 (as given with --limit"
        + " tags-per-account)");
  }

  @Test
  void with_whenTheNameOrValueIsWrong_saysWhat() {
    assertThatThrownBy(() -> OrganizationLimits.awsDefaults().with(Map.of("acounts", 5)))
        .hasMessage("unknown quota acounts; orgvend knows accounts, ous, ou-depth,"
            + " tags-per-account");
    assertThatThrownBy(() -> OrganizationLimits.awsDefaults().with(Map.of("ou-depth", 6)))
        .hasMessage("the quota ou-depth takes 1 to 5, not 6");
  }

  @Test
  void check_whenTheQuotaIsBroken_isAnErrorNoteThePlanTextShows() {
    Plan plan = Quotas.check(Planner.plan(spec(10, ""), org(0, 0, 0)), org(0, 0, 0),
        OrganizationLimits.awsDefaults());

    assertThat(plan.hasErrors()).isTrue();
    assertThat(PlanText.render(plan)).contains("  ! quota accounts: the organization has 1"
        + " account(s) and the plan creates 10, 11 in all, over the quota of 10");
  }
}
