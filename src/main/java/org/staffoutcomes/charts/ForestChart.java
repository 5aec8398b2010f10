package org.staffoutcomes.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.staffoutcomes.analysis.ForestRow;
import org.staffoutcomes.schema.MeasureInfo;

/**
 * Forest plot of one staff measure's correlation with one outcome: one row per survey year
 * (oldest at the top), each a square at Pearson r (area by the year's weight, or by n) on a line
 * spanning its 95% CI; below a separator the two pooled estimates as diamonds whose width is the
 * CI, all trust-years pooled (hollow, vermillion) and random effects (solid, blue). A dashed
 * vertical line marks r = 0; the numbers, r [95% CI] and n, stand at the right of each row. A row
 * without an estimate shows its note instead of a point.
 */
public final class ForestChart {

  static final Color YEAR_COLOUR = ChartStyle.TEXT;
  static final Color TRUST_YEAR_COLOUR = ChartStyle.PALETTE[1];
  static final Color RANDOM_EFFECTS_COLOUR = ChartStyle.PALETTE[0];
  static final String AXIS_LABEL = "Pearson r (95% CI)";
  static final String YEARS_HEADER = "Survey year";

  /** The numbers column: monospaced so that the brackets and n line up row under row. */
  private static final Font NUMBERS_FONT = new Font(Font.MONOSPACED, Font.PLAIN, 13);
  private static final Font NOTE_FONT = new Font(ChartStyle.FONT, Font.ITALIC, 13);
  private static final int CI_WIDTH = 20;

  private ForestChart() {}

  /**
   * Writes the PNG (1000 wide, 600 high or more for many years) and the CSV of {@code rows}
   * (columns {@link ChartCsv#FOREST_COLUMNS}, in the order given).
   *
   * @param rows any number of {@link ForestRow#YEAR} rows with distinct labels, in any order (drawn
   *     by label, oldest first), and at most one row of each pooled kind
   * @throws IllegalArgumentException if a year label or a pooled kind repeats
   */
  public static RenderedChart write(MeasureInfo staff, MeasureInfo outcome, List<ForestRow> rows,
      Path png, Path csv) throws IOException {
    List<ForestRow> ordered = ordered(rows);
    JFreeChart chart = chart(staff, outcome, rows);
    ChartFiles.save(chart, png, ChartStyle.WIDTH, height(rows));
    ChartCsv.writeForest(rows, staff.name(), outcome.name(), csv);
    return new RenderedChart(title(staff, outcome),
        ForestText.caption(staff, outcome, ordered, sizedByWeight(ordered)),
        ForestText.altText(staff, outcome, ordered, xRange(ordered)), png, ChartFiles.svgBeside(png), csv);
  }

  /** "SHMI against Staff engagement: correlation by survey year". */
  public static String title(MeasureInfo staff, MeasureInfo outcome) {
    return outcome.label() + " against " + staff.label() + ": correlation by survey year";
  }

  /** 600, or more when there are so many years that rows would crowd. */
  public static int height(List<ForestRow> rows) {
    return Math.max(ChartStyle.HEIGHT, 200 + 32 * positionCount(rows));
  }

