package org.staffoutcomes.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.staffoutcomes.analysis.ShareRow;
import org.staffoutcomes.schema.MeasureInfo;

/**
 * Share of trusts with a binary outcome (e.g. rated Good or Outstanding by the CQC) in each
 * quintile of a staff measure: one bar per quintile from Q1 (lowest) to Q5 (highest), labelled
 * with the quintile's range of the staff measure, with the 95% Wilson interval as an error bar and
 * the share and n printed above it. The axis runs from 0 to 100% so bar heights compare honestly.
 */
public final class ShareChart {

  /** Bars: the first palette colour, light enough for the black error bars to show on it. */
  static final Color BAR = ChartStyle.withAlpha(ChartStyle.PALETTE[0], 150);
  static final Color ERROR_BAR = ChartStyle.TEXT;
  static final Font SHARE_FONT = new Font(ChartStyle.FONT, Font.BOLD, 14);

  /** Top of the value axis: room above 100% for the texts over a bar whose interval reaches 1. */
  private static final double AXIS_TOP = 112;

  private ShareChart() {}

  /**
   * Writes the PNG (1000x600) and the CSV of {@code rows} (columns {@link ChartCsv#SHARE_COLUMNS},
   * in the order given).
   *
   * @param rows the quintiles of one staff measure, outcome, share label and year, at most one per
   *     quintile 1..5, in any order; quintiles without a row are not drawn
   * @throws IllegalArgumentException if a row is of another staff measure or outcome, the rows
   *     mix share labels or years, or a quintile is outside 1..5 or repeats
   */
  public static RenderedChart write(MeasureInfo staff, MeasureInfo outcome, List<ShareRow> rows,
      Path png, Path csv) throws IOException {
    JFreeChart chart = chart(staff, outcome, rows);
    ChartFiles.save(chart, png, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    ChartCsv.writeShares(rows, csv);
    List<ShareRow> sorted = sorted(staff, outcome, rows);
    return new RenderedChart(title(staff, outcome, rows), caption(staff, outcome, sorted),
        altText(staff, outcome, sorted), png, ChartFiles.svgBeside(png), csv);
  }

  /**
   * "Share of trusts rated Good or Outstanding by staff engagement quintile, 2023" (or "..., all
   * years pooled"); without rows the outcome's label stands for the share label.
   */
  public static String title(MeasureInfo staff, MeasureInfo outcome, List<ShareRow> rows) {
    String base = (rows.isEmpty() ? outcome.label() : rows.get(0).shareLabel()) + " by "
        + CorrelationText.lowerFirst(staff.label()) + " quintile";
    return rows.isEmpty() ? base : base + ", " + yearText(rows.get(0).year());
  }

  /** The chart object, for callers that want another size or format. */
  public static JFreeChart chart(MeasureInfo staff, MeasureInfo outcome, List<ShareRow> rows) {
    List<ShareRow> sorted = sorted(staff, outcome, rows);
    int decimals = rangeDecimals(sorted);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ShareRow r : sorted) {
      data.addValue(Double.isFinite(r.share()) ? Double.valueOf(100 * r.share()) : null, "share",
          categoryLabel(r, decimals));
    }

    CategoryAxis x = new CategoryAxis(xAxisLabel(staff));
    x.setMaximumCategoryLabelLines(3);
    x.setCategoryMargin(0.25);
    x.setLowerMargin(0.03);
    x.setUpperMargin(0.03);
    NumberAxis y = new PercentAxis(sorted.isEmpty() ? outcome.label() : sorted.get(0).shareLabel());
    y.setRange(0, AXIS_TOP);
    y.setTickUnit(new NumberTickUnit(10, new DecimalFormat("0'%'")));
    CategoryPlot plot = new CategoryPlot(data, x, y, new ShareRenderer(sorted));
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setNoDataMessage("No trusts with both values");
    plot.setNoDataMessageFont(ChartStyle.AXIS_LABEL_FONT);
    style(plot);

    JFreeChart chart = new JFreeChart(title(staff, outcome, rows), ChartStyle.TITLE_FONT, plot,
        false);
    chart.addSubtitle(ChartStyle.subtitle(subtitle(staff, sorted)));
    chart.addSubtitle(ChartStyle.subtitle(overallText(sorted)
        + (staff.higherIsBetter() ? "Higher " : "Lower ")
        + CorrelationText.lowerFirst(staff.label()) + " is better."
        + " An association, not evidence of cause."));
    ChartStyle.apply(chart);
    // A long share label wraps the title: keep its second line at the left edge too.
    chart.getTitle().setTextAlignment(HorizontalAlignment.LEFT);
    return chart;
  }

