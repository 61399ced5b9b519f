package dev.orgvend.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {
  @Test
  void render_twoSeries_wellFormedSvgWithALineAndALegendEntryEach() throws Exception {
    SvgChart chart = new SvgChart("Time <vs> N", "accounts", "seconds", " s")
        .series(new SvgChart.Series("orgvend", List.of(new SvgChart.Point(10, 18.9),
            new SvgChart.Point(50, 87.6))))
        .series(new SvgChart.Series("lower bound", List.of(new SvgChart.Point(10, 18),
            new SvgChart.Point(50, 82))))
        .footnote("Command: bench/run vend & more");

    String svg = chart.render();
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(2);
    assertThat(svg).contains(">orgvend</text>", ">lower bound</text>", "Time &lt;vs&gt; N",
        "87.6 s", "stroke-dasharray");
  }

  @Test
  void isEmpty_seriesWithoutPoints_isLeftOut() {
    SvgChart chart = new SvgChart("t", "x", "y", "")
        .series(new SvgChart.Series("nothing", List.of()));

    assertThat(chart.isEmpty()).isTrue();
  }
}
