package dev.orgvend.core.check;

import dev.orgvend.core.baseline.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The reports of one sweep as {@code check}'s flags choose them: text or JSON on the output,
 * and optionally JUnit XML and a self-contained HTML page. Each result goes to all of them as it
 * arrives; {@link #finish} writes the totals; {@link #close} releases their files.
 */
public final class ReportSet implements CheckListener, AutoCloseable {
  /**
   * Which reports to write.
   *
   * @param out where the text or JSON report goes
   * @param json JSON instead of text
   * @param junit a JUnit XML file to write, or null
   * @param html an HTML file to write, or null
   * @param exitCode the exit code a sweep's worst status gives (the JSON report states it)
   */
  public record Options(PrintWriter out, boolean json, Path junit, Path html,
      ToIntFunction<Status> exitCode) {}

  private final Options options;
  private final String organizationId;
  private final Instant startedAt;
  private final TextReport text;
  private final JsonReport json;
  private final JunitReport junit;
  private final HtmlReport html;
  private final CheckListener all;

  private ReportSet(Options options, String organizationId, Instant startedAt) {
    this.options = options;
    this.organizationId = organizationId;
    this.startedAt = startedAt;
    this.text = options.json() ? null : new TextReport(options.out());
    this.json = options.json() ? new JsonReport(options.out(), organizationId, startedAt) : null;
    this.junit = options.junit() == null ? null : new JunitReport(options.junit());
    HtmlReport page;
    try {
      page = options.html() == null ? null : new HtmlReport(options.html());
    } catch (RuntimeException e) {
      if (junit != null) {
        junit.close();
      }
      throw e;
    }
    this.html = page;
    List<CheckListener> listeners = new ArrayList<>();
    listeners.add(options.json() ? json : text);
    if (junit != null) {
      listeners.add(junit);
    }
    if (html != null) {
      listeners.add(html);
    }
    this.all = CheckListener.all(listeners);
  }

  /** Opens the chosen reports for a sweep of {@code organizationId} that began at {@code at}. */
  public static ReportSet open(Options options, String organizationId, Instant at) {
    return new ReportSet(options, organizationId, at);
  }

  @Override
  public void account(AccountCheck result) {
    all.account(result);
  }

  /** Every account is in: writes the totals of each report. */
  public void finish(CheckSummary summary, Duration elapsed) {
    if (junit != null) {
      junit.finish(elapsed);
    }
    if (html != null) {
      html.finish(summary, organizationId, startedAt, elapsed);
    }
    if (json != null) {
      json.finish(summary, elapsed, options.exitCode().applyAsInt(summary.worst()));
    } else {
      text.finish(summary, elapsed);
    }
  }

  @Override
  public void close() {
    try {
      if (html != null) {
        html.close();
      }
    } finally {
      if (junit != null) {
        junit.close();
      }
    }
  }
}