  /**
   * "Each bar shows the share of trusts rated Good or Outstanding (%) within one quintile (fifth)
   * of staff engagement, in 2023. ..." with how quintiles are cut, what the error bars and n are,
   * the lowest and highest quintile's share, and that this is an association, not cause.
   */
  static String caption(MeasureInfo staff, MeasureInfo outcome, List<ShareRow> sorted) {
    String measure = CorrelationText.lowerFirst(staff.label());
    if (sorted.isEmpty()) {
      return "No trusts had both " + measure + " and " + CorrelationText.lowerFirst(outcome.label())
          + ", so there are no bars. Bars would show the share of trusts in each quintile (fifth)"
          + " of " + measure + "; this would be an association, not cause.";
    }
    ShareRow first = sorted.get(0);
    boolean pooled = ShareRow.POOLED.equals(first.year());
    String units = pooled ? "trust-years" : "trusts";
    int decimals = rangeDecimals(sorted);
    StringBuilder s = new StringBuilder("Each bar shows the ")
        .append(CorrelationText.lowerFirst(first.shareLabel()))
        .append(" (%) within one quintile (fifth) of ").append(measure)
        .append(pooled ? ", with all survey years pooled" : ", in " + first.year()).append(". ")
        .append("Quintiles are cut across trust-years (each trust in each survey year counts"
            + " once), from Q1, the lowest fifth of ").append(measure)
        .append(", to Q5, the highest; under each bar is the lowest to highest ").append(measure)
        .append(" in that quintile. Error bars are 95% confidence intervals (Wilson score); n above"
            + " each bar is the number of ").append(units).append(" in the quintile.");
    List<ShareRow> drawn = sorted.stream().filter(r -> r.n() > 0).toList();
    if (!drawn.isEmpty()) {
      ShareRow lo = drawn.get(0);
      ShareRow hi = drawn.get(drawn.size() - 1);
      s.append(" The share was ").append(percent(lo.share())).append(" in Q").append(lo.quintile())
          .append(" (").append(range(lo, decimals)).append(", n = ").append(lo.n()).append(')');
      if (hi != lo) {
        s.append(" and ").append(percent(hi.share())).append(" in Q").append(hi.quintile())
            .append(" (").append(range(hi, decimals)).append(", n = ").append(hi.n()).append(')');
      }
      s.append('.');
    }
    s.append(" This shows an association, not cause and effect: trusts with higher or lower ")
        .append(measure).append(" may differ in other ways too.");
    return s.toString();
  }

  static String altText(MeasureInfo staff, MeasureInfo outcome, List<ShareRow> sorted) {
    if (sorted.isEmpty()) {
      return "Empty bar chart: no trusts with both " + CorrelationText.lowerFirst(staff.label())
          + " and " + CorrelationText.lowerFirst(outcome.label()) + ".";
    }
    ShareRow first = sorted.get(0);
    int decimals = rangeDecimals(sorted);
    StringBuilder s = new StringBuilder("Bar chart of ").append(first.shareLabel())
        .append(" (%, axis 0 to 100) in ").append(sorted.size())
        .append(sorted.size() == 1 ? " quintile" : " quintiles").append(" of ")
        .append(staff.axisLabel()).append(", lowest to highest, ")
        .append(yearText(first.year())).append(": ");
    for (int i = 0; i < sorted.size(); i++) {
      ShareRow r = sorted.get(i);
      s.append(i == 0 ? "" : "; ").append('Q').append(r.quintile()).append(" (")
          .append(range(r, decimals)).append(") ")
          .append(r.n() > 0 ? percent(r.share()) : "no bar").append(", n = ").append(r.n());
    }
    return s.append(". Error bars show 95% confidence intervals.").toString();
  }

  /** "Q1 lowest\n6.1–6.8", "Q3\n6.9–7.0", "Q5 highest\n7.4–7.8". */
  static String categoryLabel(ShareRow r, int decimals) {
    String name = "Q" + r.quintile() + (r.quintile() == 1 ? " lowest"
        : r.quintile() == 5 ? " highest" : "");
    return name + "\n" + range(r, decimals);
  }