  /** The chart object, for callers that want another size or format. */
  public static JFreeChart chart(MeasureInfo staff, MeasureInfo outcome, List<ForestRow> rows) {
    Objects.requireNonNull(staff, "staff");
    Objects.requireNonNull(outcome, "outcome");
    List<ForestRow> ordered = ordered(rows);
    int years = (int) ordered.stream().filter(ForestRow::isYear).count();
    int count = positionCount(rows);
    double[] position = new double[ordered.size()];
    String[] left = new String[count];
    String[] right = new String[count];
    Arrays.fill(left, "");
    Arrays.fill(right, "");
    int nWidth = ordered.stream().mapToInt(r -> Long.toString(r.n()).length()).max().orElse(1);
    if (!ordered.isEmpty()) {
      left[0] = years > 0 ? YEARS_HEADER : "";
      right[0] = String.format(Locale.ROOT, "%-" + CI_WIDTH + "s  %" + nWidth + "s",
          "r [95% CI]", "n");
    }
    XYSeries items = new XYSeries("rows", false, true);
    for (int i = 0; i < ordered.size(); i++) {
      ForestRow r = ordered.get(i);
      int p = position(i, years);
      position[i] = p;
      left[p] = r.label();
      right[p] = numbers(r, nWidth);
      items.add(r.hasEstimate() ? r.estimate() : 0, p);
    }

    double[] range = xRange(ordered);
    NumberAxis x = new NumberAxis(AXIS_LABEL);
    x.setRange(range[0], range[1]);
    double span = range[1] - range[0];
    x.setTickUnit(new NumberTickUnit(span <= 0.4 ? 0.05 : span <= 1 ? 0.1 : 0.2,
        new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT))));
    SymbolAxis labels = rowAxis(left, count, ChartStyle.TICK_FONT);
    SymbolAxis numbers = rowAxis(right, count, NUMBERS_FONT);
    ForestRenderer renderer = new ForestRenderer(ordered, sizedByWeight(ordered));
    XYPlot plot = new XYPlot(new XYSeriesCollection(items), x, labels, renderer);
    plot.setRangeAxis(1, numbers);
    plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
    plot.setNoDataMessage("No correlations to show");
    if (!ordered.isEmpty()) {
      renderer.addAnnotation(new XYLineAnnotation(0, 0.5, 0, count - 0.4,
          new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
              new float[] {6f, 4f}, 0f), ChartStyle.MUTED), Layer.BACKGROUND);
    }
    if (years > 0 && ordered.size() > years) {
      renderer.addAnnotation(new XYLineAnnotation(range[0], years + 1, range[1], years + 1,
          new BasicStroke(1f), ChartStyle.MUTED), Layer.BACKGROUND);
    }

    JFreeChart chart = new JFreeChart(title(staff, outcome), ChartStyle.TITLE_FONT, plot, false);
    chart.addSubtitle(ChartStyle.subtitle((years > 0 ? "Squares: each year's r across trusts"
        + " (area by " + (sizedByWeight(ordered) ? "weight" : "n") + ") with its 95% CI. " : "")
        + "Diamonds: pooled r, width = 95% CI. Dashed: r = 0."));
    chart.addSubtitle(ChartStyle.subtitle("r < 0: higher "
        + CorrelationText.lowerFirst(staff.label()) + " went with lower "
        + CorrelationText.lowerFirst(outcome.label()) + " (" + (outcome.higherIsBetter()
            ? "higher" : "lower") + " is better). Associations, not effects."));
    for (ForestRow r : ordered) {
      if (r.hasEstimate() && !r.note().isBlank()) {
        TextTitle foot = ChartStyle.subtitle(r.label() + ": " + ForestText.display(r.note()));
        foot.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(foot);
      }
    }
    ChartStyle.apply(chart);
    // A long pair of labels wraps the title: keep its second line at the left edge too.
    chart.getTitle().setTextAlignment(HorizontalAlignment.LEFT);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    labels.setTickLabelFont(ChartStyle.TICK_FONT);
    return chart;
  }

  /** Years by label (oldest first), then all trust-years pooled, then random effects. */
  static List<ForestRow> ordered(List<ForestRow> rows) {
    Objects.requireNonNull(rows, "rows");
    Set<String> years = new HashSet<>();
    Set<String> pooled = new HashSet<>();
    for (ForestRow r : rows) {
      boolean fresh = r.isYear() ? years.add(r.label()) : pooled.add(r.kind());
      if (!fresh) {
        throw new IllegalArgumentException("a forest plot has one row per year and at most one"
            + " of each pooled kind; repeated: " + r);
      }
    }
    List<ForestRow> ordered = new ArrayList<>(rows);
    ordered.sort(Comparator.comparingInt((ForestRow r) -> kindOrder(r.kind()))
        .thenComparing(ForestRow::label));
    return ordered;
  }

  private static int kindOrder(String kind) {
    return ForestRow.YEAR.equals(kind) ? 0 : ForestRow.POOLED_TRUST_YEAR.equals(kind) ? 1 : 2;
  }

  /** Row 0 is the header; with years and pooled rows, one empty row separates them. */
  private static int position(int index, int years) {
    return index + 1 + (years > 0 && index >= years ? 1 : 0);
  }

  private static int positionCount(List<ForestRow> rows) {
    int years = (int) rows.stream().filter(ForestRow::isYear).count();
    return rows.isEmpty() ? 1 : position(rows.size() - 1, years) + 1;
  }

  /** Squares by weight when every year with an estimate has a positive weight, else by n. */
  static boolean sizedByWeight(List<ForestRow> ordered) {
    List<ForestRow> drawn = ordered.stream()
        .filter(r -> r.isYear() && r.hasEstimate()).toList();
    return !drawn.isEmpty() && drawn.stream().allMatch(r -> r.weight() > 0
        && Double.isFinite(r.weight()));
  }

  /**
   * The horizontal axis: the estimates, their intervals and 0, with a margin, to multiples of
   * 0.05 within [-1, 1].
   */
  static double[] xRange(List<ForestRow> ordered) {
    double lo = 0;
    double hi = 0;
    for (ForestRow r : ordered) {
      for (double v : new double[] {r.estimate(), r.ciLow(), r.ciHigh()}) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    double margin = Math.max(0.05, 0.08 * (hi - lo));
    lo = Math.max(-1, Math.floor((lo - margin) * 20 + 1e-9) / 20);
    hi = Math.min(1, Math.ceil((hi + margin) * 20 - 1e-9) / 20);
    return new double[] {lo, hi};
  }

  /** "-0.27 [-0.31, -0.23]    900", aligned for a monospaced font. */
  static String numbers(ForestRow r, int nWidth) {
    String ci;
    if (!r.hasEstimate()) {
      ci = "not computed";
    } else if (r.hasInterval()) {
      ci = signed(r.estimate()) + " [" + signed(r.ciLow()) + ", " + signed(r.ciHigh()) + "]";
    } else {
      ci = signed(r.estimate());
    }
    return String.format(Locale.ROOT, "%-" + CI_WIDTH + "s  %" + nWidth + "d", ci, r.n());
  }

  /** Two decimals, a space where a minus would be. */
  private static String signed(double v) {
    String s = ChartStyle.fixed2(v);
    return s.startsWith("-") ? s : " " + s;
  }

  private static SymbolAxis rowAxis(String[] symbols, int count, Font font) {
    SymbolAxis axis = new SymbolAxis(null, symbols);
    axis.setGridBandsVisible(false);
    axis.setInverted(true);
    axis.setRange(-0.6, count - 0.4);
    axis.setAxisLineVisible(false);
    axis.setTickMarksVisible(false);
    axis.setTickLabelFont(font);
    axis.setTickLabelPaint(ChartStyle.TEXT);
    return axis;
  }

  /** Per row: a square and CI line for a year, a diamond for a pooled estimate, else the note. */
  private static final class ForestRenderer extends AbstractXYItemRenderer {
    private static final long serialVersionUID = 1L;
    private static final BasicStroke CI_STROKE = new BasicStroke(1.8f);
    private static final BasicStroke DIAMOND_STROKE = new BasicStroke(2.2f,
        BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER);

    private final List<ForestRow> rows;
    private final boolean byWeight;
    private final double largest;

    ForestRenderer(List<ForestRow> rows, boolean byWeight) {
      this.rows = List.copyOf(rows);
      this.byWeight = byWeight;
      this.largest = rows.stream().filter(r -> r.isYear() && r.hasEstimate())
          .mapToDouble(this::size).max().orElse(1);
      setDefaultToolTipGenerator(null);
    }

    private double size(ForestRow r) {
      return byWeight ? r.weight() : r.n();
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea,
        PlotRenderingInfo info, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
        XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
      ForestRow r = rows.get(item);
      RectangleEdge yEdge = plot.getRangeAxisEdge();
      RectangleEdge xEdge = plot.getDomainAxisEdge();
      double y = rangeAxis.valueToJava2D(dataset.getYValue(series, item), dataArea, yEdge);
      double rowPx = Math.abs(rangeAxis.valueToJava2D(1, dataArea, yEdge)
          - rangeAxis.valueToJava2D(0, dataArea, yEdge));
      if (!r.hasEstimate()) {
        note(g2, dataArea, y, r.note().isBlank() ? "No estimate"
            : "No estimate: " + ForestText.display(r.note()));
        return;
      }
      double est = domainAxis.valueToJava2D(r.estimate(), dataArea, xEdge);
      double lo = r.hasInterval() ? domainAxis.valueToJava2D(r.ciLow(), dataArea, xEdge) : est;
      double hi = r.hasInterval() ? domainAxis.valueToJava2D(r.ciHigh(), dataArea, xEdge) : est;
      if (r.isYear()) {
        g2.setPaint(YEAR_COLOUR);
        g2.setStroke(CI_STROKE);
        g2.draw(new Line2D.Double(lo, y, hi, y));
        double most = Math.min(20, rowPx * 0.6);
        double side = Math.max(7, most * Math.sqrt(Math.max(0, size(r)) / largest));
        g2.fill(new Rectangle2D.Double(est - side / 2, y - side / 2, side, side));
        return;
      }
      boolean random = ForestRow.RANDOM_EFFECTS.equals(r.kind());
      double half = Math.min(13, rowPx * 0.36);
      Path2D.Double diamond = new Path2D.Double();
      diamond.moveTo(Math.min(lo, est - 5), y);
      diamond.lineTo(est, y - half);
      diamond.lineTo(Math.max(hi, est + 5), y);
      diamond.lineTo(est, y + half);
      diamond.closePath();
      g2.setPaint(random ? RANDOM_EFFECTS_COLOUR : Color.WHITE);
      g2.fill(diamond);
      g2.setPaint(random ? RANDOM_EFFECTS_COLOUR : TRUST_YEAR_COLOUR);
      g2.setStroke(DIAMOND_STROKE);
      g2.draw(diamond);
    }

    private static void note(Graphics2D g2, Rectangle2D dataArea, double y, String text) {
      g2.setFont(NOTE_FONT);
      FontMetrics fm = g2.getFontMetrics();
      float x = (float) (dataArea.getCenterX() - fm.stringWidth(text) / 2.0);
      float base = (float) (y + (fm.getAscent() - fm.getDescent()) / 2.0);
      g2.setPaint(Color.WHITE);
      g2.fill(new Rectangle2D.Double(x - 4, base - fm.getAscent() - 1, fm.stringWidth(text) + 8,
          fm.getHeight() + 2));
      g2.setPaint(ChartStyle.MUTED);
      g2.drawString(text, x, base);
    }
  }
}
