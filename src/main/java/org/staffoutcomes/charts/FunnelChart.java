package org.staffoutcomes.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.standing.FunnelRow;

/**
 * A funnel plot of one ratio outcome in its latest year, from {@code funnel_<outcome>.csv}: each
 * organisation's value against its volume (the denominator), the target (the pooled value of all
 * organisations), the 95% and 99.8% limits drawn through the limits of each organisation's volume,
 * and the organisations beyond the 99.8% limits labelled with their code.
 */
public final class FunnelChart {

  static final String WITHIN = "Within the 95% limits";
  static final String ALERT = "Beyond a 95% limit (alert)";
  static final String OUTLIER = "Beyond a 99.8% limit (outlier, labelled)";
  static final String OUTLIER_FARTHEST = "Beyond a 99.8% limit, the 20 farthest (labelled)";
  static final String OUTLIER_OTHERS = "Beyond a 99.8% limit, the others";
  /** More labels than this would cover each other and the points: the farthest beyond their limit get one. */
  static final int MAX_LABELS = 20;
  static final String NOT_TESTED = "Not tested";

  static final Color POINT = ChartStyle.MUTED;
  static final Color ALERT_COLOUR = ChartStyle.PALETTE[4];
  static final Color OUTLIER_COLOUR = ChartStyle.PALETTE[1];
  static final Color LIMIT = ChartStyle.PALETTE[0];

  private FunnelChart() {}

