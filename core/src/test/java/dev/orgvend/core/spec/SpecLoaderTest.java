package dev.orgvend.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  private final SpecLoader loader = SpecLoader.create();

  @TempDir Path dir;

  @Test
  void load_whenSpecIsValid_bindsEverySection() throws Exception {
    Spec spec = valid(loader.load(copyOfGood("full.yaml")));

    assertThat(spec.version()).isEqualTo(1);
    assertThat(spec.settings()).isEqualTo(new Settings("eu-central-1", "vend-run", 3));
    assertThat(spec.defaults()).isEqualTo(new AccountDefaults("VendAdmin",
        IamUserAccessToBilling.DENY, "default",
        Map.of("team", "platform", "managed-by", "orgvend")));
    assertThat(spec.organization().ouPaths()).extracting(OuPath::toString)
        .containsExactly("Security", "Workloads", "Workloads/Prod", "Workloads/Dev",
            "Workloads/Dev/Sandbox");
    assertThat(spec.baselines()).containsOnlyKeys("default", "minimal");
    assertThat(spec.baselines().get("default").components().get("billingAlarm").toString())
        .isEqualTo("{\"email\":\"finance@example.com\",\"threshold\":100}");
    assertThat(spec.baselines().get("default").components().get("guardrails").toString())
        .isEqualTo("[\"no-public-s3\",\"ebs-encryption\"]");
  }

  @Test
  void load_whenAccountsLeaveValuesOut_appliesDefaultsAndMergesTags() throws Exception {
    Spec spec = valid(loader.load(copyOfGood("full.yaml")));

    assertThat(spec.accounts()).containsExactly(
        new AccountSpec("log-archive", "Log-Archive@Example.com", OuPath.parse("Security"),
            Map.of("team", "security", "managed-by", "orgvend", "cost-center", "1234"),
            "VendAdmin", IamUserAccessToBilling.DENY, "default"),
        new AccountSpec("dev-sandbox", "dev-sandbox@example.com",
            OuPath.parse("Workloads/Dev/Sandbox"),
            Map.of("team", "platform", "managed-by", "orgvend"),
            "OrganizationAccountAccessRole", IamUserAccessToBilling.ALLOW, "minimal"),
        new AccountSpec("in-root", "in-root@example.com", OuPath.root(),
            Map.of("team", "platform", "managed-by", "orgvend"),
            "VendAdmin", IamUserAccessToBilling.DENY, "default"));
    assertThat(spec.accounts().get(0).tags().keySet())
        .containsExactly("cost-center", "managed-by", "team");
  }

  @Test
  void parse_whenOnlyVersionIsGiven_usesAwsDefaults() {
    Spec spec = valid(loader.parse("orgvend.yaml", "version: 1\n"));

    assertThat(spec.settings()).isEqualTo(new Settings("us-east-1", "orgvend", 5));
    assertThat(spec.defaults()).isEqualTo(AccountDefaults.aws());
    assertThat(spec.organization().units()).isEmpty();
    assertThat(spec.accounts()).isEmpty();
    assertThat(spec.baselines()).isEmpty();
  }

  @Test
  void parse_whenOptionalSectionsAreEmpty_treatsThemAsLeftOut() {
    Spec spec = valid(loader.parse("orgvend.yaml", """
        version: 1
        settings:
        defaults:
        organization:
          units:
        accounts:
          - name: a
            email: a@example.com
            ou:
            tags:
            baseline: ~
        baselines:
        """));

    assertThat(spec.settings()).isEqualTo(Settings.defaults());
    assertThat(spec.accounts().get(0).ouPath()).isEqualTo(OuPath.root());
    assertThat(spec.accounts().get(0).baselineName()).isEmpty();
  }

  @Test
  void parse_whenWordsLookLikeYaml11Booleans_keepsThemAsText() {
    Spec spec = valid(loader.parse("orgvend.yaml", """
        version: 1
        organization:
          units: [{name: no}]
        accounts:
          - {name: yes, email: yes@example.com, ou: no, tags: {enabled: on, region: NO}}
        """));

    AccountSpec account = spec.accounts().get(0);
    assertThat(account.name()).isEqualTo("yes");
    assertThat(account.ouPath()).isEqualTo(OuPath.parse("no"));
    assertThat(account.tags()).containsEntry("enabled", "on").containsEntry("region", "NO");
  }

  @Test
  void parse_whenAnchorsAndMergeKeysShareSettings_expandsThem() {
    Spec spec = valid(loader.parse("orgvend.yaml", """
        version: 1
        accounts:
          - &first {name: a, email: a@example.com, iamUserAccessToBilling: DENY, tags: &t {x: y}}
          - <<: *first
            name: b
            email: b@example.com
          - {name: c, email: c@example.com, tags: *t}
        """));

    assertThat(spec.accounts()).extracting(AccountSpec::name).containsExactly("a", "b", "c");
    assertThat(spec.accounts().get(1).iamUserAccessToBilling())
        .isEqualTo(IamUserAccessToBilling.DENY);
    assertThat(spec.accounts().get(1).tags()).isEqualTo(Map.of("x", "y"));
    assertThat(spec.accounts().get(2).tags()).isEqualTo(Map.of("x", "y"));
  }

  @Test
  void parse_whenBrokenInManyPlaces_reportsAllProblemsInFileOrder() {
    List<Problem> problems = invalid(loader.parse("orgvend.yaml", """
        version: 1
        accounts:
          - name: a
            email: foo
          - name: b
            email: b@example.com
            ou: Nowhere
        settings:
          concurrency: 9
        """));

    assertThat(problems).extracting(Problem::toString).containsExactly(
        "orgvend.yaml:4:12: accounts[0].email: e-mail address \"foo\" is 3 characters long; "
            + "AWS requires 6 to 64",
        "orgvend.yaml:7:9: accounts[1].ou: OU path \"Nowhere\" is not defined under "
            + "organization.units",
        "orgvend.yaml:9:16: settings.concurrency: 9 is out of range; AWS allows 1 to 5 account "
            + "creations in progress at once");
    assertThat(problems.get(0)).isEqualTo(new Problem("orgvend.yaml", 4, 12, "accounts[0].email",
        "e-mail address \"foo\" is 3 characters long; AWS requires 6 to 64"));
  }

  @Test
  void parse_whenOneAccountIsBad_stillChecksTheOthers() {
    List<Problem> problems = invalid(loader.parse("orgvend.yaml", """
        version: 1
        accounts:
          - {name: a, email: bad}
          - {name: b, email: also-bad}
          - {name: c, email: c@example.com, roleName: "no spaces"}
        """));

    assertThat(problems).extracting(Problem::path)
        .containsExactly("accounts[0].email", "accounts[1].email", "accounts[2].roleName");
  }

  @Test
  void load_whenFileIsMissing_reportsItWithoutLocation() {
    Path missing = dir.resolve("nope.yaml");

    List<Problem> problems = invalid(loader.load(missing));

    assertThat(problems).extracting(Problem::toString)
        .containsExactly(missing + ": no such file; run orgvend init to create one");
  }

  @Test
  void load_whenPathIsADirectory_reportsInsteadOfThrowing() {
    List<Problem> problems = invalid(loader.load(dir));

    assertThat(problems).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("is a directory, not a regular file;"
            + " a spec must be a regular file"));
  }

  @Test
  void load_whenFileIsNotUtf8_reportsIt() throws IOException {
    Path latin1 = dir.resolve("orgvend.yaml");
    Files.write(latin1, new byte[] {'v', 'e', 'r', ':', ' ', (byte) 0xE9, '\n'});

    assertThat(invalid(loader.load(latin1))).extracting(Problem::message)
        .containsExactly("the file is not UTF-8 text");
  }

  @Test
  void parse_whenTextStartsWithByteOrderMark_ignoresIt() {
    valid(loader.parse("orgvend.yaml", "\uFEFFversion: 1\n"));
  }

  @Test
  void parse_whenAccountIsWrittenByAnAlias_pointsAtTheAnchorButNamesEachUse() {
    List<Problem> problems = invalid(loader.parse("orgvend.yaml", """
        version: 1
        accounts:
          - &bad {name: a, email: nope}
          - *bad
        """));

    assertThat(problems).extracting(Problem::toString).containsExactly(
        "orgvend.yaml:3:17: accounts[1].name: account name \"a\" is already used by accounts[0] "
            + "at line 3, column 17",
        "orgvend.yaml:3:27: accounts[0].email: e-mail address \"nope\" is 4 characters long; "
            + "AWS requires 6 to 64",
        "orgvend.yaml:3:27: accounts[1].email: e-mail address \"nope\" is 4 characters long; "
            + "AWS requires 6 to 64");
  }

  private Path copyOfGood(String name) throws Exception {
    Path target = dir.resolve(name);
    Files.copy(Path.of(getClass().getResource("/specs/good/" + name).toURI()), target);
    return target;
  }

  static Spec valid(SpecResult result) {
    if (result instanceof SpecResult.Invalid invalid) {
      throw new AssertionError("Expected a valid spec, got:\n" + String.join("\n",
          invalid.problems().stream().map(Problem::toString).toList()));
    }
    return ((SpecResult.Valid) result).spec();
  }

  static List<Problem> invalid(SpecResult result) {
    assertThat(result).isInstanceOf(SpecResult.Invalid.class);
    return ((SpecResult.Invalid) result).problems();
  }
}
