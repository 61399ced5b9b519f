package dev.orgvend.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.front.RequestNote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestLogTest {
  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
  private final List<String> lines = new ArrayList<>();

  private RequestLog log(RequestLog.Level level) {
    return new RequestLog(level, lines::add);
  }

  /** A request that was neither routed nor authenticated. */
  private static final RequestNote UNKNOWN = new RequestNote();

  @Test
  void record_whenInfo_printsOperationAccountStatusAndMilliseconds() {
    RequestLog log = log(RequestLog.Level.INFO);

    log.record(AT, UNKNOWN, 200, null, null, "id-1", 4_200_000);
    log.record(AT, UNKNOWN, 400, "InvalidInputException", "bad", "id-2", 1_000_000);
    log.record(AT, UNKNOWN, 0, null, null, "id-3", 0);

    assertThat(lines).containsExactly(
        "2026-01-05T10:00:00.000Z INFO  - - 200 4ms",
        "2026-01-05T10:00:00.000Z WARN  - - 400 InvalidInputException 1ms",
        "2026-01-05T10:00:00.000Z ERROR - - dropped 0ms");
  }

  @Test
  void record_whenLevelIsError_printsOnlyServerErrorsAndDrops() {
    RequestLog log = log(RequestLog.Level.ERROR);

    log.record(AT, UNKNOWN, 200, null, null, "id-1", 0);
    log.record(AT, UNKNOWN, 404, "NotFound", "gone", "id-2", 0);
    log.record(AT, UNKNOWN, 500, "ServiceException", "boom", "id-3", 0);
    log.record(AT, UNKNOWN, 0, null, null, "id-4", 0);

    assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains(" ERROR "));
  }

  @Test
  void record_whenOff_printsNothing() {
    log(RequestLog.Level.OFF).record(AT, UNKNOWN, 500, "ServiceException", "boom", "id", 0);

    assertThat(lines).isEmpty();
  }

  @Test
  void record_whenDebug_addsRegionIdAndMessageWithClientTextEscaped() {
    RequestLog log = log(RequestLog.Level.DEBUG);

    log.record(AT, UNKNOWN, 400, "UnknownOperationException",
        "Unknown operation Evil\u001b[31m\u202eRED\"", "id-1", 0);

    assertThat(lines).containsExactly("2026-01-05T10:00:00.000Z WARN  - - 400"
        + " UnknownOperationException 0ms region=- id=id-1"
        + " message=\"Unknown operation Evil\\u001b[31m\\u202eRED\\\"\"");
  }

  @Test
  void escape_whenTextHasControlBidiAndInvisibleCharacters_showsThemAsEscapes() {
    assertThat(LogText.escape("a\nb\tc\u0007d\u0085e\u200bf\u2066g\ufeffh\\i"))
        .isEqualTo("a\\u000ab\\u0009c\\u0007d\\u0085e\\u200bf\\u2066g\\ufeffh\\\\i");
    assertThat(LogText.escape("x".repeat(300))).hasSize(LogText.MAX_LENGTH + 1).endsWith("…");
    assertThat(LogText.escape(null)).isEqualTo("-");
  }
}
