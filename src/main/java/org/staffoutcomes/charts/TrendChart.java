package org.staffoutcomes.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.trends.TrendRow;

/**
 * Trend of one measure by survey year: per benchmarking group the median across organisations
 * (line) and the interquartile range (translucent band), with "All organisations" as a thicker
 * black line. A group without data in a year leaves a gap; a year with a single organisation has
 * no band.
 */
public final class TrendChart {

  private static final Color ALL_COLOUR = Color.BLACK;
  private static final Color ALL_BAND = new Color(0x70, 0x70, 0x70);

  private TrendChart() {}

  /**
   * Writes the PNG (1000x600) and the CSV of {@code rows} (columns as {@code trends.csv}, rows in
   * the order given).
   *
   * @param rows rows of this measure only, any groups and years, at most one per group and year
   * @param markers breaks to mark with a dashed line; empty for none
   * @throws IllegalArgumentException if a row is of another measure or a group-year repeats
   */
  public static RenderedChart write(MeasureInfo measure, List<TrendRow> rows,
      List<YearMarker> markers, Path png, Path csv) throws IOException {
    JFreeChart chart = chart(measure, rows, markers);
    ChartStyle.savePng(chart, png, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    ChartCsv.writeTrends(rows, csv);
    return new RenderedChart(title(measure), TrendText.caption(measure, rows, markers),
        TrendText.altText(measure, rows), png, csv);
  }

  public static String title(MeasureInfo measure) {
    return measure.label() + " by survey year and benchmarking group";
  }

  /** The chart object, for callers that want another size or format. */
  public static JFreeChart chart(MeasureInfo measure, List<TrendRow> rows,
      List<YearMarker> markers) {
    Objects.requireNonNull(measure, "measure");
    Map<String, TreeMap<Integer, TrendRow>> byGroup = byGroup(measure, rows);
    SortedSet<Integer> years = rows.stream().map(TrendRow::year)
        .collect(Collectors.toCollection(TreeSet::new));

    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(0.13f);
    List<String> labels = new ArrayList<>();
    int groupIndex = 0;
    for (Map.Entry<String, TreeMap<Integer, TrendRow>> e : byGroup.entrySet()) {
      String group = e.getKey();
      boolean all = TrendRow.ALL_GROUPS.equals(group);
      Color colour = all ? ALL_COLOUR : ChartStyle.paletteColour(groupIndex);
      BasicStroke stroke = all
          ? new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
          : ChartStyle.lineStroke(groupIndex, 2.2f);
      double dot = all ? 8 : 6;
      boolean first = true;
      for (List<TrendRow> run : runs(e.getValue(), years)) {
        int s = data.getSeriesCount();
        YIntervalSeries series = new YIntervalSeries(group + " #" + s);
        for (TrendRow r : run) {
          boolean band = r.n() >= 2 && Double.isFinite(r.q1()) && Double.isFinite(r.q3());
          series.add(r.year(), r.median(), band ? r.q1() : r.median(), band ? r.q3() : r.median());
        }
        data.addSeries(series);
        labels.add(group);
        renderer.setSeriesPaint(s, colour);
        renderer.setSeriesFillPaint(s, all ? ALL_BAND : colour);
        renderer.setSeriesStroke(s, stroke);
        renderer.setSeriesShape(s, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot));
        renderer.setSeriesVisibleInLegend(s, first);
        first = false;
      }
      if (!all) {
        groupIndex++;
      }
    }
    renderer.setLegendItemLabelGenerator((dataset, series) -> labels.get(series));

    // A break just before or after the series (a scale change kept as separate series) is still
    // drawn: the axis reaches one year past it.
    int first = years.isEmpty() ? 0 : years.first();
    int last = years.isEmpty() ? -1 : years.last();
    List<YearMarker> drawn = new ArrayList<>();
    for (YearMarker m : markers) {
      if (!years.isEmpty() && m.year() >= years.first() && m.year() <= years.last() + 1) {
        first = Math.min(first, m.year() - 1);
        last = Math.max(last, m.year());
        drawn.add(m);
      }
    }
    NumberAxis x = ChartStyle.surveyYearAxis(first, last);
    NumberAxis y = new NumberAxis(measure.axisLabel());
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setNoDataMessage("No data for this measure");
    for (YearMarker m : drawn) {
      plot.addDomainMarker(ChartStyle.yearMarker(m.year(), m.label(), ChartStyle.MUTED, 0), Layer.FOREGROUND);
    }
    JFreeChart chart = new JFreeChart(title(measure), ChartStyle.TITLE_FONT, plot, true);
    chart.addSubtitle(ChartStyle.subtitle(
        "Median and interquartile range across organisations; n per year in the data file. "
            + (measure.higherIsBetter() ? "Higher is better." : "Lower is better.")));
    ChartStyle.apply(chart);
    return chart;
  }

  /** Groups sorted by name with "All organisations" last, so it is drawn on top. */
  private static Map<String, TreeMap<Integer, TrendRow>> byGroup(MeasureInfo measure,
      List<TrendRow> rows) {
    Map<String, TreeMap<Integer, TrendRow>> byGroup = new TreeMap<>((a, b) -> {
      boolean aAll = TrendRow.ALL_GROUPS.equals(a);
      boolean bAll = TrendRow.ALL_GROUPS.equals(b);
      return aAll == bAll ? a.compareTo(b) : aAll ? 1 : -1;
    });
    for (TrendRow r : rows) {
      if (!measure.name().equals(r.measure())) {
        throw new IllegalArgumentException("trend row of measure '" + r.measure()
            + "' in the chart of '" + measure.name() + "'");
      }
      TrendRow old = byGroup.computeIfAbsent(r.group(), g -> new TreeMap<>()).put(r.year(), r);
      if (old != null) {
        throw new IllegalArgumentException(
            "two trend rows for " + r.measure() + ", " + r.group() + ", " + r.year());
      }
    }
    return byGroup;
  }

  /**
   * Splits a group's usable rows into runs without gaps: a run ends where the group has no
   * usable median in a year that some row of the chart has.
   */
  static List<List<TrendRow>> runs(TreeMap<Integer, TrendRow> rows, SortedSet<Integer> years) {
    List<List<TrendRow>> runs = new ArrayList<>();
    List<TrendRow> current = new ArrayList<>();
    for (int year : years) {
      TrendRow r = rows.get(year);
      if (r != null && r.n() > 0 && Double.isFinite(r.median())) {
        current.add(r);
      } else if (!current.isEmpty()) {
        runs.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }
}
