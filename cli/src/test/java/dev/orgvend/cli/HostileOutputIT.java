package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.output.Printable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * Terminal injection from data in AWS, swept through every output path: an insider who may create
 * OUs, tag accounts or edit their own account's contacts and alarms plants escape sequences,
 * forged plan lines and bidi controls through the real SDK; an endpoint that is not to be trusted
 * answers with hostile error codes and messages. Then every command that shows that data runs —
 * plan (text, JSON, saved file), check (text, JSON, JUnit, HTML), import, validate, apply, history
 * — and not one raw control or bidi character may reach stdout, stderr or a report file, and no
 * forged line may start a line. Each sweep also checks that the hostile text did show, escaped,
 * so it cannot pass by showing nothing.
 */
class HostileOutputIT {
  /** Clears the screen and sets the window title. */
  static final String EVIL_OU = "Evil\u001b[2J\u001b]0;pwned\u0007";
  /** A line break that forges a plan line. */
  static final String FORGED_OU =
      "Ops\n  + create account attacker <attacker@evil.example> in Root";
  /** Reverses the text after it. */
  static final String BIDI_OU = "\u202eytiruceS\u2066x\u2069";
  /** Tag text may hold line and paragraph separators (AWS allows \p{Z}). */
  static final String TAG_KEY = "owner\u2028+ create account mallory";
  static final String TAG_VALUE = "x\u2029y\u00a0z";
  static final String CONTACT_NAME = "Sec\u001b[31mTeam\u009b2J";
  static final String CONTACT_TITLE = "\u202eOSIC\u200e";
  static final String CONTACT_EMAIL = "sec@example.com\n";
  static final String CONTACT_PHONE = "+1 555\n+ 0100";
  /** CloudWatch keeps line breaks and bidi controls in an alarm's description. */
  static final String ALARM_DESCRIPTION = "Billing\u202e\u0085\n+ create account billing-forged";
  static final String ERROR_CODE = "Evil\u001b[0mCode";
  static final String ERROR_MESSAGE = "denied\u001b[2J\u001b]0;pwned\u0007\n"
      + "+ create account relay-forged <r@evil.example> in Root\u202e";

  /** A line that starts with one of the plan lines the hostile text tries to forge. */
  private static final Pattern FORGED = Pattern.compile(
      "^\\s*\\+ create account (attacker|mallory|billing-forged|relay-forged)\\b.*");

  private static final String SPEC = """
      version: 1
      defaults: {baseline: std}
      organization:
        units:
          - name: Workloads
      accounts:
        - name: victim
          email: victim@example.com
          ou: Workloads
          tags: {team: blue}
      baselines:
        std:
          billingAlarm: {email: finance@example.com}
          alternateContacts:
            security: {name: Sec Team, title: CISO, email: sec@example.com, phone: "+1 555 0100"}
      """;

  @TempDir Path dir;

  /** Everything a sweep printed or wrote, by where it came from. */
  private final Map<String, String> outputs = new LinkedHashMap<>();

