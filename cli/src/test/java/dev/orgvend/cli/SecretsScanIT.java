package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.IssuedKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret orgvend handles ever reaches its output, its journal, its plan files or its reports.
 *
 * <p>One realistic session, run once for the whole class, every process the packaged jar:
 * {@code sandbox serve} with state on disk; {@code sandbox credentials}; {@code validate};
 * {@code plan} as text, JSON and a saved file; {@code apply} of that file, then of changed specs
 * (moves, tag removals refused and then allowed, baseline repairs in member accounts through
 * AssumeRole, so with temporary keys and session tokens), under injected faults, drops and
 * throttling, and with an address AWS refuses; {@code check} in every report format and as
 * sweeps; {@code history}; {@code import}; a run with a wrong secret. Every command runs with
 * {@code ORGVEND_DEBUG=1} and its stdout and stderr go to files.
 *
 * <p>Then the secrets are collected from the sandbox's own store (the management secret and every
 * temporary secret key and session token it issued) and looked for in every captured byte, in
 * every encoding {@link SecretScanner} knows. The documented exceptions: {@code sandbox serve}
 * and {@code sandbox credentials} print the management key on purpose, and the sandbox's data
 * directory holds the keys it issued, as IAM does; neither may show a temporary secret.
 */
class SecretsScanIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** Operations that close, delete, detach, remove or disable something. */
  private static final Pattern DESTRUCTIVE = Pattern.compile(
      ":(Close|Delete|Remove|Detach|Leave|Disable|Deregister|Decline|Cancel|Unsubscribe|Untag)");

  /** Kept when a test fails, so a leak can be looked at where it happened. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) static Path dir;

  /** The session's working directory: spec, journal, plan, reports, captured output. */
  private static Path work;
  private static Path logs;
  /** Output that may show the management key: serve's stdout and 'sandbox credentials'. */
  private static Path allowed;
  private static Path sandboxData;
  private static String managementKeyId;
  private static String managementSecret;
  private static URI endpoint;
  private static final Map<String, Run> runs = new LinkedHashMap<>();
  private static Map<String, Long> callsBeforeRefusal;
  private static Map<String, Long> callsAfterRefusal;
  private static Map<String, Long> callsAtEnd;
  private static List<IssuedKey> issued;

  private record Run(String name, int exit, String out, String err) {
    @Override
    public String toString() {
      return name + ": exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private static String spec(String auditTags, String webOu, int threshold, String... more) {
    StringBuilder yaml = new StringBuilder("""
        version: 1
        settings: {region: us-east-1}
        defaults: {baseline: full}
        organization:
          units:
            - name: Security
            - name: Workloads
        accounts:
          - name: scan-audit
            email: scan-audit@example.com
            ou: Security
            tags: %s
          - name: scan-web
            email: scan-web@example.com
            ou: %s
            tags: {team: web}
        """.formatted(auditTags, webOu));
    for (String name : more) {
      yaml.append("  - name: ").append(name).append("\n    email: ").append(name)
          .append("@example.com\n    ou: Workloads\n");
    }
    yaml.append("""
        baselines:
          full:
            billingAlarm: {email: finance@example.com, threshold: %d}
            alternateContacts:
              security: {name: Sec Team, title: CISO, email: sec@example.com, phone: "+1 555 0100"}
            accountAlias: "scan-{name}"
            passwordPolicy: {minimumPasswordLength: 14, requireSymbols: true}
        """.formatted(threshold));
    return yaml.toString();
  }

  /** Runs the packaged orgvend with the management keys in its environment, output to files. */
  private static Run orgvend(Path into, String name, String secret, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar",
        ServeProcess.JAR.toString()));
    command.addAll(List.of(args));
    Path out = into.resolve(name + ".out");
    Path err = into.resolve(name + ".err");
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    pb.environment().put("AWS_ACCESS_KEY_ID", managementKeyId);
    pb.environment().put("AWS_SECRET_ACCESS_KEY", secret);
    pb.environment().put("AWS_REGION", "us-east-1");
    pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    pb.environment().put("ORGVEND_DEBUG", "1");
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(name + " did not finish:\n" + Files.readString(out));
    }
    Run run = new Run(name, p.exitValue(), Files.readString(out), Files.readString(err));
    runs.put(name, run);
    return run;
  }

  private static Run orgvend(String name, String... args) throws Exception {
    return orgvend(logs, name, managementSecret, args);
  }

  /** {@code command -f orgvend.yaml --endpoint-url … --pace none args…}. */
  private static Run aws(String name, String command, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(command, "-f", "orgvend.yaml", "--endpoint-url",
        endpoint.toString(), "--pace", "none"));
    all.addAll(List.of(args));
    return orgvend(name, all.toArray(String[]::new));
  }

  private static void expect(Run run, int... exits) {
    assertThat(exits).as(run.toString()).contains(run.exit());
  }

  private static String admin(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path));
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.method(method, HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = HTTP.send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body())
        .isEqualTo(200);
    return response.body();
  }

  private static Map<String, Long> calls() throws Exception {
    Map<String, Long> out = new TreeMap<>();
    JSON.readTree(admin("GET", "/_sandbox/stats", null)).path("operations").fields()
        .forEachRemaining(service -> service.getValue().fields().forEachRemaining(op ->
            out.put(service.getKey() + ":" + op.getKey(), op.getValue().asLong())));
    return out;
  }

  private static void writeSpec(String yaml) throws IOException {
    Files.writeString(work.resolve("orgvend.yaml"), yaml);
  }

  @BeforeAll
  static void session() throws Exception {
    work = Files.createDirectories(dir.resolve("work"));
    logs = Files.createDirectories(work.resolve("logs"));
    allowed = Files.createDirectories(dir.resolve("allowed"));
    sandboxData = dir.resolve("sandbox");
    try (ServeProcess serve = ServeProcess.start(allowed.resolve("serve.out"),
        logs.resolve("serve.err"), "--port", "0", "--data-dir", sandboxData.toString(),
        "--create-delay", "300ms")) {
      endpoint = serve.endpoint();
      managementKeyId = "unknown";
      Run credentials = orgvend(allowed, "credentials", "unknown", "sandbox", "credentials",
          "--endpoint-url", endpoint.toString(), "--format", "json");
      expect(credentials, 0);
      JsonNode keys = JSON.readTree(credentials.out());
      managementKeyId = keys.path("accessKeyId").asText();
      managementSecret = keys.path("secretAccessKey").asText();

      // Vend: validate, plan three ways, apply the saved plan, apply again.
      writeSpec(spec("{team: security, tier: gold}", "Workloads", 100));
      expect(orgvend("validate", "validate", "-f", "orgvend.yaml"), 0);
      expect(aws("plan-text", "plan"), ExitCodes.CHANGES);
      expect(aws("plan-json", "plan", "-o", "json"), ExitCodes.CHANGES);
      expect(aws("plan-out", "plan", "--out", "plan.json"), ExitCodes.CHANGES);
      expect(orgvend("apply-saved", "apply", "plan.json", "-f", "orgvend.yaml", "--endpoint-url",
          endpoint.toString(), "--pace", "none", "--yes"), 0);
      expect(aws("apply-again", "apply", "--yes"), 0);

      // Change: a tag value changed and one dropped (refused, then allowed), a move, baseline
      // repairs, a new account.
      writeSpec(spec("{team: audit}", "Root", 200, "scan-data"));
      expect(aws("plan-changes", "plan", "-o", "json"), ExitCodes.CHANGES);
      callsBeforeRefusal = calls();
      expect(aws("apply-refused", "apply", "--yes"), ExitCodes.BAD_INPUT);
      callsAfterRefusal = calls();
      expect(aws("apply-changes", "apply", "--yes", "--allow-removals", "-o", "json"), 0);

      // Faults, dropped connections and throttling: the retry paths.
      admin("POST", "/_sandbox/settings", "{\"faultRate\": 0.2, \"dropRate\": 0.05, \"rates\":"
          + " {\"ListAccountsForParent\": \"2:1\", \"AssumeRole\": \"4:2\"}}");
      writeSpec(spec("{team: audit}", "Root", 200, "scan-data", "scan-faulty"));
      expect(aws("apply-faults", "apply", "--yes"), 0, 1);
      expect(aws("check-faults", "check"), 0, 1, 2);
      admin("POST", "/_sandbox/settings", "{\"faultRate\": 0, \"dropRate\": 0, \"rates\": {}}");

      // An address AWS refuses: the failure is explained.
      admin("POST", "/_sandbox/taken-emails", "[\"scan-taken@example.com\"]");
      writeSpec(spec("{team: audit}", "Root", 200, "scan-data", "scan-faulty", "scan-taken"));
      expect(aws("apply-taken", "apply", "--yes", "-o", "json"), ExitCodes.ERROR);

      // Drift in every account, reported every way, and swept into the journal.
      writeSpec(spec("{team: audit}", "Root", 300, "scan-data", "scan-faulty", "scan-taken"));
      expect(aws("check-text", "check"), ExitCodes.CHANGES);
      expect(aws("check-json", "check", "-o", "json"), ExitCodes.CHANGES);
      expect(aws("check-reports", "check", "--junit", "reports/fleet.xml", "--html",
          "reports/fleet.html"), ExitCodes.CHANGES);
      expect(aws("check-sweeps", "check", "--every", "1s", "--sweeps", "2"), ExitCodes.CHANGES);

      Run history = orgvend("history-json", "history", "-f", "orgvend.yaml", "-o", "json");
      expect(history, 0);
      expect(orgvend("history", "history", "-f", "orgvend.yaml"), 0);
      expect(orgvend("history-run", "history", "-f", "orgvend.yaml", "--run", "1"), 0);
      expect(orgvend("history-findings", "history", "-f", "orgvend.yaml", "--run",
          String.valueOf(lastRunId(history.out())), "--findings"), 0);
      expect(orgvend("import", "import", "-f", "imported.yaml", "--endpoint-url",
          endpoint.toString(), "--pace", "none"), 0);

      // The wrong secret: an error from AWS, printed.
      byte[] wrong = new byte[30];
      new SecureRandom().nextBytes(wrong);
      expect(orgvend(logs, "plan-wrong-secret", Base64.getEncoder().encodeToString(wrong),
          "plan", "-f", "orgvend.yaml", "--endpoint-url", endpoint.toString(), "--pace", "none"),
          ExitCodes.ERROR);

      Files.writeString(logs.resolve("state.json"), admin("GET", "/_sandbox/state", null));
      callsAtEnd = calls();
    }
    try (Sandbox reopened = Sandbox.builder().port(0).dataDir(sandboxData).start()) {
      issued = reopened.accessKeys();
    }
  }

  private static long lastRunId(String historyJson) throws IOException {
    long last = 0;
    for (JsonNode run : JSON.readTree(historyJson)) {
      last = Math.max(last, run.path("id").asLong());
    }
    assertThat(last).as("run ids in:\n" + historyJson).isPositive();
    return last;
  }

  /** Every secret to look for, labelled by the key it belongs to. */
  private static Map<String, String> secrets(boolean withManagement) {
    Map<String, String> out = new LinkedHashMap<>();
    for (IssuedKey key : issued) {
      if (key.temporary()) {
        out.put("secret key of " + key.accessKeyId(), key.secretAccessKey());
        out.put("session token of " + key.accessKeyId(), key.sessionToken());
      } else if (withManagement) {
        out.put("secret key of " + key.accessKeyId(), key.secretAccessKey());
      }
    }
    return out;
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void session_enteredMemberAccountsWithTemporaryKeys() {
    List<IssuedKey> temporary = issued.stream().filter(IssuedKey::temporary).toList();
    Set<String> accounts = temporary.stream().map(IssuedKey::accountId)
        .collect(Collectors.toSet());

    assertThat(accounts).as("accounts entered with AssumeRole").hasSizeGreaterThanOrEqualTo(4);
    assertThat(temporary).allSatisfy(k -> assertThat(k.accessKeyId()).startsWith("ASIA"));
    assertThat(issued).extracting(IssuedKey::accessKeyId).contains(managementKeyId);
  }

  @Test
  void everyFileTheSessionWrote_holdsNoSecret() throws IOException {
    SecretScanner scanner = new SecretScanner(secrets(true));
    List<SecretScanner.Leak> leaks = new ArrayList<>();
    List<String> scanned = new ArrayList<>();

    for (Path file : files(work)) {
      String name = work.relativize(file).toString();
      scanned.add(name);
      leaks.addAll(scanner.scan(name, Files.readAllBytes(file)));
    }

    assertThat(scanned).contains(".orgvend/journal.db", "plan.json", "imported.yaml",
        "reports/fleet.xml", "reports/fleet.html", "logs/state.json", "logs/serve.err",
        "logs/apply-changes.out", "logs/apply-faults.err", "logs/check-sweeps.out");
    assertThat(scanned.stream().filter(n -> n.startsWith("logs/")).count())
        .isGreaterThanOrEqualTo(2L * runs.size() - 2);
    // The journal keeps its records as plain text, so a leaked secret would be seen there.
    assertThat(new String(Files.readAllBytes(work.resolve(".orgvend/journal.db")),
        StandardCharsets.ISO_8859_1)).contains("scan-taken@example.com");
    assertThat(leaks).isEmpty();
  }

  @Test
  void journal_everyTextColumnOfEveryTable_holdsNoSecret() throws Exception {
    SecretScanner scanner = new SecretScanner(secrets(true));
    Map<String, Integer> rows = new TreeMap<>();
    StringBuilder text = new StringBuilder();

    try (Connection db = DriverManager.getConnection("jdbc:sqlite:"
        + work.resolve(".orgvend/journal.db") + "?open_mode=1")) {
      List<String> tables = new ArrayList<>();
      try (Statement s = db.createStatement();
          ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      for (String table : tables) {
        try (Statement s = db.createStatement();
            ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = r.getMetaData().getColumnCount();
          while (r.next()) {
            rows.merge(table, 1, Integer::sum);
            for (int c = 1; c <= columns; c++) {
              text.append(r.getString(c)).append('\n');
            }
          }
        }
      }
    }

    assertThat(rows).containsKeys("run", "action", "finding");
    assertThat(text).contains("EMAIL_ALREADY_EXISTS");
    assertThat(scanner.scan("journal columns", text.toString())).isEmpty();
  }

  @Test
  void serveAndSandboxCredentials_showTheManagementKeyButNoTemporaryOne() throws IOException {
    SecretScanner temporary = new SecretScanner(secrets(false));
    List<SecretScanner.Leak> leaks = new ArrayList<>();

    for (Path file : files(allowed)) {
      if (file.getFileName().toString().endsWith(".out")) {
        // The documented exception: these exist to show the management key.
        assertThat(Files.readString(file)).as(file.getFileName().toString())
            .contains(managementSecret);
      }
      leaks.addAll(temporary.scan(file.getFileName().toString(), Files.readAllBytes(file)));
    }

    assertThat(files(allowed)).extracting(f -> f.getFileName().toString())
        .contains("serve.out", "credentials.out", "credentials.err");
    assertThat(leaks).isEmpty();
  }

  @Test
  void stateDump_showsKeyIdsButMasksEverySecret() throws IOException {
    String dump = Files.readString(logs.resolve("state.json"));
    IssuedKey session = issued.stream().filter(IssuedKey::temporary).findFirst().orElseThrow();

    assertThat(dump).contains(managementKeyId, session.accessKeyId(),
        "\"secretAccessKey\" : \"***\"", "\"sessionToken\" : \"***\"");
    assertThat(new SecretScanner(secrets(true)).scan("state dump", dump)).isEmpty();
  }

  @Test
  void sandboxStore_holdsTheKeysItIssued_andTheScannerFindsThemInItsFile() throws IOException {
    // The sandbox is the credential authority, as IAM and STS are: its store must keep every
    // key it issued. This is also the scanner at work on a real SQLite file.
    Map<String, String> all = secrets(true);
    byte[] store = Files.readAllBytes(sandboxData.resolve("sandbox.db"));

    assertThat(new SecretScanner(all).scan("sandbox.db", store))
        .extracting(SecretScanner.Leak::secret).containsAll(all.keySet());
  }

  @Test
  void session_neverCalledAnOperationThatClosesDeletesOrDetaches() {
    assertThat(callsAtEnd).containsKeys("organizations:CreateAccount",
        "organizations:CreateOrganizationalUnit", "organizations:MoveAccount",
        "organizations:TagResource", "sts:AssumeRole", "monitoring:PutMetricAlarm",
        "account:PutAlternateContact", "iam:CreateAccountAlias",
        "iam:UpdateAccountPasswordPolicy");
    // Tags not in the spec were removed once, by the apply run with --allow-removals.
    assertThat(callsAtEnd).containsKey("organizations:UntagResource");
    assertThat(callsAtEnd.keySet()).filteredOn(op -> DESTRUCTIVE.matcher(op).find())
        .containsExactly("organizations:UntagResource");
  }

  @Test
  void apply_whenThePlanRemovesTagsWithoutAllowRemovals_refusesBeforeAnyWrite() {
    Run refused = runs.get("apply-refused");
    Map<String, Long> made = new TreeMap<>();
    callsAfterRefusal.forEach((op, n) -> {
      long more = n - callsBeforeRefusal.getOrDefault(op, 0L);
      if (more > 0) {
        made.put(op, more);
      }
    });

    assertThat(refused.out()).contains("  ~ retag account scan-audit (",
        "  - remove tag(s) tier from account scan-audit (", "1 tag(s) to remove");
    assertThat(refused.err()).isEqualTo("orgvend: refusing to apply: the plan removes 1 tag(s)"
        + " that are not in the spec, from scan-audit (the lines marked '-'). Add the tags to the"
        + " spec to keep them, or pass --allow-removals to remove them; nothing was changed\n");
    assertThat(made).isNotEmpty();
    assertThat(made.keySet()).allMatch(op -> op.matches("[a-z]+:(Describe|List|Get)\\w*")
        || op.equals("sts:AssumeRole"), "only reads (and entering accounts to read them)");
  }
}
