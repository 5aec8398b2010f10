package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.standing.FunnelRow;
import org.staffoutcomes.stats.FunnelLimits;

class FunnelChartTest {

  static final MeasureInfo SHMI = new MeasureInfo("shmi", "SHMI", "ratio", false, false);

  @TempDir Path dir;

  /** A row as the analysis writes it: exact Poisson limits around 1 at the row's volume. */
  static FunnelRow row(String org, double observed, double expected) {
    double[] limit = new double[4];
    double[] p = {0.001, 0.025, 0.975, 0.999};
    for (int k = 0; k < 4; k++) {
      limit[k] = FunnelLimits.limit(FunnelLimits.Model.POISSON, 1.0, expected, p[k]);
    }
    double ratio = observed / expected;
    String position = ratio > limit[3] ? "above 99.8% limit" : ratio > limit[2] ? "above 95% limit"
        : ratio < limit[0] ? "below 99.8% limit" : ratio < limit[1] ? "below 95% limit" : "within limits";
    return new FunnelRow("shmi", 2023, org, "poisson", observed, expected, ratio, 1.0, limit[0], limit[1], limit[2],
        limit[3], position);
  }

  /** 40 trusts near 1, one far above, one far below, one just beyond the 95% limit. */
  static List<FunnelRow> rows() {
    List<FunnelRow> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double expected = 200 + 40 * i;
      rows.add(row(String.format("R%02d", i), expected * (1 + 0.02 * Math.sin(i)), expected));
    }
    rows.add(row("RHI", 1300, 1000));
    rows.add(row("RLO", 300, 500));
    rows.add(row("RAL", 720 * 1.09, 720));
    return rows;
  }

  @Test
  void labelsExactlyTheOrganisationsBeyondThe998Limits() throws IOException {
    List<FunnelRow> rows = rows();
    Set<String> outliers = new TreeSet<>();
    rows.stream().filter(r -> r.position().contains("99.8%")).forEach(r -> outliers.add(r.orgCode()));
    assertEquals(Set.of("RHI", "RLO"), outliers, "the fixture");
    assertTrue(rows.stream().anyMatch(r -> r.position().equals("above 95% limit")), "and an alert");

    JFreeChart chart = FunnelChart.chart(SHMI, rows, "Expected deaths");
    XYPlot plot = chart.getXYPlot();
    XYDataset points = plot.getDataset(0);
    XYItemRenderer renderer = plot.getRenderer(0);
    Set<String> labelled = new TreeSet<>();
    int drawn = 0;
    for (int s = 0; s < points.getSeriesCount(); s++) {
      drawn += points.getItemCount(s);
      XYItemLabelGenerator labels = renderer.getSeriesItemLabelGenerator(s);
      boolean visible = renderer.isSeriesItemLabelsVisible(s);
      if (visible && labels != null) {
        for (int i = 0; i < points.getItemCount(s); i++) {
          String code = labels.generateLabel(points, s, i);
          labelled.add(code);
          FunnelRow r = rows.stream().filter(x -> x.orgCode().equals(code)).findFirst().orElseThrow();
          assertEquals(r.denominator(), points.getXValue(s, i), "label " + code + " on its own point");
          assertEquals(r.value(), points.getYValue(s, i));
        }
      }
    }
    assertEquals(outliers, labelled);
    assertEquals(rows.size(), drawn, "every organisation drawn once");

    RenderedChart c = FunnelChart.write(SHMI, rows, "Expected deaths", dir.resolve("charts/funnel_shmi.png"),
        dir.resolve("data/funnel_shmi.csv"));
    PngAssertions.assertChartPng(c.png(), 1000, 600);
    String svg = Files.readString(c.svg());
    assertTrue(svg.contains(">RHI<") && svg.contains(">RLO<"), "the outliers' codes are text in the SVG");
    assertTrue(!svg.contains(">RAL<") && !svg.contains(">R05<"), "no other code is");
    assertTrue(c.altText().endsWith("Beyond the 99.8% limits: RHI, RLO."), c.altText());
    assertTrue(c.caption().contains("1 lie between the two (orange) and 2 beyond the 99.8% limits"), c.caption());
  }

  /** With 30 outliers, the 20 farthest beyond their limit are labelled: more would cover each other. */
  @Test
  void manyOutliersOnlyTheFarthestAreLabelled() {
    List<FunnelRow> rows = new ArrayList<>(rows().subList(0, 40));
    for (int i = 0; i < 30; i++) {
      rows.add(row(String.format("X%02d", i), 1000 * (1.2 + 0.01 * i), 1000));
    }
    JFreeChart chart = FunnelChart.chart(SHMI, rows, "Expected deaths");
    XYPlot plot = chart.getXYPlot();
    Set<String> labelled = new TreeSet<>();
    int outliersDrawn = 0;
    for (int s = 0; s < plot.getDataset(0).getSeriesCount(); s++) {
      String name = plot.getDataset(0).getSeriesKey(s).toString();
      if (name.startsWith("Beyond a 99.8% limit")) {
        outliersDrawn += plot.getDataset(0).getItemCount(s);
      }
      if (plot.getRenderer(0).isSeriesItemLabelsVisible(s)) {
        for (int i = 0; i < plot.getDataset(0).getItemCount(s); i++) {
          labelled.add(plot.getRenderer(0).getSeriesItemLabelGenerator(s).generateLabel(plot.getDataset(0), s, i));
        }
      }
    }
    assertEquals(30, outliersDrawn, "all drawn in the outliers' colour");
    Set<String> farthest = new TreeSet<>();
    for (int i = 10; i < 30; i++) {
      farthest.add(String.format("X%02d", i));
    }
    assertEquals(farthest, labelled);
    assertTrue(FunnelChart.caption(SHMI, rows, "Expected deaths").contains("the 20 farthest beyond them labelled"));
  }

  @Test
  void outliersCloseTogetherGetCodesThatDoNotTouch() {
    // As SHMI's RFK and R3N in the sample: outliers of nearly the same volume and value.
    List<FunnelRow> rows = new ArrayList<>(rows().subList(0, 40));
    rows.add(row("RFK", 1000 * 1.300, 1000));
    rows.add(row("R3N", 1010 * 1.305, 1010));
    rows.add(row("RSZ", 1020 * 1.298, 1020));
    rows.add(row("RAB", 995 * 1.302, 995));
    JFreeChart chart = FunnelChart.chart(SHMI, rows, "Expected deaths");
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(900, 600,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g2 = image.createGraphics();
    chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, 900, 600));
    g2.dispose();
    List<java.awt.geom.Rectangle2D> codes = ((FunnelChart.CodesApart) chart.getXYPlot().getRenderer(0)).placed();
    assertEquals(4, codes.size(), "one code per outlier");
    for (int i = 0; i < codes.size(); i++) {
      for (int j = i + 1; j < codes.size(); j++) {
        assertTrue(!codes.get(i).intersects(codes.get(j)), "codes " + i + " and " + j + " touch: " + codes);
      }
    }
  }

  @Test
  void aCodeGoesRightOfItsPointUnlessTakenThenLeftAboveBelow() {
    List<java.awt.geom.Rectangle2D> taken = new ArrayList<>();
    java.awt.geom.Rectangle2D first = FunnelChart.CodesApart.place(100, 100, 30, 14, taken);
    assertTrue(first.getX() > 100 && first.getCenterY() == 100, "right: " + first);
    taken.add(first);
    java.awt.geom.Rectangle2D second = FunnelChart.CodesApart.place(100, 100, 30, 14, taken);
    assertTrue(second.getMaxX() < 100 && second.getCenterY() == 100, "left: " + second);
    taken.add(second);
    java.awt.geom.Rectangle2D third = FunnelChart.CodesApart.place(100, 100, 30, 14, taken);
    assertTrue(third.getMaxY() < 100 && third.getCenterX() == 100, "above: " + third);
  }

  @Test
  void limitsAreDrawnThroughTheAnalysisValuesInOrderOfVolume() {
    List<FunnelRow> rows = rows();
    XYDataset lines = FunnelChart.chart(SHMI, rows, "Expected deaths").getXYPlot().getDataset(1);
    assertEquals(5, lines.getSeriesCount(), "target, two 95% and two 99.8% limits");
    List<FunnelRow> byVolume = rows.stream().sorted(java.util.Comparator.comparingDouble(FunnelRow::denominator))
        .toList();
    for (int i = 0; i < byVolume.size(); i++) {
      assertEquals(byVolume.get(i).denominator(), lines.getXValue(3, i));
      assertEquals(byVolume.get(i).upper998(), lines.getYValue(3, i));
      assertEquals(byVolume.get(i).lower95(), lines.getYValue(2, i));
    }
  }

  @Test
  void noOutliersNoLabels() {
    List<FunnelRow> rows = rows().subList(0, 40);
    XYPlot plot = FunnelChart.chart(SHMI, rows, "Expected deaths").getXYPlot();
    for (int s = 0; s < plot.getDataset(0).getSeriesCount(); s++) {
      assertTrue(!plot.getRenderer(0).isSeriesItemLabelsVisible(s)
          || plot.getRenderer(0).getSeriesItemLabelGenerator(s) == null, "series " + s);
    }
    assertTrue(FunnelChart.altText(SHMI, rows).endsWith("None lies beyond the 99.8% limits."));
  }
}