  /** "6.1–6.8", "7.2" when low and high print alike, "no trusts" without values. */
  static String range(ShareRow r, int decimals) {
    if (!Double.isFinite(r.quintileLow()) || !Double.isFinite(r.quintileHigh())) {
      return "no trusts";
    }
    String lo = fixed(r.quintileLow(), decimals);
    String hi = fixed(r.quintileHigh(), decimals);
    return lo.equals(hi) ? lo : lo + "\u2013" + hi;
  }

  /**
   * The fewest decimals, 0 to 3, that print the quintiles' upper ends distinctly (so adjacent
   * ranges do not read alike), e.g. 1 for engagement scores 6.8, 7.0, 7.2, 7.4, 7.8.
   */
  static int rangeDecimals(List<ShareRow> rows) {
    List<Double> highs = rows.stream().map(ShareRow::quintileHigh).filter(Double::isFinite)
        .distinct().toList();
    for (int d = 0; d < 3; d++) {
      Set<String> printed = new HashSet<>();
      int digits = d;
      if (highs.stream().allMatch(h -> printed.add(fixed(h, digits)))) {
        return d;
      }
    }
    return 3;
  }

  /** "45%", with "<1%" and ">99%" so that a few successes never read as 0% or 100%. */
  static String percent(double share) {
    if (!Double.isFinite(share)) {
      return "n/a";
    }
    if (share > 0 && share < 0.005) {
      return "<1%";
    }
    if (share < 1 && share > 0.995) {
      return ">99%";
    }
    return Math.round(100 * share) + "%";
  }

  /** "Bars: % in each quintile of staff engagement (fifths of all trust-years), ...". */
  private static String subtitle(MeasureInfo staff, List<ShareRow> sorted) {
    boolean pooled = !sorted.isEmpty() && ShareRow.POOLED.equals(sorted.get(0).year());
    String measure = CorrelationText.lowerFirst(staff.label());
    return "Bars: % in each quintile of " + measure + " (fifths of all trust-years), with 95%"
        + " confidence intervals; n = " + (pooled ? "trust-years" : "trusts") + ".";
  }

  /** "Overall 63% (949 of 1500). " or empty without trusts. */
  private static String overallText(List<ShareRow> sorted) {
    long n = sorted.stream().mapToLong(ShareRow::n).sum();
    long successes = sorted.stream().mapToLong(ShareRow::successes).sum();
    return n == 0 ? "" : "Overall " + percent((double) successes / n) + " (" + successes + " of "
        + n + "). ";
  }

  private static String xAxisLabel(MeasureInfo staff) {
    String unit = staff.unit() == null || staff.unit().isBlank() ? "" : " (" + staff.unit() + ")";
    return staff.label() + " quintile, with its range" + unit;
  }

  private static String yearText(String year) {
    return ShareRow.POOLED.equals(year) ? "all years pooled" : year;
  }

  private static String fixed(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** The rows by quintile, after checking they all belong to this one chart. */
  static List<ShareRow> sorted(MeasureInfo staff, MeasureInfo outcome, List<ShareRow> rows) {
    Objects.requireNonNull(staff, "staff");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(rows, "rows");
    boolean[] seen = new boolean[6];
    ShareRow first = rows.isEmpty() ? null : rows.get(0);
    for (ShareRow r : rows) {
      if (!staff.name().equals(r.staffMeasure()) || !outcome.name().equals(r.outcome())) {
        throw new IllegalArgumentException("share row of " + r.staffMeasure() + " and "
            + r.outcome() + " in the chart of " + staff.name() + " and " + outcome.name());
      }
      if (!Objects.equals(first.shareLabel(), r.shareLabel())
          || !Objects.equals(first.year(), r.year())) {
        throw new IllegalArgumentException("share rows of one chart must share the share label"
            + " and year; got " + r);
      }
      if (r.quintile() < 1 || r.quintile() > 5) {
        throw new IllegalArgumentException("quintile " + r.quintile() + " is not 1 to 5: " + r);
      }
      if (seen[r.quintile()]) {
        throw new IllegalArgumentException("two share rows for quintile " + r.quintile());
      }
      seen[r.quintile()] = true;
    }
    List<ShareRow> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingInt(ShareRow::quintile));
    return sorted;
  }

