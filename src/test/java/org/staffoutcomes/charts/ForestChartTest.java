package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.ForestRow;
import org.staffoutcomes.schema.MeasureInfo;

class ForestChartTest {

  static final MeasureInfo ENGAGEMENT = ChartExamples.ENGAGEMENT;
  static final MeasureInfo SICKNESS = ChartExamples.SICKNESS;

  @TempDir Path dir;

  /** The example's rows plus 2016, with too few trusts for a coefficient. */
  static List<ForestRow> withGap() {
    List<ForestRow> rows = new ArrayList<>(ChartExamples.forestRows());
    rows.add(new ForestRow("2016", ForestRow.YEAR, Double.NaN, Double.NaN, Double.NaN, 8,
        Double.NaN, "fewer than 10 pairs"));
    return rows;
  }

  @Test
  void writesPngAndTheCsvOfExactlyTheRows() throws IOException {
    List<ForestRow> rows = ChartExamples.forestRows();
    RenderedChart c = ForestChart.write(ENGAGEMENT, SICKNESS, rows,
        dir.resolve("charts/forest.png"), dir.resolve("data/forest.csv"));
    BufferedImage image = PngAssertions.assertChartPng(c.png(), 1000, 600);
    assertEquals(ChartCsv.FOREST_COLUMNS, CsvReadBack.header(c.csv()));
    assertEquals(rows, CsvReadBack.forest(c.csv()));
    List<String> lines = Files.readAllLines(c.csv(), StandardCharsets.UTF_8);
    assertTrue(lines.subList(1, lines.size()).stream()
        .allMatch(l -> l.startsWith("engagement,sickness_absence,")), lines.toString());
    // The random-effects diamond is solid blue; the trust-year one a vermillion outline.
    int blue = count(image, ForestChart.RANDOM_EFFECTS_COLOUR.getRGB());
    assertTrue(blue > 800, "diamond pixels: " + blue);
    int vermillion = count(image, ForestChart.TRUST_YEAR_COLOUR.getRGB());
    assertTrue(vermillion > 80 && vermillion < 800, "outline pixels: " + vermillion);
    assertTrue(count(image, ForestChart.YEAR_COLOUR.getRGB()) > 7 * 200, "year squares");
    assertEquals("Sickness absence rate against Staff engagement: correlation by survey year",
        c.title());
  }

  @Test
  void captionAndAltTextNameBothPooledEstimatesAndTheNumbers() throws IOException {
    RenderedChart c = ForestChart.write(ENGAGEMENT, SICKNESS, ChartExamples.forestRows(),
        dir.resolve("f.png"), dir.resolve("f.csv"));
    String caption = c.caption();
    assertTrue(caption.startsWith("Pearson correlation across trusts between staff engagement"
        + " and sickness absence rate, one row per survey year (2017 to 2023)"), caption);
    assertTrue(caption.contains("weight in the random-effects pool"), caption);
    assertTrue(caption.contains("\"All trust-years pooled\" puts every trust in every survey year"
        + " into one correlation, treating each trust-year as independent"), caption);
    assertTrue(caption.contains("r = -0.27 (95% CI -0.31 to -0.23), n = 900 trust-years."),
        caption);
    assertTrue(caption.contains("\"Random effects (DerSimonian-Laird)\" pools the yearly estimates"
        + " and allows the true correlation to differ between years: r = -0.27 (95% CI -0.32 to"
        + " -0.22), n = 900; tau^2 = 0.0012, I^2 = 34%, k = 7."), caption);
    assertTrue(caption.contains("Yearly r ranged from -0.35 (2019) to -0.20 (2021)."), caption);
    assertTrue(caption.contains("trusts with higher staff engagement tended to have lower sickness"
        + " absence rate, that is better outcomes"), caption);
    assertTrue(caption.endsWith("These are associations across trusts, not effects: trusts with"
        + " higher staff engagement may differ from others in other ways too."), caption);
    assertFalse(caption.contains("includes zero"), caption);

    String alt = c.altText();
    assertTrue(alt.startsWith("Forest plot of Pearson r between Staff engagement and Sickness"
        + " absence rate, horizontal axis from -0.55 to 0.05 with a dashed line at 0"), alt);
    assertTrue(alt.contains("Squares for 7 survey years, oldest first: 2017 r = -0.24 [-0.40,"
        + " -0.07], n = 128; 2018 r = -0.31"), alt);
    assertTrue(alt.endsWith("Diamonds: All trust-years pooled r = -0.27 [-0.31, -0.23], n = 900;"
        + " Random effects (DerSimonian-Laird) r = -0.27 [-0.32, -0.22], n = 900, tau^2 = 0.0012,"
        + " I^2 = 34%, k = 7."), alt);
  }

