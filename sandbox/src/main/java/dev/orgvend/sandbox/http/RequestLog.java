package dev.orgvend.sandbox.http;

import dev.orgvend.sandbox.front.RequestNote;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * One line per AWS API request — operation, account, status, milliseconds — for people watching
 * a running sandbox, as LocalStack prints its {@code AWS sts.GetCallerIdentity => 200} lines:
 *
 * <pre>
 * 2026-01-05T10:00:00.123Z INFO  organizations.CreateAccount 111122223333 200 4ms
 * 2026-01-05T10:00:00.200Z WARN  organizations.MoveAccount 111122223333 400 DuplicateAccountException 2ms
 * 2026-01-05T10:00:00.300Z ERROR sts.AssumeRole 111122223333 dropped 1ms
 * </pre>
 *
 * <p>A line's level is ERROR for server errors and dropped connections, WARN for client errors and
 * INFO otherwise; the log prints lines at its level and above. DEBUG adds the region, the request
 * id and the error's message. Whatever the client sent (operation, region, text echoed in a
 * message) is escaped, so a request cannot write control or bidi characters to a terminal.
 */
public final class RequestLog {
  /** How much to print, from nothing to every request with detail. */
  public enum Level {
    OFF,
    ERROR,
    WARN,
    INFO,
    DEBUG
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The log that prints nothing. */
  public static final RequestLog OFF = new RequestLog(Level.OFF, line -> { });

  private final Level level;
  private final Consumer<String> sink;

  public RequestLog(Level level, Consumer<String> sink) {
    this.level = level;
    this.sink = sink;
  }

  /**
   * Logs one request.
   *
   * @param at when the answer was ready (or the connection dropped), wall time
   * @param note what the request turned out to be
   * @param status the HTTP status answered, or 0 for a dropped connection
   * @param errorCode the AWS error code answered, or null
   * @param errorMessage the AWS error message answered, or null
   * @param requestId the request id answered
   * @param nanos how long the sandbox spent on the request
   */
  void record(Instant at, RequestNote note, int status, String errorCode, String errorMessage,
      String requestId, long nanos) {
    Level severity = status == 0 || status >= 500 ? Level.ERROR
        : status >= 400 ? Level.WARN : Level.INFO;
    if (level == Level.OFF || severity.compareTo(level) > 0) {
      return;
    }
    StringBuilder line = new StringBuilder(120);
    line.append(TIME.format(at)).append(' ').append(String.format("%-5s", severity)).append(' ');
    line.append(note.service() == null ? "-" : LogText.escape(note.service()) + "."
        + LogText.escape(note.operation()));
    line.append(' ').append(LogText.escape(note.accountId()));
    line.append(' ').append(status == 0 ? "dropped" : String.valueOf(status));
    if (errorCode != null) {
      line.append(' ').append(LogText.escape(errorCode));
    }
    line.append(' ').append(nanos / 1_000_000).append("ms");
    if (level == Level.DEBUG) {
      line.append(" region=").append(LogText.escape(note.region()));
      line.append(" id=").append(requestId);
      if (errorMessage != null) {
        line.append(" message=\"").append(LogText.escape(errorMessage).replace("\"", "\\\""))
            .append('"');
      }
    }
    sink.accept(line.toString());
  }
}
