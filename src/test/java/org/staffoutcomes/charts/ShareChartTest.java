package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.analysis.ShareRow;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.stats.Proportion;
import org.staffoutcomes.stats.Proportion.ProportionResult;

class ShareChartTest {

  static final MeasureInfo ENGAGEMENT =
      new MeasureInfo("engagement", "Staff engagement", "score 0-10", true, true);
  static final MeasureInfo CQC =
      new MeasureInfo("cqc_good", "CQC rating Good or Outstanding", "", true, false);
  static final String LABEL = "Share of trusts rated Good or Outstanding";

  @TempDir Path dir;

  static ShareRow row(String year, int quintile, double low, double high, long n, long k) {
    ProportionResult p = Proportion.wilson(k, n, 0.95);
    return new ShareRow("engagement", "cqc_good", LABEL, year, quintile, low, high, n, k,
        p.share(), p.ciLow(), p.ciHigh());
  }

  /** Realistic quintiles of engagement: about 300 trust-years each, 45% rising to 80%. */
  static List<ShareRow> rows(String year) {
    return List.of(
        row(year, 1, 6.12, 6.79, 301, 135),
        row(year, 2, 6.80, 6.97, 298, 166),
        row(year, 3, 6.98, 7.10, 300, 191),
        row(year, 4, 7.11, 7.27, 299, 215),
        row(year, 5, 7.28, 7.81, 302, 242));
  }

