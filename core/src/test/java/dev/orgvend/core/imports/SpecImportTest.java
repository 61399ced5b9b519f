package dev.orgvend.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.live.LiveOrganization.Account;
import dev.orgvend.core.live.LiveOrganization.Ou;
import dev.orgvend.core.plan.Planner;
import dev.orgvend.core.spec.AccountSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecImportTest {
  private static final String ROOT = "r-ab12";
  private static final String MANAGEMENT = "111111111111";

  private static LiveOrganization org(List<Ou> ous, List<Account> accounts,
      Map<String, Map<String, String>> tags, List<LiveOrganization.Creation> inFlight) {
    List<Account> all = new java.util.ArrayList<>(accounts);
    all.add(new Account(MANAGEMENT, "management", "management@example.com", "ACTIVE", ROOT));
    return new LiveOrganization("o-abcdefghij", MANAGEMENT, ROOT, ous, all, tags, inFlight);
  }

  @Test
  void of_writesTheTreeAndMemberAccounts_quotingEveryValue() {
    LiveOrganization live = org(
        List.of(new Ou("ou-ab12-22222222", "Workloads", ROOT),
            new Ou("ou-ab12-11111111", "Security", ROOT),
            new Ou("ou-ab12-33333333", "Prod", "ou-ab12-22222222")),
        List.of(new Account("222222222222", "log-archive", "log@example.com", "ACTIVE",
                "ou-ab12-11111111"),
            new Account("333333333333", "web", "web@example.com", "ACTIVE", "ou-ab12-33333333"),
            new Account("444444444444", "sandbox", "sandbox@example.com", "ACTIVE", ROOT)),
        Map.of("222222222222", Map.of("cost-center", "1000", "aws:cloudformation:stack", "x"),
            "333333333333", Map.of(), "444444444444", Map.of()),
        List.of());

    SpecImport.Imported imported = SpecImport.of(live, "orgvend.yaml", List.of("Imported."));

    assertThat(imported.yaml()).isEqualTo("""
        # Imported.

        version: 1
        organization:
          units:
            - name: "Security"
            - name: "Workloads"
              units:
                - name: "Prod"
        accounts:
          - name: "sandbox"
            email: "sandbox@example.com"
            ou: "Root"
          - name: "log-archive"
            email: "log@example.com"
            ou: "Security"
            tags:
              cost-center: "1000"
          - name: "web"
            email: "web@example.com"
            ou: "Workloads/Prod"
        """);
    assertThat(imported.notes()).isEmpty();
    assertThat(Planner.plan(imported.spec(), live).hasChanges()).isFalse();
  }

  @Test
  void of_valuesThatLookLikeYamlSyntax_surviveTheRoundTrip() {
    List<String> tricky = List.of("yes", "no", "null", "~", "123", "0x1F", "1e3", ".inf",
        "- dash", "key: value", "@at", "[list]", "{map}", "#hash", "*star", "&anchor", "!tag",
        "%percent", "'single", "\"double", "a # comment", "|", ">", "  padded  ", "", "true");
    List<Ou> ous = new java.util.ArrayList<>();
    List<Account> accounts = new java.util.ArrayList<>();
    Map<String, Map<String, String>> tags = new java.util.HashMap<>();
    for (int i = 0; i < tricky.size(); i++) {
      String text = tricky.get(i);
      String ouId = "ou-ab12-" + String.format("%08d", i);
      ous.add(new Ou(ouId, text.isEmpty() ? "empty" : text, ROOT));
      String id = String.format("5%011d", i);
      accounts.add(new Account(id, text.isBlank() ? "blank" + i : text, "a" + i + "@example.com",
          "ACTIVE", ouId));
    }
    // Tag text may use letters, digits, spaces and _.:/=+@- only.
    List<String> tagTexts = List.of("yes", "null", "123", "-1", ".inf", "@at", "a: b", " x ", "",
        "true", "=", "+1", "1.5", "2024-01-01", "0o17");
    for (int i = 0; i < tagTexts.size(); i++) {
      String key = tagTexts.get(i).isBlank() ? "k" + i : tagTexts.get(i);
      tags.computeIfAbsent(accounts.get(i).id(), k -> new java.util.TreeMap<>())
          .put(key, tagTexts.get(i));
    }

    SpecImport.Imported imported = SpecImport.of(org(ous, accounts, tags, List.of()),
        "orgvend.yaml", List.of());

    assertThat(imported.spec().accounts()).extracting(AccountSpec::name)
        .contains("yes", "null", "~", "123", "key: value", "#hash", "  padded  ", "\"double");
    assertThat(imported.spec().account("yes").orElseThrow().tags())
        .containsEntry("yes", "yes");
    assertThat(imported.spec().account("no").orElseThrow().tags())
        .containsEntry("null", "null");
    assertThat(imported.spec().account("null").orElseThrow().tags())
        .containsEntry("123", "123");
  }

  @Test
  void of_leavesOutClosedAccountsAndCreationsInFlight_andSaysSo() {
    LiveOrganization live = org(List.of(),
        List.of(new Account("222222222222", "gone", "gone@example.com", "SUSPENDED", ROOT)),
        Map.of(), List.of(new LiveOrganization.Creation("car-1234", "coming",
            Instant.parse("2025-01-01T00:00:00Z"))));

    SpecImport.Imported imported = SpecImport.of(live, "orgvend.yaml", List.of());

    assertThat(imported.yaml()).isEqualTo("version: 1\naccounts: []\n");
    assertThat(imported.notes()).containsExactly(
        "account gone (222222222222) is SUSPENDED; closed accounts are left out",
        "account coming is still being created (car-1234); import again when it is done to"
            + " include it");
  }

  @Test
  void of_whenTwoAccountsShareAName_reportsTheSpecProblem() {
    LiveOrganization live = org(List.of(),
        List.of(new Account("222222222222", "twin", "one@example.com", "ACTIVE", ROOT),
            new Account("333333333333", "twin", "two@example.com", "ACTIVE", ROOT)),
        Map.of(), List.of());

    assertThatThrownBy(() -> SpecImport.of(live, "imported.yaml", List.of()))
        .isInstanceOfSatisfying(SpecImport.NotRepresentable.class, e ->
            assertThat(e.problems()).singleElement().asString()
                .startsWith("imported.yaml:6:")
                .contains("accounts[1].name: account name \"twin\" is already used by"
                    + " accounts[0]"));
  }

  @Test
  void of_headerLinesCannotBreakOutOfTheComment() {
    LiveOrganization live = org(List.of(), List.of(), Map.of(), List.of());

    String yaml = SpecImport.of(live, "orgvend.yaml", List.of("a\nversion: 2", "")).yaml();

    assertThat(yaml).isEqualTo("# a\\nversion: 2\n#\n\nversion: 1\naccounts: []\n");
  }

  /** Names YAML would misread unquoted, and characters AWS allows that are safe to show. */
  static final List<String> AWKWARD = List.of("#hash", "a: b", "- dash", "'single'",
      "\"double\"", "back\\slash", "  lead and trail  ", "yes", "null", "1e3", "*star",
      "&anchor", "!tag", "%percent", "@at", "`tick", "no\u00a0break", "café 日本", "{brace}",
      "[bracket]", "|pipe", ">fold", "? question", "...", "---");

  @Test
  void of_whenNamesAreAwkwardForYaml_writesThemSoTheyReadBackExactly() {
    java.util.List<Ou> ous = new java.util.ArrayList<>();
    java.util.List<Account> accounts = new java.util.ArrayList<>();
    Map<String, Map<String, String>> tags = new java.util.HashMap<>();
    for (int i = 0; i < AWKWARD.size(); i++) {
      String id = String.format("ou-ab12-%08d", i);
      String accountId = String.format("5%011d", i);
      ous.add(new Ou(id, AWKWARD.get(i), ROOT));
      String accountName = AWKWARD.get(i).chars().allMatch(c -> c >= 0x20 && c < 0x7f)
          ? AWKWARD.get(i) : "account " + i;
      accounts.add(new Account(accountId, accountName, "a" + i + "@example.com", "ACTIVE", id));
      tags.put(accountId, Map.of("k" + i, i % 2 == 0 ? "@:/=+-_." : "spaced value " + i));
    }
    LiveOrganization live = org(ous, accounts, tags, List.of());

    SpecImport.Imported imported = SpecImport.of(live, "orgvend.yaml", List.of());

    assertThat(imported.spec().organization().units()).extracting(u -> u.path().name())
        .containsExactlyInAnyOrderElementsOf(AWKWARD);
    assertThat(imported.spec().accounts()).hasSize(AWKWARD.size()).allSatisfy(a -> {
      Account original = accounts.stream().filter(x -> x.email().equals(a.email())).findFirst()
          .orElseThrow();
      assertThat(a.name()).isEqualTo(original.name());
      assertThat(a.ouPath().segments()).containsExactly(live.pathOf(original.parentId())
          .toArray(String[]::new));
      assertThat(a.tags()).isEqualTo(tags.get(original.id()));
    });
  }

  @Test
  void of_whenAnOuNameHoldsControlCharacters_refusesAndQuotesItEscaped() {
    LiveOrganization live = org(List.of(new Ou("ou-ab12-22222222",
            "Evil\u001b[2J\n+ create account x\u202e", ROOT)),
        List.of(), Map.of(), List.of());

    assertThatThrownBy(() -> SpecImport.of(live, "orgvend.yaml", List.of()))
        .isInstanceOfSatisfying(SpecImport.NotRepresentable.class, e ->
            assertThat(e.problems()).singleElement().asString().contains(
                "organization.units[0].name: \"Evil\\x1b[2J\\n+ create account x\\u202e\""
                    + " contains the control character U+001B; remove it"));
  }
}