  /**
   * Writes the PNG and the SVG beside it.
   *
   * @param rows the outcome's rows, one per organisation, of one year
   * @param volume what the x axis counts (the outcome's denominator), e.g. "Occupied bed days"
   * @param csv the file holding {@code rows} ({@code data/funnel_<outcome>.csv}); not written here
   * @throws IllegalArgumentException if a row is of another outcome or year
   */
  public static RenderedChart write(MeasureInfo outcome, List<FunnelRow> rows, String volume, Path png, Path csv)
      throws IOException {
    JFreeChart chart = chart(outcome, rows, volume);
    ChartFiles.save(chart, png, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    return new RenderedChart(title(outcome, rows), caption(outcome, rows, volume), altText(outcome, rows), png,
        ChartFiles.svgBeside(png), csv);
  }

  public static String title(MeasureInfo outcome, List<FunnelRow> rows) {
    return outcome.label() + ": funnel plot" + (rows.isEmpty() ? "" : ", " + rows.get(0).year());
  }

  /** Whether the row lies beyond its 99.8% limits (the labelled outliers). */
  public static boolean outlier(FunnelRow r) {
    return r.position().contains("99.8%");
  }

  /**
   * The codes of the outliers to label: all of them, or the {@value #MAX_LABELS} farthest beyond
   * their 99.8% limit, as a share of the limit's distance from the target (ties by code).
   */
  static Set<String> labelled(List<FunnelRow> rows) {
    return rows.stream().filter(FunnelChart::outlier)
        .sorted(Comparator.comparingDouble(FunnelChart::excess).reversed().thenComparing(FunnelRow::orgCode))
        .limit(MAX_LABELS).map(FunnelRow::orgCode).collect(Collectors.toCollection(TreeSet::new));
  }

  /** How far beyond its 99.8% limit a row lies: (value - target) / (limit - target), above 1 for an outlier. */
  private static double excess(FunnelRow r) {
    double limit = r.value() > r.target() ? r.upper998() : r.lower998();
    return (r.value() - r.target()) / (limit - r.target());
  }

  private static boolean alert(FunnelRow r) {
    return r.position().contains("95%");
  }

  private static boolean tested(FunnelRow r) {
    return !r.position().startsWith("not tested");
  }

  /**
   * The chart object: dataset 0 the points (series {@link #WITHIN}, {@link #ALERT}, {@link
   * #OUTLIER} with its item labels the org codes, {@link #NOT_TESTED}, those present), dataset 1
   * the target and the limits.
   */
  static JFreeChart chart(MeasureInfo outcome, List<FunnelRow> rows, String volume) {
    List<FunnelRow> sorted = check(outcome, rows).stream()
        .sorted(Comparator.comparingDouble(FunnelRow::denominator).thenComparing(FunnelRow::orgCode)).toList();
    XYSeriesCollection points = new XYSeriesCollection();
    XYLineAndShapeRenderer pointRenderer = new CodesApart();
    List<String> outlierCodes = new ArrayList<>();
    addPoints(points, pointRenderer, WITHIN, POINT, sorted.stream().filter(r -> tested(r) && !alert(r)
        && !outlier(r)).toList(), null);
    addPoints(points, pointRenderer, ALERT, ALERT_COLOUR, sorted.stream().filter(FunnelChart::alert).toList(), null);
    Set<String> labelled = labelled(sorted);
    boolean all = labelled.size() == sorted.stream().filter(FunnelChart::outlier).count();
    int outlierSeries = addPoints(points, pointRenderer, all ? OUTLIER : OUTLIER_FARTHEST, OUTLIER_COLOUR,
        sorted.stream().filter(r -> labelled.contains(r.orgCode())).toList(), outlierCodes);
    addPoints(points, pointRenderer, OUTLIER_OTHERS, OUTLIER_COLOUR,
        sorted.stream().filter(r -> outlier(r) && !labelled.contains(r.orgCode())).toList(), null);
    addPoints(points, pointRenderer, NOT_TESTED, ChartStyle.GRID.darker(),
        sorted.stream().filter(r -> !tested(r)).toList(), null);
    if (outlierSeries >= 0) {
      pointRenderer.setSeriesItemLabelGenerator(outlierSeries, (data, s, i) -> outlierCodes.get(i));
      pointRenderer.setSeriesItemLabelsVisible(outlierSeries, true);
      pointRenderer.setSeriesItemLabelFont(outlierSeries, new Font(ChartStyle.FONT, Font.BOLD, 12));
      pointRenderer.setSeriesItemLabelPaint(outlierSeries, ChartStyle.TEXT);
    }

    XYSeriesCollection lines = new XYSeriesCollection();
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    List<FunnelRow> limited = sorted.stream().filter(FunnelChart::tested).toList();
    if (!limited.isEmpty()) {
      BasicStroke solid = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
      BasicStroke dashed = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
          new float[] {7f, 5f}, 0f);
      line(lines, lineRenderer, "Target (all organisations pooled)", limited, FunnelRow::target, Color.BLACK, solid,
          true);
      line(lines, lineRenderer, "95% limits", limited, FunnelRow::upper95, LIMIT, dashed, true);
      line(lines, lineRenderer, "95% lower", limited, FunnelRow::lower95, LIMIT, dashed, false);
      line(lines, lineRenderer, "99.8% limits", limited, FunnelRow::upper998, LIMIT, solid, true);
      line(lines, lineRenderer, "99.8% lower", limited, FunnelRow::lower998, LIMIT, solid, false);
    }

    NumberAxis x = new NumberAxis("Volume: " + volume);
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis(outcome.axisLabel());
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(points, x, y, pointRenderer);
    plot.setDataset(1, lines);
    plot.setRenderer(1, lineRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
    plot.setNoDataMessage("No organisation with a volume");
    JFreeChart chart = new JFreeChart(title(outcome, rows), ChartStyle.TITLE_FONT, plot, true);
    chart.addSubtitle(ChartStyle.subtitle(sorted.size() + " organisations; limits from the "
        + (sorted.isEmpty() ? "" : sorted.get(0).model()) + " distribution around the pooled value. "
        + (outcome.higherIsBetter() ? "Higher is better." : "Lower is better.")));
    ChartStyle.apply(chart);
    return chart;
  }

  /**
   * The point renderer, placing each outlier's code where no code placed before it is: right of
   * its point, else left, above, below, then right of it a line higher or lower at a time (up to
   * five lines); if none is free, right of the point. A code not right of its point has a thin
   * line to it. Codes are placed in the points' order (volume, then code), so the same chart
   * always looks the same.
   */
  static final class CodesApart extends XYLineAndShapeRenderer {
    private static final double GAP = 5;
    private static final double PAD = 1.5;
    private static final BasicStroke LEADER = new BasicStroke(0.8f);
    private final transient List<Rectangle2D> placed = new ArrayList<>();

    CodesApart() {
      super(false, true);
    }

    /** Where the codes went in the last drawing, in the order drawn. */
    List<Rectangle2D> placed() {
      return List.copyOf(placed);
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset data,
        PlotRenderingInfo info) {
      placed.clear();
      return super.initialise(g2, dataArea, plot, data, info);
    }

    @Override
    protected void drawItemLabel(Graphics2D g2, PlotOrientation orientation, XYDataset dataset, int series, int item,
        double x, double y, boolean negative) {
      XYItemLabelGenerator generator = getItemLabelGenerator(series, item);
      String code = generator == null ? null : generator.generateLabel(dataset, series, item);
      if (code == null) {
        return;
      }
      g2.setFont(getItemLabelFont(series, item));
      g2.setPaint(getItemLabelPaint(series, item));
      FontMetrics metrics = g2.getFontMetrics();
      Rectangle2D box = place(x, y, metrics.stringWidth(code), metrics.getAscent() + metrics.getDescent(), placed);
      placed.add(box);
      g2.drawString(code, (float) box.getX(), (float) (box.getY() + metrics.getAscent()));
      if (box.getX() != x + GAP || box.getCenterY() != y) {
        // Moved off its usual place right of the point: a thin line says whose code it is.
        double toX = Math.max(box.getMinX(), Math.min(x, box.getMaxX()));
        double toY = Math.max(box.getMinY(), Math.min(y, box.getMaxY()));
        g2.setStroke(LEADER);
        g2.draw(new java.awt.geom.Line2D.Double(x, y, toX, toY));
      }
    }

    /** Where a code of {@code width} x {@code height} goes beside the point (x, y), clear of {@code taken}. */
    static Rectangle2D place(double x, double y, double width, double height, List<Rectangle2D> taken) {
      List<Rectangle2D> candidates = new ArrayList<>();
      candidates.add(new Rectangle2D.Double(x + GAP, y - height / 2, width, height));
      candidates.add(new Rectangle2D.Double(x - GAP - width, y - height / 2, width, height));
      // Above and below: clear of the codes beside the point (a line's height up or down).
      candidates.add(new Rectangle2D.Double(x - width / 2, y - height / 2 - height - 3 * PAD, width, height));
      candidates.add(new Rectangle2D.Double(x - width / 2, y + height / 2 + 3 * PAD, width, height));
      for (int k = 1; k <= 5; k++) {
        candidates.add(new Rectangle2D.Double(x + GAP, y - height / 2 - k * height, width, height));
        candidates.add(new Rectangle2D.Double(x + GAP, y - height / 2 + k * height, width, height));
      }
      for (Rectangle2D c : candidates) {
        Rectangle2D padded = new Rectangle2D.Double(c.getX() - PAD, c.getY() - PAD, c.getWidth() + 2 * PAD,
            c.getHeight() + 2 * PAD);
        if (taken.stream().noneMatch(padded::intersects)) {
          return c;
        }
      }
      return candidates.get(0);
    }
  }

  /** Adds a series of points unless there are none; returns its index, or -1. */
  private static int addPoints(XYSeriesCollection points, XYLineAndShapeRenderer renderer, String name, Color colour,
      List<FunnelRow> rows, List<String> codes) {
    if (rows.isEmpty()) {
      return -1;
    }
    XYSeries s = new XYSeries(name + " (" + rows.size() + ")", false, true);
    for (FunnelRow r : rows) {
      s.add(r.denominator(), r.value());
      if (codes != null) {
        codes.add(r.orgCode());
      }
    }
    int k = points.getSeriesCount();
    points.addSeries(s);
    renderer.setSeriesPaint(k, ChartStyle.withAlpha(colour, codes == null && colour == POINT ? 150 : 230));
    // Outliers are diamonds as well as vermillion: told apart from the orange alerts without colour.
    renderer.setSeriesShape(k, colour == OUTLIER_COLOUR ? SpcChart.diamond(6) : new Ellipse2D.Double(-4, -4, 8, 8));
    return k;
  }

  private static void line(XYSeriesCollection lines, XYLineAndShapeRenderer renderer, String name, List<FunnelRow> rows,
      java.util.function.ToDoubleFunction<FunnelRow> y, Color colour, BasicStroke stroke, boolean inLegend) {
    XYSeries s = new XYSeries(name, false, true);
    for (FunnelRow r : rows) {
      double v = y.applyAsDouble(r);
      if (Double.isFinite(v)) {
        s.add(r.denominator(), v);
      }
    }
    int k = lines.getSeriesCount();
    lines.addSeries(s);
    renderer.setSeriesPaint(k, colour);
    renderer.setSeriesStroke(k, stroke);
    renderer.setSeriesVisibleInLegend(k, inLegend);
  }

  static String caption(MeasureInfo outcome, List<FunnelRow> rows, String volume) {
    long outliers = rows.stream().filter(FunnelChart::outlier).count();
    long alerts = rows.stream().filter(FunnelChart::alert).count();
    return outcome.label() + " of each organisation" + (rows.isEmpty() ? "" : " in " + rows.get(0).year())
        + " against its volume (" + volume.toLowerCase(java.util.Locale.ROOT) + "). The black line is the"
        + " value of all organisations pooled; an organisation inside the dashed 95% limits differs from it no"
        + " more than chance would make it 19 times in 20, and inside the solid 99.8% limits 998 times in 1,000."
        + " " + alerts + " lie between the two (orange) and " + outliers + " beyond the 99.8% limits ("
        + (outliers > MAX_LABELS ? "the " + MAX_LABELS + " farthest beyond them labelled" : "labelled")
        + " with their code; every organisation's position is in the data file). Limits are exact (" + (rows.isEmpty() ? "count" : rows.get(0).model())
        + "), without allowance for overdispersion, so with many organisations some lie beyond them by chance. "
        + (outcome.higherIsBetter() ? "Higher values are better." : "Lower values are better.");
  }

  static String altText(MeasureInfo outcome, List<FunnelRow> rows) {
    List<String> codes = rows.stream().filter(FunnelChart::outlier).map(FunnelRow::orgCode).sorted().toList();
    return "Funnel plot of " + outcome.axisLabel() + " against volume for " + rows.size() + " organisations. "
        + (codes.isEmpty() ? "None lies beyond the 99.8% limits."
            : codes.size() <= MAX_LABELS ? "Beyond the 99.8% limits: " + String.join(", ", codes) + "."
            : codes.size() + " lie beyond the 99.8% limits, the farthest " + String.join(", ", labelled(rows)) + ".");
  }

  private static List<FunnelRow> check(MeasureInfo outcome, List<FunnelRow> rows) {
    for (FunnelRow r : rows) {
      if (!r.outcome().equals(outcome.name()) || r.year() != rows.get(0).year()) {
        throw new IllegalArgumentException("Invalid funnel rows: " + r.outcome() + " " + r.year() + " among the rows of "
            + outcome.name() + " " + rows.get(0).year());
      }
    }
    return rows;
  }
}
