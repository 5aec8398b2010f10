package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.standing.SpcRow;
import org.staffoutcomes.stats.XmrChart;

class SpcChartTest {

  static final MeasureInfo ENGAGEMENT = new MeasureInfo("engagement", "Staff engagement", "score 0-10", true, true);

  @TempDir Path dir;

  /** The rows of spc.csv for {@code values} from 2010 on, as the analysis writes them (XmrChart, MDC rules). */
  static List<SpcRow> rows(double[] values, boolean higherIsBetter) {
    XmrChart.Chart c = XmrChart.of(values);
    List<SpcRow> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      XmrChart.Point p = c.points().get(i);
      String variation = !p.specialCause() ? "common cause"
          : XmrChart.improvement(p, higherIsBetter) ? "special cause improvement" : "special cause concern";
      rows.add(new SpcRow("RXA", "engagement", 2010 + i, p.value(), p.movingRange(), c.mean(), c.lowerLimit(),
          c.upperLimit(), c.nearLower(), c.nearUpper(),
          p.rules().stream().map(XmrChart.Rule::word).collect(Collectors.joining(";")), variation,
          values.length >= 12 ? "" : "only " + values.length + " points"));
    }
    return rows;
  }

  /** Years of the points drawn in the special-cause series (dataset 0), each series with its paint. */
  static Set<Integer> markedYears(JFreeChart chart) {
    XYDataset special = chart.getXYPlot().getDataset(0);
    Set<Integer> years = new TreeSet<>();
    for (int s = 0; s < special.getSeriesCount(); s++) {
      for (int i = 0; i < special.getItemCount(s); i++) {
        assertTrue(years.add((int) special.getXValue(s, i)), "each point marked once");
      }
    }
    return years;
  }

  /**
   * A hand-made series: steady around 6.5 for ten years, a drop to 4 in 2020 (beyond the lower
   * limit: concern), then seven years above the mean (a shift: improvement, engagement being
   * higher-better). The chart marks exactly the years the rules mark, no more, no fewer.
   */
  @Test
  void marksExactlyTheSpecialCausePoints() throws IOException {
    double[] values = {6.4, 6.5, 6.3, 6.6, 6.4, 6.5, 6.3, 6.5, 6.4, 6.5, 4.0, 6.9, 6.8, 7.0, 6.9, 6.8, 7.0, 6.9};
    List<SpcRow> rows = rows(values, true);
    Set<Integer> expected = rows.stream().filter(r -> !r.rules().isEmpty()).map(SpcRow::year)
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(expected.contains(2020) && expected.size() >= 8, "the fixture has special causes: " + expected);
    assertFalse(expected.contains(2010), "and common-cause points");

    JFreeChart chart = SpcChart.chart(ENGAGEMENT, rows, List.of());
    assertEquals(expected, markedYears(chart));

    XYPlot plot = chart.getXYPlot();
    XYItemRenderer renderer = plot.getRenderer(0);
    for (int s = 0; s < plot.getDataset(0).getSeriesCount(); s++) {
      String name = plot.getDataset(0).getSeriesKey(s).toString();
      int year = (int) plot.getDataset(0).getXValue(s, 0);
      SpcRow row = rows.get(year - 2010);
      boolean improvement = row.variation().endsWith("improvement");
      assertEquals(improvement ? SpcChart.IMPROVEMENT : SpcChart.CONCERN, renderer.getSeriesPaint(s), name);
      assertTrue(name.startsWith(improvement ? "Special cause, improvement: " : "Special cause, concern: "), name);
    }
    assertTrue(seriesNames(plot).contains("Special cause, concern: beyond a process limit"), seriesNames(plot).toString());
    assertTrue(seriesNames(plot).contains("Special cause, improvement: run of 7 on one side of the mean"),
        seriesNames(plot).toString());
    LegendItemCollection legend = plot.getLegendItems();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < legend.getItemCount(); i++) {
      labels.add(legend.get(i).getLabel());
    }
    assertTrue(labels.containsAll(List.of("Value", "Mean", "Process limits",
        "Special cause, concern: beyond a process limit")), labels.toString());
    assertFalse(labels.contains("Lower process limit"), "the limits once in the legend");

    // The mean and both limits span the chart at the analysis' values.
    XYDataset lines = plot.getDataset(2);
    assertEquals(rows.get(0).mean(), lines.getYValue(0, 0));
    assertEquals(rows.get(0).upperLimit(), lines.getYValue(1, 0));
    assertEquals(rows.get(0).lowerLimit(), lines.getYValue(2, 1));
  }

  @Test
  void aFlatSeriesMarksNothing() {
    double[] values = {5, 5.2, 4.9, 5.1, 5, 4.8, 5.2, 5, 4.9, 5.1, 5, 5.2};
    List<SpcRow> rows = rows(values, true);
    assertTrue(rows.stream().allMatch(r -> r.rules().isEmpty()), "fixture: common cause only");
    JFreeChart chart = SpcChart.chart(ENGAGEMENT, rows, List.of());
    assertEquals(Set.of(), markedYears(chart));
    assertTrue(SpcChart.caption(ENGAGEMENT, rows).contains("No point shows special cause."));
  }

  @Test
  void writesTheSvgAndThePngOnlyWhenAsked() throws Exception {
    List<SpcRow> rows = rows(new double[] {6.4, 6.5, 6.3, 6.6, 4.0, 6.5}, true);
    Path svg = dir.resolve("charts/spc_RXA_engagement.svg");
    RenderedChart c = SpcChart.write(ENGAGEMENT, rows, List.of(new YearMarker(2013, "2013: new scale")), svg, null,
        dir.resolve("data/spc.csv"));
    assertEquals(null, c.png());
    assertFalse(Files.exists(dir.resolve("charts/spc_RXA_engagement.png")));
    org.w3c.dom.Element root = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(svg.toFile()).getDocumentElement();
    assertEquals("svg", root.getTagName());
    String text = Files.readString(svg);
    assertTrue(text.contains("RXA: Staff engagement, XmR chart"), "the title as text");
    assertTrue(text.contains("only 6 points"), "the caution about few points");
    assertTrue(c.caption().contains("a run of 7 or more points on one side of the mean"), c.caption());
    assertTrue(c.caption().contains("rows of spc.csv with org_code RXA and measure engagement"), c.caption());

    Path png = dir.resolve("charts/spc_RXA_engagement2.png");
    RenderedChart withPng = SpcChart.write(ENGAGEMENT, rows, List.of(), ChartFiles.svgBeside(png), png,
        dir.resolve("data/spc.csv"));
    PngAssertions.assertChartPng(withPng.png(), 1000, 600);
    assertTrue(Files.isRegularFile(withPng.svg()));
  }

  @Test
  void rowsOfTwoOrganisationsAreRefused() {
    List<SpcRow> rows = new ArrayList<>(rows(new double[] {1, 2, 3}, true));
    SpcRow r = rows.get(0);
    rows.add(new SpcRow("RXB", r.measure(), 2020, 1, 0, r.mean(), r.lowerLimit(), r.upperLimit(), r.nearLower(),
        r.nearUpper(), "", "common cause", ""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpcChart.chart(ENGAGEMENT, rows, List.of()));
    assertTrue(e.getMessage().contains("RXB"), e.getMessage());
  }

  private static List<String> seriesNames(XYPlot plot) {
    List<String> names = new ArrayList<>();
    for (int s = 0; s < plot.getDataset(0).getSeriesCount(); s++) {
      names.add(plot.getDataset(0).getSeriesKey(s).toString());
    }
    return names;
  }
}
