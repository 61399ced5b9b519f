package dev.orgvend.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A small line chart written as SVG text: one line per series, points marked and labelled with
 * their values, a legend, and a footnote saying where the figures come from. Both axes switch to
 * a logarithmic scale when their values span a factor of ten or more, so that contenders that
 * differ by a constant factor show as parallel lines.
 */
final class SvgChart {
  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
      "#ff7f0e", "#8c564b"};
  private static final int WIDTH = 760;
  private static final int HEIGHT = 460;
  private static final int LEFT = 70;
  private static final int RIGHT = 230;
  private static final int TOP = 50;
  private static final int BOTTOM = 80;

  /** One point of a series. */
  record Point(double x, double y) {}

  /** One line: a name for the legend and its points in x order. */
  record Series(String name, List<Point> points) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final String unit;
  private final List<Series> series = new ArrayList<>();
  private final List<String> footnotes = new ArrayList<>();

  SvgChart(String title, String xLabel, String yLabel, String unit) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.unit = unit;
  }

  SvgChart series(Series s) {
    if (!s.points().isEmpty()) {
      series.add(s);
    }
    return this;
  }

  SvgChart footnote(String text) {
    footnotes.add(text);
    return this;
  }

  boolean isEmpty() {
    return series.isEmpty();
  }

  String render() {
    // The x axis keeps its end points off the frame, so their labels stay clear of the legend.
    Axis x = Axis.forData(series.stream().flatMap(s -> s.points().stream())
        .mapToDouble(Point::x).toArray(), LEFT + 20, WIDTH - RIGHT - 50);
    Axis y = Axis.of(series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y)
        .toArray(), HEIGHT - BOTTOM, TOP);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
        WIDTH, HEIGHT));
    text(svg, WIDTH / 2.0, 24, "middle", 15, "bold", title);
    // Grid and tick labels.
    for (double t : y.ticks()) {
      double py = y.at(t);
      line(svg, LEFT, py, WIDTH - RIGHT, py, "#e0e0e0", 1);
      text(svg, LEFT - 6, py + 4, "end", 11, "normal", number(t));
    }
    for (double t : x.ticks()) {
      double px = x.at(t);
      line(svg, px, TOP, px, HEIGHT - BOTTOM, "#f0f0f0", 1);
      text(svg, px, HEIGHT - BOTTOM + 16, "middle", 11, "normal", number(t));
    }
    line(svg, LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#333", 1);
    line(svg, LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#333", 1);
    text(svg, (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - BOTTOM + 36, "middle", 12, "normal",
        xLabel + (x.log() ? " (log scale)" : ""));
    svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\""
        + " transform=\"rotate(-90 16 %.1f)\">%s</text>%n", (TOP + HEIGHT - BOTTOM) / 2.0,
        (TOP + HEIGHT - BOTTOM) / 2.0, escape(yLabel + (y.log() ? " (log scale)" : ""))));
    // Lines, points, legend; then the value labels, kept apart where points are close.
    List<Label> labels = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String colour = COLOURS[i % COLOURS.length];
      String dash = s.name().toLowerCase(Locale.ROOT).contains("bound") ? " stroke-dasharray=\"6 4\""
          : "";
      StringBuilder path = new StringBuilder();
      for (Point p : s.points()) {
        path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT,
            "%.1f %.1f", x.at(p.x()), y.at(p.y())));
      }
      svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\""
          + " stroke-width=\"2\"%s/>%n", path, colour, dash));
      for (Point p : s.points()) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\""
            + " fill=\"%s\"/>%n", x.at(p.x()), y.at(p.y()), colour));
        labels.add(new Label(x.at(p.x()) + 6, y.at(p.y()) + 4, number(p.y()) + unit, colour));
      }
      double ly = TOP + 10 + i * 20;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
          + " stroke=\"%s\" stroke-width=\"2\"%s/>%n", WIDTH - RIGHT + 16, ly, WIDTH - RIGHT + 40,
          ly, colour, dash));
      text(svg, WIDTH - RIGHT + 46, ly + 4, "start", 12, "normal", s.name());
    }
    placeLabels(labels);
    for (Label l : labels) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\""
          + " fill=\"%s\">%s</text>%n", l.x(), l.y(), l.colour(), escape(l.text())));
    }
    for (int i = 0; i < footnotes.size(); i++) {
      text(svg, 8, HEIGHT - 26 + i * 13, "start", 9.5, "normal", footnotes.get(i));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** A value label beside its point. */
  private record Label(double x, double y, String text, String colour) {}

  /**
   * Moves labels that share an x position apart vertically, keeping their order, so that close
   * values stay readable.
   */
  private static void placeLabels(List<Label> labels) {
    labels.sort((a, b) -> a.x() != b.x() ? Double.compare(a.x(), b.x())
        : Double.compare(a.y(), b.y()));
    for (int i = 1; i < labels.size(); i++) {
      Label before = labels.get(i - 1);
      Label label = labels.get(i);
      if (Math.abs(label.x() - before.x()) < 1 && label.y() - before.y() < 12) {
        labels.set(i, new Label(label.x(), before.y() + 12, label.text(), label.colour()));
      }
    }
  }

  /**
   * One axis: where a value lands in pixels and which values get a tick. {@code from} is the
   * pixel of the smallest value, {@code to} of the largest.
   */
  private record Axis(double min, double max, boolean log, double from, double to,
      List<Double> dataTicks) {
    /** A value axis from zero, or from a decade below the data: ticks at round numbers. */
    static Axis of(double[] values, double from, double to) {
      double lo = Arrays.stream(values).min().orElse(0);
      double hi = Arrays.stream(values).max().orElse(1);
      if (lo > 0 && hi / lo >= 10) {
        return new Axis(Math.pow(10, Math.floor(Math.log10(lo))),
            Math.pow(10, Math.ceil(Math.log10(hi))), true, from, to, null);
      }
      return new Axis(0, niceCeiling(hi <= 0 ? 1 : hi * 1.1), false, from, to, null);
    }

    /** An axis of the measured sizes themselves (N): a tick at each, a little room around. */
    static Axis forData(double[] values, double from, double to) {
      List<Double> ticks = Arrays.stream(values).distinct().sorted().boxed().toList();
      double lo = ticks.get(0);
      double hi = ticks.get(ticks.size() - 1);
      if (lo > 0 && hi / lo >= 10) {
        return new Axis(lo, hi, true, from, to, ticks);
      }
      return new Axis(0, hi == 0 ? 1 : hi, false, from, to, ticks);
    }

    double at(double v) {
      double f = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
          : (v - min) / (max - min == 0 ? 1 : max - min);
      return from + f * (to - from);
    }

    List<Double> ticks() {
      if (dataTicks != null) {
        return dataTicks;
      }
      TreeSet<Double> out = new TreeSet<>();
      if (log) {
        for (double decade = min; decade <= max * 1.0001; decade *= 10) {
          for (double m : new double[] {1, 2, 5}) {
            if (decade * m <= max * 1.0001) {
              out.add(decade * m);
            }
          }
        }
      } else {
        double step = niceCeiling((max - min) / 6);
        for (double t = min; t <= max + step / 1000; t += step) {
          out.add(t);
        }
      }
      return List.copyOf(out);
    }

    /** The smallest of 1, 2, 5 times a power of ten at or above {@code v}. */
    static double niceCeiling(double v) {
      double decade = Math.pow(10, Math.floor(Math.log10(v)));
      for (double m : new double[] {1, 2, 5, 10}) {
        if (m * decade >= v * 0.9999) {
          return m * decade;
        }
      }
      return 10 * decade;
    }
  }

  private static String number(double v) {
    if (v >= 100 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
  }

  private static void line(StringBuilder svg, double x1, double y1, double x2, double y2,
      String colour, double width) {
    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
        + " stroke=\"%s\" stroke-width=\"%.1f\"/>%n", x1, y1, x2, y2, colour, width));
  }

  private static void text(StringBuilder svg, double x, double y, String anchor, double size,
      String weight, String text) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\""
        + " font-size=\"%.1f\" font-weight=\"%s\">%s</text>%n", x, y, anchor, size, weight,
        escape(text)));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