  @Test
  void everyCommand_whenAwsHoldsHostileText_showsItEscapedAndNeverRaw() throws Exception {
    try (MemberSandbox fx = new MemberSandbox()) {
      Path spec = MemberSandbox.writeSpec(dir, SPEC);
      Path state = dir.resolve("journal.db");
      CliRunner.Result setup = CliRunner.run(fx.args(spec, "apply", "--yes", "--state",
          state.toString()));
      assertThat(setup.exitCode()).as(setup.toString()).isZero();
      String victim = fx.accountIdOf("victim@example.com");
      plant(fx, victim);

      run("plan", fx.args(spec, "plan", "--state", state.toString()), ExitCodes.CHANGES);
      run("plan json", fx.args(spec, "plan", "-o", "json", "--state", state.toString()),
          ExitCodes.CHANGES);
      Path saved = dir.resolve("plan.json");
      run("plan out", fx.args(spec, "plan", "--out", saved.toString(), "--state",
          state.toString()), ExitCodes.CHANGES);
      file("saved plan", saved);
      Path junit = dir.resolve("check.xml");
      Path html = dir.resolve("check.html");
      run("check", fx.args(spec, "check", "--junit", junit.toString(), "--html", html.toString(),
          "--state", state.toString()), ExitCodes.CHANGES);
      file("junit", junit);
      file("html", html);
      run("check json", fx.args(spec, "check", "-o", "json", "--state", state.toString()),
          ExitCodes.CHANGES);
      run("import", fx.args(Path.of("-"), "import", "--state", state.toString()),
          ExitCodes.ERROR);
      Path named = Files.writeString(dir.resolve("spec\u001b[2J\u202e.yaml"), SPEC);
      run("validate", new String[] {"validate", "-f", named.toString()}, ExitCodes.OK);
      // The saved plan holds what AWS reported, hostile text included, and applies as saved.
      run("apply", fx.args(spec, "apply", "--yes", "--allow-removals", "--state",
          state.toString(), saved.toString()), ExitCodes.OK);
      run("history", new String[] {"history", "--state", state.toString()}, ExitCodes.OK);
      run("history json", new String[] {"history", "-o", "json", "--state", state.toString()},
          ExitCodes.OK);
      for (long run = 1; run <= 6; run++) {
        run("history run " + run, new String[] {"history", "--state", state.toString(), "--run",
            String.valueOf(run)}, ExitCodes.OK);
        run("history findings " + run, new String[] {"history", "--state", state.toString(),
            "--run", String.valueOf(run), "--findings"}, ExitCodes.OK);
      }
    }

    assertNothingRaw();
    assertThat(outputs.get("plan"))
        .contains("OU " + Printable.of(EVIL_OU) + " (ou-")
        .contains(Printable.of(FORGED_OU))
        .contains("~ move account victim (")
        .contains("from " + Printable.of(EVIL_OU) + " to Workloads")
        .contains("- remove tag(s) " + Printable.of(TAG_KEY))
        .contains("alternateContacts: security contact: name is " + Printable.of(CONTACT_NAME))
        .contains("description is " + Printable.of(ALARM_DESCRIPTION));
    assertThat(outputs.get("check")).contains("the account is in " + Printable.of(EVIL_OU))
        .contains("title is " + Printable.of(CONTACT_TITLE))
        .contains("phone is " + Printable.of(CONTACT_PHONE));
    assertThat(outputs.get("junit")).contains(Printable.of(CONTACT_NAME));
    assertThat(outputs.get("html")).contains(Printable.of(BIDI_OU).substring(0, 6));
    assertThat(outputs.get("import")).contains(Printable.quote(EVIL_OU));
    assertThat(outputs.get("validate")).contains(Printable.of("spec\u001b[2J\u202e.yaml"));
    assertThat(outputs.get("apply")).contains("moved victim to Workloads");
    assertThat(String.join("\n", outputs.values())).contains(Printable.of(TAG_VALUE));
  }

  @Test
  void everyCommand_whenAwsAnswersWithHostileErrors_showsThemEscaped() throws Exception {
    try (MemberSandbox fx = new MemberSandbox()) {
      Path spec = MemberSandbox.writeSpec(dir, SPEC);
      Path state = dir.resolve("journal.db");
      CliRunner.Result setup = CliRunner.run(fx.args(spec, "apply", "--yes", "--state",
          state.toString()));
      assertThat(setup.exitCode()).as(setup.toString()).isZero();
      Path more = MemberSandbox.writeSpec(dir, SPEC.replace("- name: Workloads",
          "- name: Workloads\n    - name: Extra"));
      try (HostileRelay members = new HostileRelay(fx.endpoint,
              Set.of("CreateOrganizationalUnit", "GetAlternateContact"), ERROR_CODE,
              ERROR_MESSAGE);
          HostileRelay organization = new HostileRelay(fx.endpoint,
              Set.of("DescribeOrganization", "ListRoots"), ERROR_CODE, ERROR_MESSAGE)) {
        run("plan", via(members, more, "plan", "--state", state.toString()), ExitCodes.CHANGES);
        run("apply", via(members, more, "apply", "--yes", "--state", state.toString()),
            ExitCodes.ERROR);
        run("apply json", via(members, more, "apply", "--yes", "-o", "json", "--state",
            state.toString()), ExitCodes.ERROR);
        run("check", via(members, more, "check", "--junit", dir.resolve("c.xml").toString(),
            "--html", dir.resolve("c.html").toString(), "--state", state.toString()),
            ExitCodes.ERROR);
        file("junit", dir.resolve("c.xml"));
        file("html", dir.resolve("c.html"));
        run("unreachable plan", via(organization, more, "plan", "--state", state.toString()),
            ExitCodes.ERROR);
        run("unreachable import", via(organization, Path.of("-"), "import", "--state",
            state.toString()), ExitCodes.ERROR);
      }
      run("history", new String[] {"history", "--state", state.toString()}, ExitCodes.OK);
      for (long run = 1; run <= 4; run++) {
        run("history run " + run, new String[] {"history", "--state", state.toString(), "--run",
            String.valueOf(run)}, ExitCodes.OK);
      }
    }

    assertNothingRaw();
    String code = Printable.of(ERROR_CODE);
    String message = Printable.of(ERROR_MESSAGE);
    assertThat(outputs.get("plan")).contains(code + ": " + message);
    assertThat(outputs.get("apply")).contains("could not create OU Extra: ")
        .contains(message);
    assertThat(outputs.get("check")).contains(message);
    assertThat(outputs.get("unreachable plan")).contains("AWS refused the request: " + code
        + ": " + message);
    assertThat(String.join("\n", outputs.entrySet().stream()
        .filter(e -> e.getKey().startsWith("history run")).map(Map.Entry::getValue).toList()))
        .contains(message);
  }

