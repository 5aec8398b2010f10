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

  /**
   * 30 rows in 7 themes (as the question catalogue groups the scores): each theme opens with a
   * heading above its first row, cells stay at least 34 pixels high, and the SVG has the same
   * headings as text.
   */
  @Test
  void rowsGroupedByThemeUnderTheirHeadingsStayReadable() throws Exception {
    List<MeasureInfo> many = new java.util.ArrayList<>();
    List<String> groups = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(new MeasureInfo("m" + i, "Measure " + i, "", true, true));
      groups.add("Theme " + (i * 7 / 30));
    }
    HeatmapPainter.Grid grid = HeatmapChart.grid(many, groups, OUTCOMES, 1, List.of(cell("m0", "shmi", 0.5)));
    HeatmapPainter.Painted painted = HeatmapPainter.paint(grid);
    HeatmapPainter.Layout layout = painted.layout();
    assertTrue(layout.cellH() >= 34, "rows readable: " + layout.cellH());
    int headings = 0;
    for (int r = 0; r < 30; r++) {
      boolean opens = r == 0 || !groups.get(r).equals(groups.get(r - 1));
      headings += opens ? 1 : 0;
      int expectedTop = layout.gridY() + headings * HeatmapPainter.GROUP_H + r * layout.cellH();
      assertEquals(expectedTop, layout.cell(r, 0).y, "row " + r);
    }
    assertEquals(7, headings);
    assertTrue(painted.image().getHeight() >= layout.cell(29, 0).y + layout.cellH(), "the last row fits");
    int positive = sample(painted.image(), layout.cell(0, 0));
    assertTrue(red(positive) > blue(positive) + 40, "m0-shmi is red: " + hex(positive));

    RenderedChart c = HeatmapChart.write(many, groups, OUTCOMES, 1, List.of(cell("m0", "shmi", 0.5)),
        dir.resolve("g.png"), dir.resolve("g.csv"));
    String svg = java.nio.file.Files.readString(c.svg());
    for (int t = 0; t < 7; t++) {
      assertTrue(svg.contains(">Theme " + t + "<"), "heading " + t + " in the SVG");
    }
    assertTrue(c.caption().contains("grouped by theme"), c.caption());
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(c.svg().toFile());
  }

  @Test
  void groupsMustBeOnePerRowAndTogether() {
    List<MeasureInfo> three = List.of(STAFF.get(0), STAFF.get(1), new MeasureInfo("m", "M", "", true, true));
    IllegalArgumentException apart = assertThrows(IllegalArgumentException.class,
        () -> HeatmapChart.grid(three, List.of("A", "B", "A"), OUTCOMES, 1, List.of()));
    assertTrue(apart.getMessage().contains("'A' are not next to each other"), apart.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> HeatmapChart.grid(three, List.of("A", "B"), OUTCOMES, 1, List.of()));
  }

  /** A pixel near the cell's top-left corner, away from the printed value. */
  private static int sample(BufferedImage image, Rectangle cell) {
    return image.getRGB(cell.x + 5, cell.y + 5) & 0xFFFFFF;
  }

  private static String hex(int rgb) {
    return String.format("#%06x", rgb);
  }

  @Test
  void aColumnLabelWordWiderThanItsCellBreaksAfterItsHyphen() {
    java.awt.Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
    java.awt.FontMetrics fm = g.getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
    int width = fm.stringWidth("(hospital-onset)") - 1;
    List<String> lines = HeatmapPainter.wrap("MRSA bacteraemia (hospital-onset)", fm, width);
    assertEquals(List.of("MRSA", "bacteraemia", "(hospital-", "onset)"), lines);
    lines.forEach(l -> assertTrue(fm.stringWidth(l) <= width, l));
    // a hyphenated word that fits stays whole; a wide word without a hyphen keeps a line of its own
    assertEquals(List.of("(hospital-onset)"), HeatmapPainter.wrap("(hospital-onset)", fm, width + 1));
    assertEquals(List.of("a", "bacteraemiabacteraemia", "b"), HeatmapPainter.wrap("a bacteraemiabacteraemia b", fm, 60));
    g.dispose();
  }
}
