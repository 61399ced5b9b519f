package dev.orgvend.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.baseline.ComponentResult;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  @TempDir Path dir;

  private static ComponentResult ok(String component) {
    return new ComponentResult(component, Status.COMPLIANT, List.of(), List.of());
  }

  private static ComponentResult with(String component, Finding f) {
    return new ComponentResult(component, f.status(), List.of(f), List.of());
  }

  private static final AccountCheck GOOD = new AccountCheck("good", "g@example.com",
      "111111111111", "Workloads/Prod", "std", List.of(ok("placement"), ok("tags"),
          ok("billingAlarm")));
  private static final AccountCheck BAD = new AccountCheck("bad <&> \"one\"", "b@example.com",
      "222222222222", "Root", "std", List.of(ok("placement"),
          with("tags", Finding.differs("tags", "tag team", "value", "\"x\"", "\"y\"")),
          with("billingAlarm", new Finding("billingAlarm", Status.ERROR, "billingAlarm",
              "could not read it (Boom: <script>alert(1)</script>)", null, null))));

  @Test
  void junit_whenAccountsDiffer_writesOneCasePerComponentWithTotals() throws Exception {
    Path file = dir.resolve("out/check.xml");
    try (JunitReport report = new JunitReport(file)) {
      report.account(GOOD);
      report.account(BAD);
      report.finish(Duration.ofMillis(1500));
    }

    assertThat(Files.readString(file)).isEqualTo("""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="orgvend check" tests="6" failures="1" errors="1" time="1.500">
          <testsuite name="good (111111111111)" tests="3" failures="0" errors="0" skipped="0">
            <testcase classname="orgvend.good" name="placement"/>
            <testcase classname="orgvend.good" name="tags"/>
            <testcase classname="orgvend.good" name="billingAlarm"/>
          </testsuite>
          <testsuite name="bad &lt;&amp;&gt; &quot;one&quot; (222222222222)" tests="3" \
        failures="1" errors="1" skipped="0">
            <testcase classname="orgvend.bad &lt;&amp;&gt; &quot;one&quot;" name="placement"/>
            <testcase classname="orgvend.bad &lt;&amp;&gt; &quot;one&quot;" name="tags">
              <failure type="drifted" message="tag team: value is &quot;x&quot;, want \
        &quot;y&quot;">drifted: tag team: value is &quot;x&quot;, want &quot;y&quot;</failure>
            </testcase>
            <testcase classname="orgvend.bad &lt;&amp;&gt; &quot;one&quot;" name="billingAlarm">
              <error type="error" message="could not read it (Boom: &lt;script&gt;alert(1)\
        &lt;/script&gt;)">error: could not read it (Boom: &lt;script&gt;alert(1)&lt;/script&gt;)\
        </error>
            </testcase>
          </testsuite>
        </testsuites>
        """);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temporary files left behind
    }
  }

  @Test
  void html_escapesEverythingAndColoursTheTree() throws Exception {
    Path file = dir.resolve("check.html");
    CheckSummary summary = new CheckSummary();
    summary.account(GOOD);
    summary.account(BAD);
    try (HtmlReport report = new HtmlReport(file)) {
      report.account(GOOD);
      report.account(BAD);
      report.finish(summary, "o-example", Instant.parse("2026-01-01T00:00:00Z"),
          Duration.ofSeconds(2));
    }

    String page = Files.readString(file);
    assertThat(page).doesNotContain("<script>alert").doesNotContain("bad <&>")
        .contains("bad &lt;&amp;&gt; &quot;one&quot;")
        .contains("<span class=\"dot s-error\"></span>Root <small>(2)</small>")
        .contains("<span class=\"dot s-compliant\"></span>Prod <small>(1)</small>")
        .contains("<tr data-status=\"drifted\" data-component=\"tags\">")
        .contains("1 compliant</span>").contains("1 error</span>")
        .doesNotContain("src=").doesNotContain("href=");
  }

  @Test
  void text_listsOnlyAccountsNeedingAttention_thenTotals() {
    StringWriter out = new StringWriter();
    TextReport report = new TextReport(new PrintWriter(out));
    CheckSummary summary = new CheckSummary();
    for (AccountCheck r : List.of(GOOD, BAD)) {
      summary.account(r);
      report.account(r);
    }
    report.finish(summary, Duration.ofMillis(2500));

    assertThat(out.toString()).isEqualTo("""
        ERROR  bad <&> "one" (222222222222, Root)
            tags: tag team: value is "x", want "y"
            billingAlarm: could not read it (Boom: <script>alert(1)</script>)

        Checked 2 account(s): 1 compliant, 1 error in 2.5 s.
        By component:
          billingAlarm       1 compliant, 1 error
          placement          2 compliant
          tags               1 compliant, 1 drifted
        Some accounts could not be checked; run check again later.
        """);
  }

  /** An account whose OU, tag and contact values AWS holds were set by a hostile insider. */
  private static final String EVIL = "Evil\u001b[2J\u001b]0;pwned\u0007\n+ create account x"
      + "\u202e\u2066\u0085\u0000\ud800";
  private static final AccountCheck HOSTILE = new AccountCheck("victim", "v@example.com",
      "333333333333", "Workloads", "std", List.of(
          with("placement", new Finding("placement", Status.DRIFTED, "OU", "the account is in "
              + EVIL + ", want Workloads", "Workloads", EVIL)),
          with("alternateContacts", Finding.differs("alternateContacts", "security contact",
              "name", EVIL, "Sec Team"))));

  @Test
  void reports_whenAwsValuesAreHostile_showThemEscapedAndStayWellFormed() throws Exception {
    Path xml = dir.resolve("check.xml");
    Path html = dir.resolve("check.html");
    StringWriter text = new StringWriter();
    StringWriter json = new StringWriter();
    CheckSummary summary = new CheckSummary();
    summary.account(HOSTILE);
    try (JunitReport junit = new JunitReport(xml); HtmlReport page = new HtmlReport(html)) {
      junit.account(HOSTILE);
      page.account(HOSTILE);
      junit.finish(Duration.ofSeconds(1));
      page.finish(summary, "o-example", Instant.parse("2026-01-01T00:00:00Z"),
          Duration.ofSeconds(1));
    }
    TextReport terminal = new TextReport(new PrintWriter(text));
    terminal.account(HOSTILE);
    terminal.finish(summary, Duration.ofSeconds(1));
    JsonReport report = new JsonReport(json, "o-example", Instant.parse("2026-01-01T00:00:00Z"));
    report.account(HOSTILE);
    report.finish(summary, Duration.ofSeconds(1), 2);

    String escaped = "Evil\\x1b[2J\\x1b]0;pwned\\x07\\n+ create account x\\u202e\\u2066\\x85"
        + "\\x00\\ud800";
    for (String out : List.of(Files.readString(xml), Files.readString(html), text.toString(),
        json.toString())) {
      assertThat(out.codePoints().filter(cp -> cp != '\n' && dev.orgvend.core.output.Printable
          .isUnsafe(cp))).as(out).isEmpty();
      assertThat(out.lines()).as(out).noneMatch(line -> line.startsWith("+ create account"));
    }
    assertThat(text.toString()).contains("placement: the account is in " + escaped);
    assertThat(Files.readString(xml)).contains(escaped);
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString())
        .at("/accounts/0/components/0/findings/0/actual").asText()).isEqualTo(EVIL);
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(xml.toFile());
  }
}
