package dev.orgvend.core.check;

import dev.orgvend.core.baseline.ComponentResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The check as JUnit XML, for CI dashboards: a test suite per account and a test case per
 * account×component. Drift and unreachable accounts are failures, errors are errors, a notice
 * passes with its message in {@code system-out}.
 */
public final class JunitReport implements CheckListener, AutoCloseable {
  private final Spool spool;
  private int tests;
  private int failures;
  private int errors;

  public JunitReport(Path file) {
    this.spool = new Spool(file);
  }

  @Override
  public void account(AccountCheck r) {
    int suiteFailures = 0;
    int suiteErrors = 0;
    StringBuilder cases = new StringBuilder();
    String classname = "orgvend." + r.name();
    for (ComponentResult c : r.components()) {
      cases.append("    <testcase classname=\"").append(Markup.escape(classname))
          .append("\" name=\"").append(Markup.escape(c.component())).append("\"");
      // One finding per line: each message escaped on its own, so only these breaks are real.
      String text = c.findings().stream()
          .map(f -> f.status().label() + ": " + Markup.escape(f.message()))
          .collect(Collectors.joining("\n"));
      String first = c.findings().isEmpty() ? "" : c.findings().get(0).message();
      switch (c.status()) {
        case COMPLIANT -> cases.append("/>\n");
        case NOTICE -> cases.append(">\n      <system-out>").append(text)
            .append("</system-out>\n    </testcase>\n");
        case DRIFTED, UNREACHABLE -> {
          suiteFailures++;
          cases.append(">\n      <failure type=\"").append(c.status().label())
              .append("\" message=\"").append(Markup.escape(first)).append("\">")
              .append(text).append("</failure>\n    </testcase>\n");
        }
        case ERROR -> {
          suiteErrors++;
          cases.append(">\n      <error type=\"error\" message=\"").append(Markup.escape(first))
              .append("\">").append(text).append("</error>\n    </testcase>\n");
        }
      }
    }
    tests += r.components().size();
    failures += suiteFailures;
    errors += suiteErrors;
    String name = r.name() + " (" + (r.accountId() == null ? "not created" : r.accountId()) + ")";
    spool.write("  <testsuite name=\"" + Markup.escape(name) + "\" tests=\""
        + r.components().size() + "\" failures=\"" + suiteFailures + "\" errors=\""
        + suiteErrors + "\" skipped=\"0\">\n" + cases + "  </testsuite>\n");
  }

  public void finish(Duration elapsed) {
    spool.commit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"orgvend check\""
        + " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors
        + "\" time=\"" + String.format(java.util.Locale.ROOT, "%.3f", elapsed.toMillis() / 1000.0)
        + "\">\n", "</testsuites>\n");
  }

  @Override
  public void close() {
    spool.close();
  }
}
