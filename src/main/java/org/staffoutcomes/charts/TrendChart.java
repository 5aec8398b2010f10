package org.staffoutcomes.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
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
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.trends.TrendRow;

/**
 * Trend of one measure by survey year as small multiples: one panel per benchmarking group, all on
 * the same axes, each with the group's median across organisations (line) and interquartile range
 * (band), the median of all organisations (black dashed line) and the scale-change break (dashed
 * vertical line) drawn in every panel. Without benchmarking groups, one panel shows all
 * organisations. A group without data in a year leaves a gap; a year with a single organisation
 * has no band.
 */
public final class TrendChart {

  private static final Color ALL_COLOUR = Color.BLACK;
  private static final Color ALL_BAND = new Color(0x70, 0x70, 0x70);
  static final int MARGIN = 20;
  static final int GAP = 14;
  static final int PANEL_HEIGHT = 260;
  private static final Font PANEL_TITLE = new Font(ChartStyle.FONT, Font.BOLD, 15);
  private static final BasicStroke NATIONAL = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
      1f, new float[] {6f, 4f}, 0f);

  private TrendChart() {}

  /**
   * Writes the PNG (1000 wide, taller with more groups), the SVG beside it and the CSV of {@code
   * rows} (columns as {@code trends.csv}, rows in the order given).
   *
   * @param rows rows of this measure only, any groups and years, at most one per group and year
   * @param markers breaks to mark with a dashed line; empty for none
   * @throws IllegalArgumentException if a row is of another measure or a group-year repeats
   */
  public static RenderedChart write(MeasureInfo measure, List<TrendRow> rows,
      List<YearMarker> markers, Path png, Path csv) throws IOException {
    Figure figure = figure(measure, rows, markers);
    ChartFiles.writePng(png, ChartStyle.WIDTH, figure.height(), figure::draw);
    ChartFiles.writeSvg(ChartFiles.svgBeside(png), ChartStyle.WIDTH, figure.height(), figure::draw);
    ChartCsv.writeTrends(rows, csv);
    return new RenderedChart(title(measure), TrendText.caption(measure, rows, markers),
        TrendText.altText(measure, rows), png, ChartFiles.svgBeside(png), csv);
  }

  public static String title(MeasureInfo measure) {
    return measure.label() + " by survey year and benchmarking group";
  }

  /** The panels, titled with their group, in the order drawn (groups by name). */
  static List<JFreeChart> panels(MeasureInfo measure, List<TrendRow> rows, List<YearMarker> markers) {
    return figure(measure, rows, markers).panels();
  }

  /**
   * The whole figure: title, subtitle and legend above a grid of panels (two columns when there are
   * several groups).
   */
  record Figure(List<String> titleLines, List<String> subtitleLines, List<YearMarker> breaks,
      List<JFreeChart> panels) {

    int columns() {
      return panels.size() <= 1 ? 1 : 2;
    }

    int rows() {
      return Math.max(1, (panels.size() + columns() - 1) / columns());
    }

    /** Title, subtitle and one or two legend lines, measured with the fonts they are drawn in. */
    int headerHeight() {
      java.awt.image.BufferedImage probe = new java.awt.image.BufferedImage(1, 1,
          java.awt.image.BufferedImage.TYPE_INT_RGB);
      Graphics2D g = probe.createGraphics();
      try {
        return MARGIN + titleLines.size() * g.getFontMetrics(ChartStyle.TITLE_FONT).getHeight() + 6
            + subtitleLines.size() * g.getFontMetrics(ChartStyle.SUBTITLE_FONT).getHeight() + 12
            + (breaks.isEmpty() ? 1 : 2) * (g.getFontMetrics(ChartStyle.LEGEND_FONT).getHeight() + 6) + 10;
      } finally {
        g.dispose();
      }
    }

    int height() {
      return headerHeight() + rows() * PANEL_HEIGHT + (rows() - 1) * GAP + MARGIN;
    }

    void draw(Graphics2D g) {
      int width = ChartStyle.WIDTH;
      int top = headerHeight();
      g.setColor(ChartStyle.TEXT);
      g.setFont(ChartStyle.TITLE_FONT);
      int y = MARGIN;
      for (String line : titleLines) {
        g.drawString(line, MARGIN, y + g.getFontMetrics().getAscent());
        y += g.getFontMetrics().getHeight();
      }
      y += 6;
      g.setFont(ChartStyle.SUBTITLE_FONT);
      g.setColor(ChartStyle.MUTED);
      for (String line : subtitleLines) {
        g.drawString(line, MARGIN, y + g.getFontMetrics().getAscent());
        y += g.getFontMetrics().getHeight();
      }
      g.setFont(ChartStyle.LEGEND_FONT);
      legend(g, MARGIN, y + 12 + g.getFontMetrics().getAscent());
      int panelW = (width - 2 * MARGIN - (columns() - 1) * GAP) / columns();
      for (int i = 0; i < panels.size(); i++) {
        int px = MARGIN + (i % columns()) * (panelW + GAP);
        int py = top + (i / columns()) * (PANEL_HEIGHT + GAP);
        panels.get(i).draw(g, new Rectangle2D.Double(px, py, panelW, PANEL_HEIGHT));
      }
    }

    private void legend(Graphics2D g, int x, int y) {
      g.setFont(ChartStyle.LEGEND_FONT);
      java.awt.FontMetrics fm = g.getFontMetrics();
      int mid = y - fm.getAscent() / 2 + 1;
      g.setColor(ChartStyle.withAlpha(ChartStyle.MUTED, 45));
      g.fillRect(x, mid - 7, 34, 14);
      g.setColor(ChartStyle.MUTED);
      g.setStroke(new BasicStroke(2.2f));
      g.drawLine(x, mid, x + 34, mid);
      g.setColor(ChartStyle.TEXT);
      String group = "Group median (each panel its colour); band: middle half of its organisations";
      g.drawString(group, x + 42, y);
      x += 42 + fm.stringWidth(group) + 24;
      g.setColor(ALL_COLOUR);
      g.setStroke(NATIONAL);
      g.drawLine(x, mid, x + 34, mid);
      g.setColor(ChartStyle.TEXT);
      String national = "Median of all organisations";
      g.drawString(national, x + 42, y);
      if (!breaks.isEmpty()) {
        int bx = MARGIN;
        int by = y + fm.getHeight() + 4;
        g.setColor(ChartStyle.MUTED);
        g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {7f, 5f}, 0f));
        g.drawLine(bx + 17, by - fm.getAscent(), bx + 17, by + 3);
        g.setColor(ChartStyle.TEXT);
        g.drawString("Break in the series: " + String.join("; ", breaks.stream().map(YearMarker::label).toList()),
            bx + 42, by);
      }
    }
  }

  static Figure figure(MeasureInfo measure, List<TrendRow> rows, List<YearMarker> markers) {
    Objects.requireNonNull(measure, "measure");
    Map<String, TreeMap<Integer, TrendRow>> byGroup = byGroup(measure, rows);
    SortedSet<Integer> years = rows.stream().map(TrendRow::year)
        .collect(Collectors.toCollection(TreeSet::new));
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
    double[] range = valueRange(rows);
    TreeMap<Integer, TrendRow> all = byGroup.getOrDefault(TrendRow.ALL_GROUPS, new TreeMap<>());
    List<String> groups = byGroup.keySet().stream().filter(g -> !TrendRow.ALL_GROUPS.equals(g)).toList();
    List<JFreeChart> panels = new ArrayList<>();
    if (groups.isEmpty()) {
      panels.add(panel(measure, TrendRow.ALL_GROUPS, all, null, years, first, last, range, drawn, -1, true));
    }
    for (int i = 0; i < groups.size(); i++) {
      panels.add(panel(measure, groups.get(i), byGroup.get(groups.get(i)), all, years, first, last, range, drawn, i,
          i % 2 == 0));
    }
    String subtitle = measure.axisLabel() + ": one panel per benchmarking group, all on the same axes. "
        + (measure.higherIsBetter() ? "Higher is better." : "Lower is better.");
    java.awt.image.BufferedImage probe = new java.awt.image.BufferedImage(1, 1,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    Graphics2D g = probe.createGraphics();
    try {
      int textWidth = ChartStyle.WIDTH - 2 * MARGIN;
      return new Figure(HeatmapPainter.wrap(title(measure), g.getFontMetrics(ChartStyle.TITLE_FONT), textWidth),
          HeatmapPainter.wrap(subtitle, g.getFontMetrics(ChartStyle.SUBTITLE_FONT), textWidth), drawn, panels);
    } finally {
      g.dispose();
    }
  }

  /** The lowest and highest quartile or median of any row, padded by 5%; NaN when there is none. */
  static double[] valueRange(List<TrendRow> rows) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (TrendRow r : rows) {
      if (r.n() <= 0) {
        continue;
      }
      for (double v : new double[] {r.median(), r.q1(), r.q3()}) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(0.5, Math.abs(hi) * 0.05);
    return new double[] {lo - pad, hi + pad};
  }

  /**
   * One group's panel: its median and band (dataset 0) and the national median (dataset 1, none when
   * {@code national} is null).
   */
  private static JFreeChart panel(MeasureInfo measure, String group, TreeMap<Integer, TrendRow> rows,
      TreeMap<Integer, TrendRow> national, SortedSet<Integer> years, int first, int last, double[] range,
      List<YearMarker> breaks, int colourIndex, boolean leftColumn) {
    boolean all = national == null;
    Color colour = all ? ALL_COLOUR : ChartStyle.paletteColour(colourIndex);
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(0.18f);
    for (List<TrendRow> run : runs(rows, years)) {
      int s = data.getSeriesCount();
      YIntervalSeries series = new YIntervalSeries(group + " #" + s);
      for (TrendRow r : run) {
        boolean band = r.n() >= 2 && Double.isFinite(r.q1()) && Double.isFinite(r.q3());
        series.add(r.year(), r.median(), band ? r.q1() : r.median(), band ? r.q3() : r.median());
      }
      data.addSeries(series);
      renderer.setSeriesPaint(s, colour);
      renderer.setSeriesFillPaint(s, all ? ALL_BAND : colour);
      renderer.setSeriesStroke(s, new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
    }
    NumberAxis x = ChartStyle.surveyYearAxis(first, last);
    x.setLabel(null);
    if (first <= last) {
      int span = last - first;
      x.setTickUnit(new NumberTickUnit(span <= 7 ? 1 : span <= 16 ? 2 : 5));
    }
    NumberAxis y = new NumberAxis(leftColumn ? measure.unit() : null);
    y.setAutoRangeIncludesZero(false);
    if (Double.isFinite(range[0])) {
      y.setRange(range[0], range[1]);
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setNoDataMessage("No data for this group");
    if (national != null) {
      YIntervalSeriesCollection line = new YIntervalSeriesCollection();
      XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
      for (List<TrendRow> run : runs(national, years)) {
        int s = line.getSeriesCount();
        YIntervalSeries series = new YIntervalSeries(TrendRow.ALL_GROUPS + " #" + s);
        run.forEach(r -> series.add(r.year(), r.median(), r.median(), r.median()));
        line.addSeries(series);
        lineRenderer.setSeriesPaint(s, ALL_COLOUR);
        lineRenderer.setSeriesStroke(s, NATIONAL);
      }
      plot.setDataset(1, line);
      plot.setRenderer(1, lineRenderer);
      plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    }
    for (YearMarker m : breaks) {
      ValueMarker marker = ChartStyle.yearMarker(m.year(), null, ChartStyle.MUTED, 0);
      plot.addDomainMarker(marker, Layer.FOREGROUND);
    }
    TrendRow latest = rows.descendingMap().values().stream()
        .filter(r -> r.n() > 0 && Double.isFinite(r.median())).findFirst().orElse(null);
    String title = group + (latest == null ? "" : " (n = " + latest.n() + " in " + latest.year() + ")");
    JFreeChart chart = new JFreeChart(title, PANEL_TITLE, plot, false);
    ChartStyle.apply(chart);
    chart.getTitle().setFont(PANEL_TITLE);
    chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 2, 2, 8));
    plot.getRangeAxis().setTickLabelInsets(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 4));
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
