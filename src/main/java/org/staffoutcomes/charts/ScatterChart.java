package org.staffoutcomes.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.FittedLine;
import org.staffoutcomes.analysis.ScatterPoint;
import org.staffoutcomes.schema.MeasureInfo;

/**
 * One outcome against one staff measure across trusts: points coloured (and shaped) by trust
 * type, with the fitted least squares line. The caption states r, its 95% CI, p and n, and in
 * words whether the association is with better or worse outcomes.
 */
public final class ScatterChart {

  static final String UNKNOWN_TYPE = "Type not known";
  static final String LINE_LABEL = "Fitted line (least squares)";

  private ScatterChart() {}

  /**
   * Writes the PNG (1000x600) and the CSV of {@code points} (columns {@code org_code,
   * trust_type,<staff name>,<outcome name>}, in the order given).
   *
   * @param stats the correlation of these points, for the caption and the year in the title
   * @param line the fitted line, or null to draw none
   * @throws IllegalArgumentException if {@code stats} is of another pair of measures
   */
  public static RenderedChart write(MeasureInfo staff, MeasureInfo outcome, CorrelationRow stats,
      List<ScatterPoint> points, FittedLine line, Path png, Path csv) throws IOException {
    JFreeChart chart = chart(staff, outcome, stats, points, line);
    ChartFiles.save(chart, png, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    ChartCsv.writeScatter(points, staff.name(), outcome.name(), csv);
    return new RenderedChart(title(staff, outcome, stats),
        CorrelationText.caption(staff, outcome, stats),
        altText(staff, outcome, stats, points, line), png, ChartFiles.svgBeside(png), csv);
  }

  /** "SHMI against Staff engagement, 2023" (or "..., all years pooled"). */
  public static String title(MeasureInfo staff, MeasureInfo outcome, CorrelationRow stats) {
    String year = CorrelationRow.POOLED.equals(stats.year()) ? "all years pooled" : stats.year();
    return outcome.label() + " against " + staff.label() + ", " + year;
  }

  /** The chart object, for callers that want another size or format. */
  public static JFreeChart chart(MeasureInfo staff, MeasureInfo outcome, CorrelationRow stats,
      List<ScatterPoint> points, FittedLine line) {
    check(staff, outcome, stats);
    Map<String, List<ScatterPoint>> byType = new TreeMap<>((a, b) -> {
      boolean aUnknown = UNKNOWN_TYPE.equals(a);
      boolean bUnknown = UNKNOWN_TYPE.equals(b);
      return aUnknown == bUnknown ? a.compareTo(b) : aUnknown ? 1 : -1;
    });
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    for (ScatterPoint p : points) {
      if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
        continue;
      }
      byType.computeIfAbsent(type(p), t -> new ArrayList<>()).add(p);
      minX = Math.min(minX, p.x());
      maxX = Math.max(maxX, p.x());
    }

    XYSeriesCollection pointData = new XYSeriesCollection();
    XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
    int i = 0;
    for (Map.Entry<String, List<ScatterPoint>> e : byType.entrySet()) {
      XYSeries s = new XYSeries(e.getKey() + " (" + e.getValue().size() + ")", false, true);
      e.getValue().forEach(p -> s.add(p.x(), p.y()));
      pointData.addSeries(s);
      Color c = ChartStyle.paletteColour(i);
      pointRenderer.setSeriesPaint(i, ChartStyle.withAlpha(c, 200));
      pointRenderer.setSeriesShape(i, shape(i));
      pointRenderer.setSeriesOutlinePaint(i, c);
      i++;
    }

    NumberAxis x = new NumberAxis(staff.axisLabel());
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis(outcome.axisLabel());
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(pointData, x, y, pointRenderer);
    plot.setNoDataMessage("No trusts with both values");
    if (line != null && line.isDrawable() && minX < maxX) {
      XYSeries fit = new XYSeries(LINE_LABEL, false, true);
      fit.add(minX, line.at(minX));
      fit.add(maxX, line.at(maxX));
      XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
      lineRenderer.setSeriesPaint(0, Color.BLACK);
      lineRenderer.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND));
      plot.setDataset(1, new XYSeriesCollection(fit));
      plot.setRenderer(1, lineRenderer);
      plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    }

    JFreeChart chart = new JFreeChart(title(staff, outcome, stats), ChartStyle.TITLE_FONT, plot,
        true);
    boolean pooled = CorrelationRow.POOLED.equals(stats.year());
    chart.addSubtitle(ChartStyle.subtitle(
        (pooled ? "Each point is one trust in one survey year" : "Each point is one trust")
            + "; outcome " + CorrelationText.lagText(stats.lag()) + ". "
            + (outcome.higherIsBetter() ? "Higher " : "Lower ")
            + CorrelationText.lowerFirst(outcome.label()) + " is better."));
    chart.addSubtitle(ChartStyle.subtitle(Double.isFinite(stats.r())
        ? CorrelationText.statistics(stats) + ". An association, not evidence of cause."
        : "No coefficient computed" + (stats.note() == null || stats.note().isBlank() ? "."
            : ": " + stats.note() + ".")));
    ChartStyle.apply(chart);
    return chart;
  }

  private static void check(MeasureInfo staff, MeasureInfo outcome, CorrelationRow stats) {
    Objects.requireNonNull(stats, "stats");
    if (!staff.name().equals(stats.staffMeasure()) || !outcome.name().equals(stats.outcome())) {
      throw new IllegalArgumentException("correlation of " + stats.staffMeasure() + " and "
          + stats.outcome() + " given for the chart of " + staff.name() + " and "
          + outcome.name());
    }
  }

  private static String type(ScatterPoint p) {
    return p.trustType() == null || p.trustType().isBlank() ? UNKNOWN_TYPE : p.trustType();
  }

  /** Circle, square, triangle, diamond, ...: colour is never the only cue. */
  private static Shape shape(int i) {
    double s = 8;
    double h = s / 2;
    switch (Math.floorMod(i, 4)) {
      case 0:
        return new Ellipse2D.Double(-h, -h, s, s);
      case 1:
        return new Rectangle2D.Double(-h * 0.9, -h * 0.9, s * 0.9, s * 0.9);
      case 2: {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(0, -h * 1.2);
        t.lineTo(h * 1.1, h * 0.9);
        t.lineTo(-h * 1.1, h * 0.9);
        t.closePath();
        return t;
      }
      default: {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -h * 1.2);
        d.lineTo(h * 1.2, 0);
        d.lineTo(0, h * 1.2);
        d.lineTo(-h * 1.2, 0);
        d.closePath();
        return d;
      }
    }
  }

  static String altText(MeasureInfo staff, MeasureInfo outcome, CorrelationRow stats,
      List<ScatterPoint> points, FittedLine line) {
    long shown = points.stream()
        .filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y())).count();
    StringBuilder s = new StringBuilder("Scatter plot of ").append(outcome.axisLabel())
        .append(" on the vertical axis against ").append(staff.axisLabel())
        .append(" on the horizontal axis: one point for each of ").append(shown)
        .append(CorrelationRow.POOLED.equals(stats.year()) ? " trust-years" : " trusts")
        .append(", coloured by trust type.");
    if (line != null && line.isDrawable()) {
      s.append(" The fitted line ").append(line.slope() > 0 ? "rises" : line.slope() < 0
          ? "falls" : "is flat").append(" from left to right.");
    }
    if (Double.isFinite(stats.r())) {
      s.append(' ').append(CorrelationText.statistics(stats)).append('.');
    }
    return s.toString();
  }
}
