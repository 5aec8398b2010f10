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
  void writesPngAndTheCsvOfExactlyTheRows() throws IOException {
    List<TrendRow> rows = rows();
    RenderedChart c = TrendChart.write(ENGAGEMENT, rows,
        List.of(new YearMarker(2021, "2021: new questions")),
        dir.resolve("charts/trend.png"), dir.resolve("data/trend.csv"));
    PngAssertions.assertChartPng(c.png(), 1000, 600);
    assertEquals(ChartCsv.TREND_COLUMNS, CsvReadBack.header(c.csv()));
    assertEquals(rows, CsvReadBack.trends(c.csv()));
    assertEquals("Staff engagement by survey year and benchmarking group", c.title());
    assertTrue(c.caption().contains("Higher values are better."), c.caption());
    assertTrue(c.caption().contains("2021: new questions"), c.caption());
    assertTrue(c.altText().contains("2019 to 2022, for 2 benchmarking groups"), c.altText());
  }

  @Test
  void subtitleSaysWhichDirectionIsBetter() {
    MeasureInfo sickness = new MeasureInfo("engagement", "Sickness", "%", false, false);
    var chart = TrendChart.chart(sickness, rows(), List.of());
    String subtitle = ((org.jfree.chart.title.TextTitle) chart.getSubtitle(1)).getText();
    assertTrue(subtitle.startsWith("Median and interquartile range across organisations;"
        + " n per year in the data file."), subtitle);
    assertTrue(subtitle.endsWith("Lower is better."), subtitle);
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
  void oneSeriesPerRunAndEachGroupOnceInTheLegend() {
    var chart = TrendChart.chart(ENGAGEMENT, rows(), List.of());
    var plot = chart.getXYPlot();
    // Acute: 1 run, Community: 2 runs, All organisations: 1 run.
    assertEquals(4, plot.getDataset().getSeriesCount());
    List<String> legend = new java.util.ArrayList<>();
    var items = plot.getLegendItems();
    for (int i = 0; i < items.getItemCount(); i++) {
      legend.add(items.get(i).getLabel());
    }
    assertEquals(List.of("Acute", "Community", TrendRow.ALL_GROUPS), legend);
    // A year with a single organisation has no band.
    var data = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset();
    assertEquals(7.2, data.getStartYValue(1, 0));
    assertEquals(7.2, data.getEndYValue(1, 0));
  }

  @Test
  void rowsOfAnotherMeasureOrRepeatedYearsAreRejected() {
    List<TrendRow> other = List.of(new TrendRow("morale", "Acute", 2020, 3, 1, 1, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> TrendChart.chart(ENGAGEMENT, other, List.of()));
    List<TrendRow> twice = List.of(row("Acute", 2020, 3, 1), row("Acute", 2020, 3, 2));
    assertThrows(IllegalArgumentException.class,
        () -> TrendChart.chart(ENGAGEMENT, twice, List.of()));
  }

  @Test
  void noRowsStillGivesAReadableChart() throws IOException {
    RenderedChart c = TrendChart.write(ENGAGEMENT, List.of(), List.of(),
        dir.resolve("empty.png"), dir.resolve("empty.csv"));
    assertEquals(1000, javax.imageio.ImageIO.read(c.png().toFile()).getWidth());
    assertEquals(List.of(), CsvReadBack.trends(c.csv()));
  }
}