  @Test
  void yearsAreDrawnOldestFirstWhateverTheOrderWithThePooledRowsBelow() {
    List<ForestRow> rows = withGap();
    Collections.shuffle(rows, new Random(4));
    JFreeChart chart = ForestChart.chart(ENGAGEMENT, SICKNESS, rows);
    SymbolAxis labels = (SymbolAxis) chart.getXYPlot().getRangeAxis(0);
    SymbolAxis numbers = (SymbolAxis) chart.getXYPlot().getRangeAxis(1);
    assertEquals(List.of("Survey year", "2016", "2017", "2018", "2019", "2020", "2021", "2022",
        "2023", "", ForestRow.TRUST_YEAR_LABEL, ForestRow.RANDOM_EFFECTS_LABEL),
        Arrays.asList(labels.getSymbols()));
    assertEquals("r [95% CI]              n", numbers.getSymbols()[0]);
    assertEquals("not computed            8", numbers.getSymbols()[1]);
    assertEquals("-0.35 [-0.49, -0.19]  133", numbers.getSymbols()[4]);
    assertEquals("-0.27 [-0.32, -0.22]  900", numbers.getSymbols()[11]);
    assertEquals(" 0.05 [-0.10,  0.20]      12", ForestChart.numbers(
        new ForestRow("2019", ForestRow.YEAR, 0.05, -0.1, 0.2, 12, Double.NaN, ""), 6));
    assertTrue(chart.getXYPlot().getRangeAxis(0).isInverted(), "oldest at the top");
  }

  @Test
  void aYearWithoutAnEstimateShowsItsNote() throws IOException {
    List<ForestRow> rows = withGap();
    RenderedChart c = ForestChart.write(ENGAGEMENT, SICKNESS, rows, dir.resolve("g.png"),
        dir.resolve("g.csv"));
    PngAssertions.assertChartPng(c.png(), 1000, 600);
    assertEquals(rows, CsvReadBack.forest(c.csv()));
    assertTrue(Files.readString(c.csv()).contains(
        "engagement,sickness_absence,2016,year,,,,8,,fewer than 10 pairs\n"));
    assertTrue(c.caption().contains("one row per survey year (2016 to 2023)"), c.caption());
    assertTrue(c.caption().contains("No estimate for 2016 (fewer than 10 pairs)."), c.caption());
    assertTrue(c.altText().contains("Squares for 8 survey years, oldest first: 2016 no estimate"
        + " (fewer than 10 pairs), n = 8; 2017 r = -0.24"), c.altText());
    // Still sized by weight: 2016 has none, but it has no square either.
    assertTrue(ForestChart.sizedByWeight(ForestChart.ordered(rows)));
  }

  @Test
  void pooledRowsWithoutEstimatesOrYearsAreDrawnToo() throws IOException {
    List<ForestRow> rows = List.of(
        ForestRow.of(new CorrelationRow("engagement", "sickness_absence", 0, "all", "pooled",
            "pearson", 0.04, -0.03, 0.11, 0.3, 800, "")),
        ForestRow.randomEffects(Double.NaN, Double.NaN, Double.NaN, 0,
            "fewer than 2 years with an estimate"));
    RenderedChart c = ForestChart.write(ENGAGEMENT, SICKNESS, rows, dir.resolve("p.png"),
        dir.resolve("p.csv"));
    PngAssertions.assertChartPng(c.png(), 1000, 600);
    assertEquals(rows, CsvReadBack.forest(c.csv()));
    assertTrue(c.caption().contains("allows the true correlation to differ between years: no"
        + " estimate (fewer than 2 years with an estimate)."), c.caption());
    assertTrue(c.caption().contains("The interval of \"All trust-years pooled\" includes zero"),
        c.caption());
    assertTrue(c.caption().contains("tended to have higher sickness absence rate, that is worse"),
        c.caption());
    assertEquals(List.of("", ForestRow.TRUST_YEAR_LABEL, ForestRow.RANDOM_EFFECTS_LABEL),
        Arrays.asList(((SymbolAxis) ForestChart.chart(ENGAGEMENT, SICKNESS, rows).getXYPlot()
            .getRangeAxis()).getSymbols()));
  }

