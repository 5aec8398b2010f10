package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.charts.PngAssertions.blue;
import static org.staffoutcomes.charts.PngAssertions.green;
import static org.staffoutcomes.charts.PngAssertions.red;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.schema.MeasureInfo;

class HeatmapChartTest {

  static final List<MeasureInfo> STAFF = List.of(
      new MeasureInfo("engagement", "Staff engagement", "score 0-10", true, true),
      new MeasureInfo("bullying", "Bullying & <harassment>", "%", false, true));
  static final List<MeasureInfo> OUTCOMES = List.of(
      new MeasureInfo("shmi", "SHMI", "ratio", false, false),
      new MeasureInfo("sickness", "Sickness absence rate", "%", false, false));

  @TempDir Path dir;

  static CorrelationRow cell(String staff, String outcome, double r) {
    return new CorrelationRow(staff, outcome, 1, "all", "pooled", "pearson", r, r - 0.1, r + 0.1,
        Double.isNaN(r) ? Double.NaN : 0.01, Double.isNaN(r) ? 2 : 500,
        Double.isNaN(r) ? "fewer than 3 pairs" : "");
  }

  /** engagement: +0.8 / -0.8; bullying: NaN / (no row at all). */
  static List<CorrelationRow> cells() {
    return List.of(cell("engagement", "shmi", 0.8), cell("engagement", "sickness", -0.8),
        cell("bullying", "shmi", Double.NaN));
  }

  @Test
  void writesPngWithColouredCellsAndTheCsvOfTheCells() throws IOException {
    RenderedChart c = HeatmapChart.write(STAFF, OUTCOMES, 1, cells(), dir.resolve("h.png"),
        dir.resolve("h.csv"));
    BufferedImage image = PngAssertions.assertChartPng(c.png(), 1000, 600);
    assertEquals(ChartCsv.CORRELATION_COLUMNS, CsvReadBack.header(c.csv()));
    assertEquals(cells(), CsvReadBack.correlations(c.csv()));

    HeatmapPainter.Layout layout = HeatmapChart.paint(STAFF, OUTCOMES, 1, cells()).layout();
    int positive = sample(image, layout.cell(0, 0));
    assertTrue(red(positive) > blue(positive) + 80, "r=+0.8 is red: " + hex(positive));
    int negative = sample(image, layout.cell(0, 1));
    assertTrue(blue(negative) > red(negative) + 80, "r=-0.8 is blue: " + hex(negative));
    for (Rectangle naCell : List.of(layout.cell(1, 0), layout.cell(1, 1))) {
      int na = sample(image, naCell);
      assertTrue(Math.abs(red(na) - blue(na)) < 8 && Math.abs(red(na) - green(na)) < 8
          && red(na) < 220, "n/a is grey: " + hex(na));
    }
  }

  @Test
  void titleNamesLagAndPooling() {
    assertEquals("Pearson correlation of staff measures with outcomes, lag 1, pooled over years",
        HeatmapChart.title(1, cells()));
    assertEquals("Pearson correlation of staff measures with outcomes, lag 0, pooled over years",
        HeatmapChart.title(0, List.of()));
  }

  @Test
  void selectKeepsPooledPearsonAllTrustsOfTheLag() {
    List<CorrelationRow> all = List.of(cell("engagement", "shmi", 0.5),
        new CorrelationRow("engagement", "shmi", 0, "all", "pooled", "pearson", 0.1, 0, 0, 0, 9, ""),
        new CorrelationRow("engagement", "shmi", 1, "Acute", "pooled", "pearson", 0.1, 0, 0, 0, 9,
            ""),
        new CorrelationRow("engagement", "shmi", 1, "all", "2020", "pearson", 0.1, 0, 0, 0, 9, ""),
        new CorrelationRow("engagement", "shmi", 1, "all", "pooled", "spearman", 0.1, 0, 0, 0, 9,
            ""));
    assertEquals(List.of(all.get(0)), HeatmapChart.select(all, 1));
  }

  @Test
  void mixedOrUnknownOrRepeatedCellsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> HeatmapChart.paint(STAFF, OUTCOMES, 0,
        cells()));
    assertThrows(IllegalArgumentException.class, () -> HeatmapChart.paint(STAFF, OUTCOMES, 1,
        List.of(cell("engagement", "shmi", 0.1), cell("engagement", "shmi", 0.2))));
    assertThrows(IllegalArgumentException.class, () -> HeatmapChart.paint(STAFF, OUTCOMES, 1,
        List.of(cell("morale", "shmi", 0.1))));
  }

  @Test
  void manyRowsMakeATallerImage() {
    List<MeasureInfo> many = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      many.add(new MeasureInfo("m" + i, "Measure " + i, "", true, true));
    }
    BufferedImage image = HeatmapChart.paint(many, OUTCOMES, 1, List.of()).image();
    assertEquals(1000, image.getWidth());
    assertTrue(image.getHeight() > 600);
  }

  /** A pixel near the cell's top-left corner, away from the printed value. */
  private static int sample(BufferedImage image, Rectangle cell) {
    return image.getRGB(cell.x + 5, cell.y + 5) & 0xFFFFFF;
  }

  private static String hex(int rgb) {
    return String.format("#%06x", rgb);
  }
}
