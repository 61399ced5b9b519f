package dev.orgvend.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.core.apply.Progress;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Prints apply's progress: timestamped lines for people and logs, or JSON lines for machines. */
final class ProgressPrinter implements Progress {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintWriter out;
  private final boolean json;
  private final Clock clock;
  private final Instant started;

  ProgressPrinter(PrintWriter out, boolean json, Clock clock) {
    this.out = out;
    this.json = json;
    this.clock = clock;
    this.started = clock.instant();
  }

  @Override
  public synchronized void event(String type, String subject, String message,
      Map<String, String> data) {
    if (json) {
      ObjectNode line = JSON.createObjectNode();
      line.put("time", clock.instant().toString());
      line.put("event", type);
      line.put("subject", subject);
      line.put("message", message);
      data.forEach(line::put);
      out.println(line);
    } else {
      double seconds = (clock.millis() - started.toEpochMilli()) / 1000.0;
      out.printf("[%7.1fs] %s%n", seconds, message);
    }
    out.flush();
  }
}
