package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.analysis.MergedYear;

class MergedOrganisationsChartTest {

  @TempDir Path dir;

  static final String RESTATED = "restated: includes predecessors RA1, RB2";

  /** RXC formed in 2020 from RA1 and RB2; 2017 has no value. */
  static List<MergedYear> rxc() {
    List<MergedYear> rows = new ArrayList<>();
    double[] values = {6.8, 6.9, Double.NaN, 7.0, 7.1, 7.05, 7.2};
    for (int k = 0; k < values.length; k++) {
      int year = 2015 + k;
      rows.add(new MergedYear("RXC", "Riverside NHS Trust", year, values[k], 900 + k,
          year < 2020, 2020, RESTATED));
    }
    return rows;
  }

  @Test
  void writesPngAndTheCsvOfExactlyTheRows() throws IOException {
    RenderedChart c = MergedOrganisationsChart.write(TrendChartTest.ENGAGEMENT, rxc(),
        dir.resolve("charts/merged.png"), dir.resolve("data/merged.csv"));
    PngAssertions.assertChartPng(c.png(), 1000, 600);
    assertEquals(List.of("org_code", "org_name", "survey_year", "engagement", "engagement_n",
        "restated", "merged_in", "succession"), CsvReadBack.header(c.csv()));
    assertEquals(rxc(), CsvReadBack.merged(c.csv(), "engagement"));
    assertEquals("Staff engagement of trusts formed by a merger", c.title());
    assertTrue(c.caption().contains(
        "RXC (Riverside NHS Trust), formed in 2020 (" + RESTATED + ")."), c.caption());
    assertTrue(c.caption().contains("by survey year, 2015 to 2021. Before its merger a trust did"
        + " not exist: its values for those years (dashed line, open circles) are its"
        + " predecessors' results combined"), c.caption());
    assertTrue(c.caption().endsWith("Higher values are better."), c.caption());
    assertTrue(c.altText().contains("RXC (formed 2020): 6.8 in 2015 (predecessors combined) to 7.2"
        + " in 2021."), c.altText());
  }

  @Test
  void restatedYearsAreDashedAndRunOnIntoTheFirstMergedYearAGapBreaksTheLine() {
    XYPlot plot = MergedOrganisationsChart.chart(TrendChartTest.ENGAGEMENT, rxc()).getXYPlot();
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
    // 2015-2016 (restated), 2018-2019 restated + 2020, 2020-2021 merged.
    assertEquals(3, plot.getDataset().getSeriesCount());
    assertEquals(List.of(2018.0, 2019.0, 2020.0), xs(plot, 1));
    assertEquals(List.of(2020.0, 2021.0), xs(plot, 2));
    assertTrue(((BasicStroke) r.getSeriesStroke(1)).getDashArray() != null, "restated: dashed");
    assertEquals(null, ((BasicStroke) r.getSeriesStroke(2)).getDashArray(), "merged: solid");
    assertEquals(1, plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
    assertEquals(2, plot.getFixedLegendItems().getItemCount(), "the trust, and the key to dashes");
  }

  @Test
  void atMostOneOrganisationPerColourInCodeOrder() throws IOException {
    List<MergedYear> rows = new ArrayList<>();
    for (int i = 0; i < MergedOrganisationsChart.MOST + 2; i++) {
      String code = "R" + (char) ('Z' - i) + "Z";
      rows.add(new MergedYear(code, "Trust " + i, 2020, 7, 500, false, 2020, ""));
    }
    RenderedChart c = MergedOrganisationsChart.write(TrendChartTest.ENGAGEMENT, rows,
        dir.resolve("m.png"), dir.resolve("m.csv"));
    List<MergedYear> written = CsvReadBack.merged(c.csv(), "engagement");
    assertEquals(MergedOrganisationsChart.MOST, written.size());
    assertEquals("RRZ", written.get(0).orgCode(), "code order: RRZ to RXZ, not RYZ, RZZ");
    assertEquals("RXZ", written.get(written.size() - 1).orgCode());
    assertTrue(c.caption().contains("Shown: the first 7 of 9 by code"), c.caption());
  }

  @Test
  void aRepeatedOrganisationYearIsRefused() {
    List<MergedYear> rows = new ArrayList<>(rxc());
    rows.add(rxc().get(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MergedOrganisationsChart.chart(TrendChartTest.ENGAGEMENT, rows));
    assertEquals("two rows for RXC, 2015", e.getMessage());
  }

  private static List<Double> xs(XYPlot plot, int series) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < plot.getDataset().getItemCount(series); i++) {
      out.add(plot.getDataset().getXValue(series, i));
    }
    return out;
  }
}
