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
}