  /** ChartStyle.apply styles XY plots only; the same look for this category plot. */
  private static void style(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    plot.setOutlineVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    CategoryAxis x = plot.getDomainAxis();
    ValueAxis y = plot.getRangeAxis();
    x.setLabelFont(ChartStyle.AXIS_LABEL_FONT);
    y.setLabelFont(ChartStyle.AXIS_LABEL_FONT);
    x.setLabelPaint(ChartStyle.TEXT);
    y.setLabelPaint(ChartStyle.TEXT);
    x.setTickLabelFont(ChartStyle.TICK_FONT);
    y.setTickLabelFont(ChartStyle.TICK_FONT);
    x.setTickLabelPaint(ChartStyle.TEXT);
    y.setTickLabelPaint(ChartStyle.TEXT);
    x.setAxisLinePaint(ChartStyle.MUTED);
    y.setAxisLinePaint(ChartStyle.MUTED);
    x.setTickMarkPaint(ChartStyle.MUTED);
    y.setTickMarkPaint(ChartStyle.MUTED);
  }

  /** A 0-100% axis whose ticks (and so gridlines) stop at 100%, above which the texts go. */
  private static final class PercentAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;

    PercentAxis(String label) {
      super(label);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea,
        RectangleEdge edge) {
      List ticks = super.refreshTicks(g2, state, dataArea, edge);
      ticks.removeIf(t -> t instanceof ValueTick v && v.getValue() > 100 + 1e-9);
      return ticks;
    }
  }

  /** Bars, plus per quintile the Wilson interval as an error bar and the share and n above it. */
  private static final class ShareRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private static final BasicStroke WHISKER = new BasicStroke(1.6f);

    private final List<ShareRow> rows;

    ShareRenderer(List<ShareRow> rows) {
      this.rows = List.copyOf(rows);
      setSeriesPaint(0, BAR);
      setBarPainter(new StandardBarPainter());
      setShadowVisible(false);
      setDrawBarOutline(true);
      setSeriesOutlinePaint(0, ChartStyle.PALETTE[0]);
      setSeriesOutlineStroke(0, new BasicStroke(1.2f));
      setMaximumBarWidth(0.13);
      setDefaultToolTipGenerator(null);
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
        CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset,
        int row, int column, int pass) {
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column,
          pass);
      if (pass != getPassCount() - 1 || column >= rows.size()) {
        return;
      }
      ShareRow r = rows.get(column);
      RectangleEdge edge = plot.getRangeAxisEdge();
      double x = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea,
          plot.getDomainAxisEdge());
      double top = rangeAxis.valueToJava2D(0, dataArea, edge);
      if (Double.isFinite(r.share())) {
        top = rangeAxis.valueToJava2D(100 * r.share(), dataArea, edge);
      }
      if (Double.isFinite(r.ciLow()) && Double.isFinite(r.ciHigh())) {
        double lo = rangeAxis.valueToJava2D(100 * r.ciLow(), dataArea, edge);
        double hi = rangeAxis.valueToJava2D(100 * r.ciHigh(), dataArea, edge);
        double cap = Math.max(5, Math.min(12, state.getBarWidth() * 0.18));
        g2.setPaint(ERROR_BAR);
        g2.setStroke(WHISKER);
        g2.draw(new Line2D.Double(x, lo, x, hi));
        g2.draw(new Line2D.Double(x - cap, lo, x + cap, lo));
        g2.draw(new Line2D.Double(x - cap, hi, x + cap, hi));
        top = Math.min(top, hi);
      }
      g2.setPaint(ChartStyle.MUTED);
      g2.setFont(ChartStyle.SMALL_FONT);
      FontMetrics small = g2.getFontMetrics();
      String n = "n = " + r.n();
      double nBase = top - 6 - small.getDescent();
      g2.drawString(n, (float) (x - small.stringWidth(n) / 2.0), (float) nBase);
      if (r.n() > 0) {
        g2.setPaint(ChartStyle.TEXT);
        g2.setFont(SHARE_FONT);
        FontMetrics big = g2.getFontMetrics();
        String share = percent(r.share());
        g2.drawString(share, (float) (x - big.stringWidth(share) / 2.0),
            (float) (nBase - small.getAscent() - 3));
      }
    }
  }
}
