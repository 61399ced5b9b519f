package dev.orgvend.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark's figures: when and where it ran, its settings, and a table of rows. Printed as a
 * text or Markdown table and written as JSON, from which {@link Charts} draws and {@code bench/run
 * report} reprints; so every published figure comes from one measured file.
 */
final class Report {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** A table column: the row key it shows, its heading, and a format such as {@code %.1f}. */
  record Column(String key, String header, String format) {}

  private final Map<String, Object> head = new LinkedHashMap<>();
  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final List<Column> columns = new ArrayList<>();
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private Report() {}

  /** A new report for {@code bench}, stamped with the date, the command and the machine. */
  static Report create(String bench, String title, String[] args) {
    Report r = new Report();
    r.head.put("bench", bench);
    r.head.put("title", title);
    r.head.put("date", Results.now());
    r.head.put("command", Results.command(bench, args));
    r.head.put("machine", Results.machine());
    return r;
  }

  String bench() {
    return (String) head.get("bench");
  }

  String title() {
    return (String) head.get("title");
  }

  Report setting(String key, Object value) {
    settings.put(key, value instanceof int[] list ? java.util.Arrays.stream(list).boxed().toList()
        : value);
    return this;
  }

  Map<String, Object> settings() {
    return settings;
  }

  Report column(String key, String header, String format) {
    columns.add(new Column(key, header, format));
    return this;
  }

  /** Adds a row; fill it in place. Keys not shown as columns still go to the JSON. */
  Map<String, Object> row() {
    Map<String, Object> row = new LinkedHashMap<>();
    rows.add(row);
    return row;
  }

  List<Map<String, Object>> rows() {
    return rows;
  }

  void note(String text) {
    notes.add(text);
  }

  /** The title, the settings, the table and the notes, as plain text. */
  void print(PrintStream out) {
    out.println();
    out.println("== " + title() + " ==");
    out.println("settings: " + settings);
    out.println(head.get("date") + ", " + ((Map<?, ?>) head.get("machine")).get("summary"));
    List<List<String>> cells = cells();
    int[] widths = new int[columns.size()];
    for (List<String> line : cells) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    for (int i = 0; i < cells.size(); i++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        String cell = cells.get(i).get(c);
        boolean left = columns.get(c).format().endsWith("s");
        String pad = " ".repeat(widths[c] - cell.length());
        line.append(c == 0 ? "" : "  ").append(left ? cell + pad : pad + cell);
      }
      out.println(line.toString().stripTrailing());
      if (i == 0) {
        out.println("-".repeat(line.toString().stripTrailing().length()));
      }
    }
    notes.forEach(n -> out.println("note: " + n));
  }

  /** The table as Markdown, for docs/benchmarks.md. */
  void printMarkdown(PrintStream out) {
    List<List<String>> cells = cells();
    out.println("| " + String.join(" | ", cells.get(0)) + " |");
    out.println("|" + "---|".repeat(columns.size()));
    for (List<String> line : cells.subList(1, cells.size())) {
      out.println("| " + String.join(" | ", line) + " |");
    }
  }

  private List<List<String>> cells() {
    List<List<String>> out = new ArrayList<>();
    out.add(columns.stream().map(Column::header).toList());
    for (Map<String, Object> row : rows) {
      out.add(columns.stream().map(c -> format(c.format(), row.get(c.key()))).toList());
    }
    return out;
  }

  static String format(String format, Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof Number n) {
      if (format.endsWith("d")) {
        return String.format(Locale.ROOT, format, Math.round(n.doubleValue()));
      }
      if (format.endsWith("f")) {
        return String.format(Locale.ROOT, format, n.doubleValue());
      }
    }
    return String.format(Locale.ROOT, format.endsWith("s") ? format : "%s", value);
  }

  /** Writes the report as JSON, creating the directory if needed. */
  Path write(Path file) {
    Map<String, Object> out = new LinkedHashMap<>(head);
    out.put("settings", settings);
    out.put("columns", columns);
    out.put("rows", rows);
    out.put("notes", notes);
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      JSON.writeValue(file.toFile(), out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads a report written by {@link #write}. */
  static Report read(Path file) {
    Map<String, Object> in;
    try {
      in = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Report r = new Report();
    for (String key : List.of("bench", "title", "date", "command", "machine")) {
      r.head.put(key, in.get(key));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> settings = (Map<String, Object>) in.getOrDefault("settings", Map.of());
    r.settings.putAll(settings);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> columns = (List<Map<String, Object>>) in.get("columns");
    for (Map<String, Object> c : columns) {
      r.column((String) c.get("key"), (String) c.get("header"), (String) c.get("format"));
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) in.get("rows");
    for (Map<String, Object> row : rows) {
      r.row().putAll(row);
    }
    @SuppressWarnings("unchecked")
    List<String> notes = (List<String>) in.getOrDefault("notes", List.of());
    r.notes.addAll(notes);
    return r;
  }

  /** When, with what command and on which machine the figures were taken. */
  Object head(String key) {
    return head.get(key);
  }
}
