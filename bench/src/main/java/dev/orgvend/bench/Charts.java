package dev.orgvend.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Draws time against N for each contender from the measured JSON reports: {@code bench/run
 * chart} reads {@code bench/results/*.json} and writes {@code docs/bench-<name>.svg}. Nothing is
 * drawn from figures typed in by hand.
 */
final class Charts {
  /** How one benchmark's rows become a chart. */
  private record Spec(String bench, String title, String xKey, String xLabel, String yKey,
      String yLabel, Function<Map<String, Object>, String> series,
      Predicate<Map<String, Object>> include) {}

  private static final List<Spec> SPECS = List.of(
      new Spec(VendBench.NAME, "Vending N accounts (creation, baseline): wall time",
          "accounts", "accounts vended", "wallSeconds", "wall time, s",
          r -> (String) r.get("contender"), r -> true),
      new Spec(PlanBench.NAME, "Plan: reading an organization of N accounts",
          "accounts", "accounts in the organization", "seconds", "read + plan time, s",
          r -> (String) r.get("contender"), r -> "matches".equals(r.get("spec"))),
      new Spec(CheckBench.NAME, "Fleet check of N accounts: total time",
          "accounts", "accounts checked", "totalSeconds", "total time, s",
          r -> "orgvend check, parallel " + r.get("parallel"), r -> true));

  private Charts() {}

  static void main(String[] argv) {
    Args args = Args.parse(argv, Set.of("--results", "--out"), Set.of());
    Path results = Path.of(args.text("--results", Results.dir().toString()));
    Path out = Path.of(args.text("--out", Results.docs().toString()));
    List<Path> written = write(results, out);
    if (written.isEmpty()) {
      System.out.println("no reports in " + results + "; run a benchmark first");
    }
    written.forEach(p -> System.out.println("wrote " + p));
  }

  /** Writes one chart per benchmark that has a report in {@code results}. */
  static List<Path> write(Path results, Path out) {
    List<Path> written = new ArrayList<>();
    for (Spec spec : SPECS) {
      Path json = results.resolve(spec.bench() + ".json");
      if (!Files.exists(json)) {
        continue;
      }
      Report report = Report.read(json);
      SvgChart chart = chart(spec, report, json);
      if (chart.isEmpty()) {
        continue;
      }
      Path svg = out.resolve("bench-" + spec.bench() + ".svg");
      try {
        Files.createDirectories(out);
        Files.writeString(svg, chart.render());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + svg, e);
      }
      written.add(svg);
    }
    return written;
  }

  private static SvgChart chart(Spec spec, Report report, Path json) {
    SvgChart chart = new SvgChart(spec.title(), spec.xLabel(), spec.yLabel(), " s");
    Map<String, List<SvgChart.Point>> lines = new LinkedHashMap<>();
    for (Map<String, Object> row : report.rows()) {
      Object x = row.get(spec.xKey());
      Object y = row.get(spec.yKey());
      if (!spec.include().test(row) || !(x instanceof Number nx) || !(y instanceof Number ny)) {
        continue;
      }
      lines.computeIfAbsent(spec.series().apply(row), k -> new ArrayList<>())
          .add(new SvgChart.Point(nx.doubleValue(), ny.doubleValue()));
    }
    lines.forEach((name, points) -> {
      points.sort((a, b) -> Double.compare(a.x(), b.x()));
      chart.series(new SvgChart.Series(name, points));
    });
    @SuppressWarnings("unchecked")
    Map<String, Object> machine = (Map<String, Object>) report.head("machine");
    chart.footnote("Measured " + report.head("date") + " on " + machine.get("summary"));
    Path data = json.toAbsolutePath().normalize();
    Path root = Results.root().toAbsolutePath().normalize();
    chart.footnote("Command: " + report.head("command") + "; data: "
        + (data.startsWith(root) ? root.relativize(data) : data));
    return chart;
  }
}
