package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.trends.TrendRow;

class TrendChartTest {

  static final MeasureInfo ENGAGEMENT =
      new MeasureInfo("engagement", "Staff engagement", "score 0-10", true, true);

  @TempDir Path dir;

  static TrendRow row(String group, int year, long n, double median) {
    return new TrendRow("engagement", group, year, n, median, median, median - 0.2, median + 0.2,
        median - 0.5, median + 0.5);
  }

  static List<TrendRow> rows() {
    return List.of(
        row("Acute", 2019, 120, 6.9), row("Acute", 2020, 121, 7.0), row("Acute", 2021, 119, 6.8),
        row("Acute", 2022, 118, 6.7),
        row("Community", 2019, 1, 7.2), row("Community", 2021, 15, 7.1),
        row("Community", 2022, 0, Double.NaN),
        row(TrendRow.ALL_GROUPS, 2019, 140, 6.95), row(TrendRow.ALL_GROUPS, 2020, 141, 7.02),
        row(TrendRow.ALL_GROUPS, 2021, 139, 6.85), row(TrendRow.ALL_GROUPS, 2022, 138, 6.75));
  }

  @Test
  void writesPngSvgAndTheCsvOfExactlyTheRows() throws IOException {
    List<TrendRow> rows = rows();
    RenderedChart c = TrendChart.write(ENGAGEMENT, rows,
        List.of(new YearMarker(2021, "2021: new questions")),
        dir.resolve("charts/trend.png"), dir.resolve("data/trend.csv"));
    int height = TrendChart.figure(ENGAGEMENT, rows, List.of(new YearMarker(2021, "2021: new questions"))).height();
    PngAssertions.assertChartPng(c.png(), 1000, height);
    assertEquals(dir.resolve("charts/trend.svg"), c.svg());
    assertTrue(java.nio.file.Files.readString(c.svg()).contains("2021: new questions"), "the break's label in the SVG");
    assertEquals(ChartCsv.TREND_COLUMNS, CsvReadBack.header(c.csv()));
    assertEquals(rows, CsvReadBack.trends(c.csv()));
    assertEquals("Staff engagement by survey year and benchmarking group", c.title());
    assertTrue(c.caption().contains("Higher values are better."), c.caption());
    assertTrue(c.caption().contains("2021: new questions"), c.caption());
    assertTrue(c.caption().contains("One panel per benchmarking group"), c.caption());
    assertTrue(c.altText().contains("2019 to 2022, for 2 benchmarking groups"), c.altText());
  }