  /** What an insider can do with the AWS CLI or SDK, done here with the SDK. */
  private static void plant(MemberSandbox fx, String victim) {
    try (OrganizationsClient orgs = fx.organizations()) {
      String root = orgs.listRoots().roots().get(0).id();
      String evil = orgs.createOrganizationalUnit(r -> r.parentId(root).name(EVIL_OU))
          .organizationalUnit().id();
      orgs.createOrganizationalUnit(r -> r.parentId(root).name(FORGED_OU));
      orgs.createOrganizationalUnit(r -> r.parentId(root).name(BIDI_OU));
      String from = orgs.listParents(r -> r.childId(victim)).parents().get(0).id();
      orgs.moveAccount(r -> r.accountId(victim).sourceParentId(from).destinationParentId(evil));
      orgs.tagResource(r -> r.resourceId(victim).tags(Tag.builder().key(TAG_KEY)
          .value(TAG_VALUE).build(), Tag.builder().key("team").value(TAG_VALUE).build()));
    }
    fx.asMember(victim, creds -> {
      try (AccountClient account = fx.client(AccountClient.builder(), creds, Region.US_EAST_1);
          CloudWatchClient cloudWatch = fx.client(CloudWatchClient.builder(), creds,
              Region.US_EAST_1)) {
        account.putAlternateContact(r -> r.alternateContactType(AlternateContactType.SECURITY)
            .name(CONTACT_NAME).title(CONTACT_TITLE).emailAddress(CONTACT_EMAIL)
            .phoneNumber(CONTACT_PHONE));
        cloudWatch.putMetricAlarm(r -> r.alarmName("DefaultBillingAlarm")
            .alarmDescription(ALARM_DESCRIPTION).actionsEnabled(true)
            .alarmActions("arn:aws:sns:us-east-1:" + victim + ":DefaultBillingAlertTopic")
            .namespace("AWS/Billing").metricName("EstimatedCharges").statistic(Statistic.MAXIMUM)
            .dimensions(d -> d.name("Currency").value("USD")).period(21_600)
            .evaluationPeriods(1).threshold(100.0)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
      }
      return null;
    });
  }

  private static String[] via(HostileRelay relay, Path spec, String command, String... more) {
    List<String> all = new ArrayList<>(List.of(command, "-f", spec.toString(), "--endpoint-url",
        relay.endpoint().toString(), "--pace", "none"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private void run(String name, String[] args, int exitCode) {
    CliRunner.Result r = CliRunner.run(args);
    outputs.put(name, r.out() + r.err());
    assertThat(r.exitCode()).as(name + ": " + Printable.of(r.toString())).isEqualTo(exitCode);
  }

  private void file(String name, Path file) throws Exception {
    outputs.put(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  /** No unsafe character but the line feeds orgvend writes itself; no forged line. */
  private void assertNothingRaw() {
    outputs.forEach((name, text) -> {
      List<String> raw = text.codePoints().filter(cp -> cp != '\n' && Printable.isUnsafe(cp))
          .mapToObj(Printable::name).distinct().toList();
      assertThat(raw).as(name + " holds raw characters:\n" + Printable.of(text)).isEmpty();
      assertThat(text.lines()).as(name).noneMatch(line -> FORGED.matcher(line).matches());
    });
  }
}
