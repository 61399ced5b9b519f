package dev.orgvend.cli;

import dev.orgvend.core.output.Printable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.core.apply.Progress;
import dev.orgvend.core.time.Ticker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints apply's progress: timestamped lines for people and logs, or JSON lines for machines.
 * On a terminal, a status line at the bottom also shows what is in flight and the elapsed time,
 * redrawn every second.
 */
final class ProgressPrinter implements Progress, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory().setCharacterEscapes(Printable.jsonEscapes());
  }
  private final PrintWriter out;
  private final boolean json;
  private final Ticker ticker;
  /** The ticker's nanoseconds at the first event; null before it. */
  private Long started;
  private final boolean live;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private Thread redrawer;

  ProgressPrinter(PrintWriter out, boolean json, Ticker ticker, boolean terminal) {
    this.out = out;
    this.json = json;
    this.ticker = ticker;
    this.live = terminal && !json;
  }

  /** The status line appears with the first event, not while the plan is shown or confirmed. */
  private void startRedrawing() {
    if (live && redrawer == null) {
      redrawer = new Thread(() -> {
        try {
          while (!Thread.currentThread().isInterrupted()) {
            ticker.sleep(Duration.ofSeconds(1));
            redraw();
          }
        } catch (InterruptedException e) {
          // stopped
        }
      }, "orgvend-progress");
      redrawer.setDaemon(true);
      redrawer.start();
    }
  }

  @Override
  public synchronized void event(String type, String subject, String message,
      Map<String, String> data) {
    counts.computeIfAbsent(type, k -> new AtomicInteger()).incrementAndGet();
    if (started == null) {
      started = ticker.nanoTime();
    }
    startRedrawing();
    if (json) {
      ObjectNode line = JSON.createObjectNode();
      line.put("time", ticker.now().toString());
      line.put("event", type);
      line.put("subject", subject);
      line.put("message", message);
      data.forEach(line::put);
      try {
        // Through JSON, not ObjectNode.toString(), which would ignore the escapes.
        out.println(JSON.writeValueAsString(line));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      if (live) {
        out.print("\r\033[K");
      }
      // Messages name accounts and OUs and quote AWS's errors: one line each, escaped.
      out.printf("[%7.1fs] %s%n", elapsed(), Printable.of(message));
      if (live) {
        out.print(status());
      }
    }
    out.flush();
  }

  private double elapsed() {
    return started == null ? 0 : (ticker.nanoTime() - started) / 1e9;
  }

  private int count(String type) {
    AtomicInteger n = counts.get(type);
    return n == null ? 0 : n.get();
  }

  private String status() {
    int requested = count("account-requested");
    int created = count("account-created");
    int failed = count("account-failed");
    return String.format("  %.0fs elapsed · %d creating · %d created · %d usable · %d failed",
        elapsed(), Math.max(0, requested - created - failed), created, count("account-usable"),
        failed);
  }

  private synchronized void redraw() {
    out.print("\r\033[K" + status());
    out.flush();
  }

  @Override
  public synchronized void close() {
    if (redrawer != null) {
      redrawer.interrupt();
      out.print("\r\033[K");
      out.flush();
    }
  }
}