  /**
   * Small multiples: one panel per benchmarking group, in name order, every one on the same axes,
   * with the national median and the break in each.
   */
  @Test
  void onePanelPerGroupOnIdenticalAxesWithTheNationalMedianAndTheBreakInEach() {
    List<TrendRow> rows = new java.util.ArrayList<>(rows());
    rows.add(row("Ambulance", 2019, 10, 6.1));
    rows.add(row("Ambulance", 2022, 10, 6.0));
    List<org.jfree.chart.JFreeChart> panels = TrendChart.panels(ENGAGEMENT, rows,
        List.of(new YearMarker(2021, "2021: new questions")));
    assertEquals(3, panels.size(), "Acute, Ambulance, Community: All organisations has no panel of its own");
    assertTrue(panels.get(0).getTitle().getText().startsWith("Acute (n = 118 in 2022)"));
    assertTrue(panels.get(1).getTitle().getText().startsWith("Ambulance"));
    assertTrue(panels.get(2).getTitle().getText().startsWith("Community"));
    org.jfree.data.Range x = panels.get(0).getXYPlot().getDomainAxis().getRange();
    org.jfree.data.Range y = panels.get(0).getXYPlot().getRangeAxis().getRange();
    // The lowest q1 (Ambulance 2022: 5.8) and highest q3 (Community 2019: 7.4) are inside every panel.
    assertTrue(y.getLowerBound() < 5.8 && y.getUpperBound() > 7.4, y.toString());
    for (org.jfree.chart.JFreeChart p : panels) {
      var plot = p.getXYPlot();
      assertEquals(x, plot.getDomainAxis().getRange(), p.getTitle().getText());
      assertEquals(y, plot.getRangeAxis().getRange(), p.getTitle().getText());
      var national = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset(1);
      assertEquals(1, national.getSeriesCount(), "the national median in " + p.getTitle().getText());
      assertEquals(4, national.getItemCount(0));
      assertEquals(6.75, national.getYValue(0, 3));
      assertEquals(1, plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "the break in each");
      assertEquals(2020.5, ((org.jfree.chart.plot.ValueMarker) plot.getDomainMarkers(
          org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getValue());
    }
    // Community: 2019, then a gap in 2020 (no row), then 2021: two runs, not a line through the gap.
    assertEquals(2, panels.get(2).getXYPlot().getDataset(0).getSeriesCount());
  }

  @Test
  void withoutGroupsOnePanelShowsAllOrganisations() {
    List<TrendRow> all = rows().stream().filter(r -> r.group().equals(TrendRow.ALL_GROUPS)).toList();
    List<org.jfree.chart.JFreeChart> panels = TrendChart.panels(ENGAGEMENT, all, List.of());
    assertEquals(1, panels.size());
    assertTrue(panels.get(0).getTitle().getText().startsWith(TrendRow.ALL_GROUPS));
    var plot = panels.get(0).getXYPlot();
    assertEquals(null, plot.getDataset(1), "no second line: the panel is the national median itself");
    var band = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset(0);
    assertEquals(6.95 - 0.2, band.getStartYValue(0, 0), 1e-12);
    assertEquals(6.95 + 0.2, band.getEndYValue(0, 0), 1e-12);
  }

  @Test
  void missingYearsAndEmptyGroupsBreakTheLineInsteadOfDroppingToZero() {
    TreeMap<Integer, TrendRow> community = new TreeMap<>();
    rows().stream().filter(r -> r.group().equals("Community")).forEach(r -> community.put(
        r.year(), r));
    var runs = TrendChart.runs(community, new TreeSet<>(List.of(2019, 2020, 2021, 2022)));
    assertEquals(2, runs.size());
    assertEquals(List.of(2019), runs.get(0).stream().map(TrendRow::year).toList());
    assertEquals(List.of(2021), runs.get(1).stream().map(TrendRow::year).toList());
  }

  @Test
  void aYearWithOneOrganisationHasNoBand() {
    var panels = TrendChart.panels(ENGAGEMENT, rows(), List.of());
    var community = (org.jfree.data.xy.YIntervalSeriesCollection) panels.get(1).getXYPlot().getDataset(0);
    assertEquals(7.2, community.getStartYValue(0, 0));
    assertEquals(7.2, community.getEndYValue(0, 0));
  }

  @Test
  void rowsOfAnotherMeasureOrRepeatedYearsAreRejected() {
    List<TrendRow> other = List.of(new TrendRow("morale", "Acute", 2020, 3, 1, 1, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> TrendChart.panels(ENGAGEMENT, other, List.of()));
    List<TrendRow> twice = List.of(row("Acute", 2020, 3, 1), row("Acute", 2020, 3, 2));
    assertThrows(IllegalArgumentException.class,
        () -> TrendChart.panels(ENGAGEMENT, twice, List.of()));
  }

  @Test
  void noRowsStillGivesAReadableChart() throws IOException {
    RenderedChart c = TrendChart.write(ENGAGEMENT, List.of(), List.of(),
        dir.resolve("empty.png"), dir.resolve("empty.csv"));
    assertEquals(1000, javax.imageio.ImageIO.read(c.png().toFile()).getWidth());
    assertEquals(List.of(), CsvReadBack.trends(c.csv()));
  }
}