  @Test
  void noRowsStillGivesAReadableChart() throws IOException {
    RenderedChart c = ForestChart.write(ENGAGEMENT, SICKNESS, List.of(), dir.resolve("none.png"),
        dir.resolve("none.csv"));
    assertEquals(1000, javax.imageio.ImageIO.read(c.png().toFile()).getWidth());
    assertEquals(List.of(), CsvReadBack.forest(c.csv()));
    assertEquals(ChartCsv.FOREST_COLUMNS, CsvReadBack.header(c.csv()));
    assertTrue(c.caption().startsWith("No correlations of staff engagement with sickness absence"
        + " rate were available"), c.caption());
    assertTrue(c.caption().contains("associations across trusts, not effects"), c.caption());
    assertEquals("Empty forest plot: no correlations of staff engagement with sickness absence"
        + " rate.", c.altText());
  }

  @Test
  void theAxisFitsTheDataWithinMinusOneToOneAndShowsZero() {
    double[] range = ForestChart.xRange(ChartExamples.forestRows());
    assertEquals(-0.55, range[0], 1e-12);
    assertEquals(0.05, range[1], 1e-12);
    double[] strong = ForestChart.xRange(List.of(new ForestRow("2020", ForestRow.YEAR, -0.95,
        -0.99, -0.9, 30, Double.NaN, "")));
    assertEquals(-1, strong[0], 1e-12);
    assertEquals(0.1, strong[1], 1e-12);
    double[] positive = ForestChart.xRange(List.of(new ForestRow("2020", ForestRow.YEAR, 0.3,
        0.2, 0.4, 30, Double.NaN, "")));
    assertEquals(-0.05, positive[0], 1e-12);
    assertEquals(0.45, positive[1], 1e-12);
    assertEquals(ChartStyle.HEIGHT, ForestChart.height(ChartExamples.forestRows()));
    List<ForestRow> many = new ArrayList<>();
    for (int y = 2000; y < 2025; y++) {
      many.add(new ForestRow(Integer.toString(y), ForestRow.YEAR, -0.2, -0.3, -0.1, 100, 4, ""));
    }
    assertTrue(ForestChart.height(many) > ChartStyle.HEIGHT);
  }

  @Test
  void repeatedRowsAndUnknownKindsAreRejected() {
    List<ForestRow> rows = ChartExamples.forestRows();
    for (List<ForestRow> bad : List.of(List.of(rows.get(0), rows.get(0)),
        List.of(rows.get(8), rows.get(8)))) {
      assertThrows(IllegalArgumentException.class,
          () -> ForestChart.chart(ENGAGEMENT, SICKNESS, bad));
    }
    assertThrows(IllegalArgumentException.class, () -> new ForestRow("x", "pooled", 0, 0, 0, 1,
        1, ""));
    assertEquals("", new ForestRow("2020", ForestRow.YEAR, 0, 0, 0, 1, 1, null).note());
  }

  @Test
  void csvHasTheFixedColumnsFullPrecisionAndEmptyNaN() throws IOException {
    Path csv = dir.resolve("c.csv");
    double third = 1.0 / 3;
    ChartCsv.writeForest(List.of(
        new ForestRow("2019", ForestRow.YEAR, -third, -0.5, 0.1e-7, 130, 14.2, ""),
        ForestRow.randomEffects(-0.27, -0.32, -0.22, 900, "tau^2 = 0.0012, I^2 = 34%, k = 7")),
        "engagement", "shmi", csv);
    assertEquals("staff_measure,outcome,label,kind,estimate,ci_low,ci_high,n,weight,note\n"
            + "engagement,shmi,2019,year," + Double.toString(-third) + ",-0.5,1.0E-8,130,14.2,\n"
            + "engagement,shmi,Random effects (DerSimonian-Laird),random_effects,-0.27,-0.32,"
            + "-0.22,900,,\"tau^2 = 0.0012, I^2 = 34%, k = 7\"\n",
        Files.readString(csv, StandardCharsets.UTF_8));
  }

  private static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
          n++;
        }
      }
    }
    return n;
  }
}
