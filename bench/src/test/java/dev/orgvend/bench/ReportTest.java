package dev.orgvend.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static Report sample() {
    Report report = Report.create("demo", "Demo", new String[] {"--accounts", "10"})
        .setting("accounts", new int[] {10})
        .column("accounts", "accounts", "%d").column("contender", "contender", "%s")
        .column("wallSeconds", "wall s", "%.1f");
    Map<String, Object> row = report.row();
    row.put("accounts", 10);
    row.put("contender", "orgvend");
    row.put("wallSeconds", 18.94);
    row.put("callsByOperation", Map.of("CreateAccount", 10L));
    Map<String, Object> bound = report.row();
    bound.put("accounts", 10);
    bound.put("contender", "lower bound");
    return report;
  }

  @Test
  void writeThenRead_sameTableSettingsAndExtraKeys(@TempDir Path dir) {
    Report read = Report.read(sample().write(dir.resolve("demo.json")));

    assertThat(read.bench()).isEqualTo("demo");
    assertThat(read.head("command")).isEqualTo("bench/run demo --accounts 10");
    assertThat(read.settings()).containsEntry("accounts", List.of(10));
    assertThat(read.rows()).hasSize(2);
    assertThat(read.rows().get(0)).containsEntry("callsByOperation", Map.of("CreateAccount", 10));
    assertThat(markdown(read)).isEqualTo(markdown(sample()));
  }

  @Test
  void printMarkdown_missingValues_showAsDashes() {
    assertThat(markdown(sample())).isEqualTo("""
        | accounts | contender | wall s |
        |---|---|---|
        | 10 | orgvend | 18.9 |
        | 10 | lower bound | - |
        """);
  }

  private static String markdown(Report report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.printMarkdown(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