  @Test
  void writesPngAndTheCsvOfExactlyTheRows() throws IOException {
    List<ShareRow> rows = rows(ShareRow.POOLED);
    RenderedChart c = ShareChart.write(ENGAGEMENT, CQC, rows, dir.resolve("charts/share.png"),
        dir.resolve("data/share.csv"));
    BufferedImage image = PngAssertions.assertChartPng(c.png(), 1000, 600);
    assertEquals(ChartCsv.SHARE_COLUMNS, CsvReadBack.header(c.csv()));
    assertEquals(rows, readShares(c.csv()));
    // The bars: the palette blue at alpha 150 on white is about (105, 172, 210).
    int barPixels = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (Math.abs(PngAssertions.red(rgb) - 105) < 6 && Math.abs(PngAssertions.green(rgb) - 172)
            < 6 && Math.abs(PngAssertions.blue(rgb) - 210) < 6) {
          barPixels++;
        }
      }
    }
    assertTrue(barPixels > 20_000, "bar pixels: " + barPixels);

    assertEquals(LABEL + " by staff engagement quintile, all years pooled", c.title());
    assertTrue(c.caption().startsWith("Each bar shows the share of trusts rated Good or"
        + " Outstanding (%) within one quintile (fifth) of staff engagement, with all survey"
        + " years pooled."), c.caption());
    assertTrue(c.caption().contains("Quintiles are cut across trust-years"), c.caption());
    assertTrue(c.caption().contains("95% confidence intervals (Wilson score)"), c.caption());
    assertTrue(c.caption().contains("number of trust-years in the quintile"), c.caption());
    assertTrue(c.caption().contains("The share was 45% in Q1 (6.1\u20136.8, n = 301) and 80% in"
        + " Q5 (7.3\u20137.8, n = 302)."), c.caption());
    assertTrue(c.caption().contains("association, not cause"), c.caption());
    assertTrue(c.altText().startsWith("Bar chart of " + LABEL + " (%, axis 0 to 100) in 5"
        + " quintiles of Staff engagement (score 0-10), lowest to highest, all years pooled: Q1"
        + " (6.1\u20136.8) 45%, n = 301; Q2 (6.8\u20137.0) 56%, n = 298;"), c.altText());
  }

  @Test
  void csvHasTheFixedColumnsFullPrecisionAndEmptyNaN() throws IOException {
    Path csv = dir.resolve("s.csv");
    double third = 1.0 / 3;
    ChartCsv.writeShares(List.of(
        new ShareRow("engagement", "cqc_good", "Share rated \"Good\", or better", "2023", 1, 6.1,
            6.8, 3, 1, third, 0.06149194472039602, 0.7923403991979523),
        new ShareRow("engagement", "cqc_good", "x", "2023", 2, Double.NaN, Double.NaN, 0, 0,
            Double.NaN, Double.NaN, Double.NaN)), csv);
    assertEquals("staff_measure,outcome,share_label,year,quintile,quintile_low,quintile_high,n,"
            + "successes,share,ci_low,ci_high\n"
            + "engagement,cqc_good,\"Share rated \"\"Good\"\", or better\",2023,1,6.1,6.8,3,1,"
            + Double.toString(third) + ",0.06149194472039602,0.7923403991979523\n"
            + "engagement,cqc_good,x,2023,2,,,0,0,,,\n",
        Files.readString(csv, StandardCharsets.UTF_8));
  }

  @Test
  void barsAreInQuintileOrderWithRangeLabelsWhateverTheRowOrder() throws IOException {
    List<ShareRow> rows = new ArrayList<>(rows("2023"));
    java.util.Collections.reverse(rows);
    var chart = ShareChart.chart(ENGAGEMENT, CQC, rows);
    CategoryPlot plot = chart.getCategoryPlot();
    assertEquals(List.of("Q1 lowest\n6.1\u20136.8", "Q2\n6.8\u20137.0", "Q3\n7.0\u20137.1",
        "Q4\n7.1\u20137.3", "Q5 highest\n7.3\u20137.8"), plot.getDataset().getColumnKeys());
    assertEquals(100 * 135 / 301.0, plot.getDataset().getValue(0, 0).doubleValue(), 1e-12);
    assertEquals(LABEL + " by staff engagement quintile, 2023",
        chart.getTitle().getText());
    String subtitle = ((TextTitle) chart.getSubtitle(0)).getText();
    assertEquals("Bars: % in each quintile of staff engagement (fifths of all trust-years),"
        + " with 95% confidence intervals; n = trusts.", subtitle);
    String overall = ((TextTitle) chart.getSubtitle(1)).getText();
    assertEquals("Overall 63% (949 of 1500). Higher staff engagement is better. An association,"
        + " not evidence of cause.", overall);
    // The CSV keeps the order given.
    RenderedChart c = ShareChart.write(ENGAGEMENT, CQC, rows, dir.resolve("r.png"),
        dir.resolve("r.csv"));
    assertEquals(rows, readShares(c.csv()));
    assertTrue(c.caption().contains(", in 2023."), c.caption());
    assertTrue(c.caption().contains("number of trusts in the quintile"), c.caption());
  }

  @Test
  void rangeDecimalsSeparateTheQuintiles() {
    assertEquals(1, ShareChart.rangeDecimals(rows("2023")));
    List<ShareRow> percents = List.of(row("2023", 1, 8, 12, 50, 20), row("2023", 2, 13, 17, 50,
        25));
    assertEquals(0, ShareChart.rangeDecimals(percents));
    assertEquals("Q2\n13\u201317", ShareChart.categoryLabel(percents.get(1), 0));
    List<ShareRow> close = List.of(row("2023", 1, 7.001, 7.004, 50, 20),
        row("2023", 2, 7.0045, 7.0049, 50, 25));
    assertEquals(3, ShareChart.rangeDecimals(close));
  }

  @Test
  void percentTextsNeverRoundAFewSuccessesAway() {
    assertEquals("45%", ShareChart.percent(0.449));
    assertEquals("0%", ShareChart.percent(0));
    assertEquals("<1%", ShareChart.percent(1 / 300.0));
    assertEquals(">99%", ShareChart.percent(299 / 300.0));
    assertEquals("100%", ShareChart.percent(1));
  }

  @Test
  void anEmptyQuintileHasNoBarAndSaysSo() throws IOException {
    List<ShareRow> rows = List.of(row("2023", 1, 5, 5, 40, 12),
        new ShareRow("engagement", "cqc_good", LABEL, "2023", 2, Double.NaN, Double.NaN, 0, 0,
            Double.NaN, Double.NaN, Double.NaN),
        row("2023", 3, 6, 9, 40, 30), row("2023", 4, 10, 12, 40, 40),
        row("2023", 5, 13, 15, 40, 0));
    RenderedChart c = ShareChart.write(ENGAGEMENT, CQC, rows, dir.resolve("e.png"),
        dir.resolve("e.csv"));
    PngAssertions.assertChartPng(c.png(), 1000, 600);
    assertEquals(rows, readShares(c.csv()));
    var data = ShareChart.chart(ENGAGEMENT, CQC, rows).getCategoryPlot().getDataset();
    assertNull(data.getValue(0, 1));
    assertEquals("Q2\nno trusts", data.getColumnKey(1));
    assertEquals("Q1 lowest\n5", data.getColumnKey(0));
    assertTrue(c.altText().contains("Q2 (no trusts) no bar, n = 0"), c.altText());
    assertTrue(c.caption().contains("The share was 30% in Q1 (5, n = 40) and 0% in Q5"),
        c.caption());
  }

  @Test
  void rowsOfAnotherChartOrRepeatedQuintilesAreRejected() {
    List<ShareRow> good = rows("2023");
    ShareRow otherStaff = new ShareRow("morale", "cqc_good", LABEL, "2023", 1, 1, 2, 3, 1, 0.3,
        0.1, 0.7);
    ShareRow otherYear = row("2022", 2, 1, 2, 3, 1);
    ShareRow badQuintile = row("2023", 6, 1, 2, 3, 1);
    for (List<ShareRow> bad : List.of(List.of(otherStaff), List.of(good.get(0), otherYear),
        List.of(badQuintile), List.of(good.get(0), good.get(0)))) {
      assertThrows(IllegalArgumentException.class, () -> ShareChart.chart(ENGAGEMENT, CQC, bad));
    }
  }

  @Test
  void noRowsStillGivesAReadableChart() throws IOException {
    RenderedChart c = ShareChart.write(ENGAGEMENT, CQC, List.of(), dir.resolve("none.png"),
        dir.resolve("none.csv"));
    assertEquals(1000, javax.imageio.ImageIO.read(c.png().toFile()).getWidth());
    assertEquals(List.of(), readShares(c.csv()));
    assertEquals(ChartCsv.SHARE_COLUMNS, CsvReadBack.header(c.csv()));
    assertEquals("CQC rating Good or Outstanding by staff engagement quintile", c.title());
    assertTrue(c.caption().contains("association, not cause"), c.caption());
  }

  /** Parses a share CSV back into records. */
  static List<ShareRow> readShares(Path csv) throws IOException {
    List<ShareRow> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(in)) {
      for (CSVRecord r : p) {
        rows.add(new ShareRow(r.get("staff_measure"), r.get("outcome"), r.get("share_label"),
            r.get("year"), Integer.parseInt(r.get("quintile")), d(r.get("quintile_low")),
            d(r.get("quintile_high")), Long.parseLong(r.get("n")),
            Long.parseLong(r.get("successes")), d(r.get("share")), d(r.get("ci_low")),
            d(r.get("ci_high"))));
      }
    }
    return rows;
  }

  private static double d(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  /**
   * Renders the example to look at: {@code ShareChartTest [outputDir]} (default
   * {@code /tmp/chart-examples}) writes {@code share.png} and {@code share.csv}.
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "/tmp/chart-examples");
    RenderedChart c = ShareChart.write(ENGAGEMENT, CQC, rows(ShareRow.POOLED),
        out.resolve("share.png"), out.resolve("share.csv"));
    System.out.println(c.png() + "\n  title:   " + c.title() + "\n  caption: " + c.caption()
        + "\n  alt:     " + c.altText());
  }
}
