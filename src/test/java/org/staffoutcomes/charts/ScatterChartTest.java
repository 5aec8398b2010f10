package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.FittedLine;
import org.staffoutcomes.analysis.ScatterPoint;
import org.staffoutcomes.schema.MeasureInfo;

class ScatterChartTest {

  static final MeasureInfo ENGAGEMENT =
      new MeasureInfo("engagement", "Staff engagement", "score 0-10", true, true);
  static final MeasureInfo SHMI = new MeasureInfo("shmi", "SHMI", "ratio", false, false);

  @TempDir Path dir;

  static CorrelationRow stats(String year) {
    return new CorrelationRow("engagement", "shmi", 0, "all", year, "pearson", -0.41, -0.55,
        -0.26, 0.00001, 60, "");
  }

  static List<ScatterPoint> points() {
    Random rnd = new Random(7);
    List<ScatterPoint> points = new java.util.ArrayList<>();
    String[] types = {"Acute", "Mental health", null};
    for (int i = 0; i < 60; i++) {
      double x = 6 + rnd.nextDouble() * 2;
      points.add(new ScatterPoint("R" + i, types[i % 3], x, 1.6 - 0.08 * x
          + rnd.nextGaussian() * 0.05));
    }
    points.add(new ScatterPoint("RNAN", "Acute", Double.NaN, 1.0));
    return points;
  }

  @Test
  void writesPngCsvAndCaption() throws IOException {
    List<ScatterPoint> points = points();
    RenderedChart c = ScatterChart.write(ENGAGEMENT, SHMI, stats("2023"), points,
        new FittedLine(1.6, -0.08), dir.resolve("s.png"), dir.resolve("s.csv"));
    PngAssertions.assertChartPng(c.png(), 1000, 600);
    assertEquals(List.of("org_code", "trust_type", "engagement", "shmi"),
        CsvReadBack.header(c.csv()));
    List<ScatterPoint> back = CsvReadBack.scatter(c.csv());
    for (int i = 0; i < points.size(); i++) {
      ScatterPoint p = points.get(i);
      assertEquals(new ScatterPoint(p.orgCode(), p.trustType() == null ? "" : p.trustType(),
          p.x(), p.y()), back.get(i));
    }
    assertEquals(points.size(), back.size());
    assertEquals("SHMI against Staff engagement, 2023", c.title());
    assertTrue(c.caption().contains("r = -0.41 (95% CI -0.55 to -0.26), p < 0.001, n = 60"));
    assertTrue(c.caption().contains("that is better outcomes"));
    assertTrue(c.caption().contains("association across trusts, not evidence of cause"));
    assertTrue(c.altText().contains("one point for each of 60 trusts"), c.altText());
    assertTrue(c.altText().contains("falls from left to right"), c.altText());
  }

  @Test
  void legendHasTrustTypesWithCountsAndTheLine() {
    var chart = ScatterChart.chart(ENGAGEMENT, SHMI, stats("pooled"), points(),
        new FittedLine(1.6, -0.08));
    assertEquals("SHMI against Staff engagement, all years pooled",
        chart.getTitle().getText());
    List<String> legend = new java.util.ArrayList<>();
    var items = chart.getXYPlot().getLegendItems();
    for (int i = 0; i < items.getItemCount(); i++) {
      legend.add(items.get(i).getLabel());
    }
    assertEquals(List.of("Acute (20)", "Mental health (20)", ScatterChart.UNKNOWN_TYPE + " (20)",
        ScatterChart.LINE_LABEL), legend);
  }

  @Test
  void noLineWhenNoneGiven() {
    var chart = ScatterChart.chart(ENGAGEMENT, SHMI, stats("2023"), points(), null);
    assertEquals(1, chart.getXYPlot().getDatasetCount());
  }

  @Test
  void statsOfAnotherPairAreRejected() {
    CorrelationRow other = new CorrelationRow("morale", "shmi", 0, "all", "2023", "pearson", 0.1,
        0, 0.2, 0.3, 10, "");
    assertThrows(IllegalArgumentException.class,
        () -> ScatterChart.chart(ENGAGEMENT, SHMI, other, points(), null));
  }
}
