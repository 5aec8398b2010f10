package org.staffoutcomes.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.staffoutcomes.analysis.MergedYear;
import org.staffoutcomes.schema.MeasureInfo;

/**
 * One measure of every organisation formed by a merger, by survey year, each as one series in its
 * own colour: the years before the merger (restated: its predecessors combined) dashed with open
 * circles, its own years solid with filled circles, and a dashed vertical line in its colour
 * before the first year after the merger. A year without a value leaves a gap. At most {@link
 * #MOST} organisations, in code order, so that no two share a colour.
 */
public final class MergedOrganisationsChart {

  /** Organisations drawn at most: one palette colour each. */
  static final int MOST = ChartStyle.PALETTE.length;
  static final String KEY_LABEL = "Years before the merger: its predecessors combined";

  private static final float[] DASH = {7f, 5f};

  private MergedOrganisationsChart() {}

  /**
   * Writes the PNG (1000x600) and the CSV of the rows drawn ({@link ChartCsv#writeMerged}, by
   * organisation code and year).
   *
   * @param rows any organisations' years, at most one row per organisation and year
   * @throws IllegalArgumentException if an organisation-year repeats
   */
  public static RenderedChart write(MeasureInfo measure, List<MergedYear> rows, Path png,
      Path csv) throws IOException {
    Map<String, List<MergedYear>> all = byOrganisation(rows);
    Map<String, List<MergedYear>> drawn = new LinkedHashMap<>();
    all.entrySet().stream().limit(MOST).forEach(e -> drawn.put(e.getKey(), e.getValue()));
    List<MergedYear> drawnRows = drawn.values().stream().flatMap(List::stream).toList();
    ChartFiles.save(chart(measure, drawnRows), png, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    ChartCsv.writeMerged(drawnRows, measure.name(), csv);
    return new RenderedChart(title(measure), caption(measure, drawn, all.size()),
        altText(measure, drawn), png, ChartFiles.svgBeside(png), csv);
  }

  /** "Staff engagement of trusts formed by a merger". */
  public static String title(MeasureInfo measure) {
    return measure.label() + " of trusts formed by a merger";
  }

  /** The chart object, for callers that want another size or format. */
  public static JFreeChart chart(MeasureInfo measure, List<MergedYear> rows) {
    Objects.requireNonNull(measure, "measure");
    Map<String, List<MergedYear>> byOrg = byOrganisation(rows);
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setUseFillPaint(true);
    renderer.setDrawOutlines(true);
    LegendItemCollection legend = new LegendItemCollection();
    List<ValueMarker> markers = new ArrayList<>();
    int first = rows.stream().mapToInt(MergedYear::year).min().orElse(0);
    int last = rows.stream().mapToInt(MergedYear::year).max().orElse(-1);
    int i = 0;
    for (List<MergedYear> years : byOrg.values()) {
      Color colour = ChartStyle.paletteColour(i);
      for (List<MergedYear> run : runs(years)) {
        List<MergedYear> before = run.stream().filter(MergedYear::restated).toList();
        List<MergedYear> after = run.stream().filter(y -> !y.restated()).toList();
        if (!before.isEmpty()) {
          List<MergedYear> bridged = new ArrayList<>(before);
          if (!after.isEmpty()) {
            bridged.add(after.get(0)); // the dashed line runs on into the first merged year
          }
          addSeries(data, renderer, bridged, colour, true);
        }
        if (!after.isEmpty()) {
          addSeries(data, renderer, after, colour, false);
        }
      }
      MergedYear y = years.get(0);
      legend.add(legendItem(y.orgCode() + " " + y.orgName() + " (formed " + y.mergedIn() + ")",
          colour, false));
      if (y.mergedIn() > first && y.mergedIn() <= last) {
        markers.add(ChartStyle.yearMarker(y.mergedIn(), y.orgCode() + " formed " + y.mergedIn(),
            colour, markers.size()));
      }
      i++;
    }
    legend.add(legendItem(KEY_LABEL, ChartStyle.MUTED, true));

    NumberAxis yAxis = new NumberAxis(measure.axisLabel());
    yAxis.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, ChartStyle.surveyYearAxis(first, last), yAxis, renderer);
    plot.setNoDataMessage("No organisation in this run was formed by a merger");
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setFixedLegendItems(legend);
    markers.forEach(m -> plot.addDomainMarker(m, Layer.FOREGROUND));
    JFreeChart chart = new JFreeChart(title(measure), ChartStyle.TITLE_FONT, plot, true);
    chart.addSubtitle(ChartStyle.subtitle("Dashed, open circles: years before the merger, the"
        + " predecessors' results combined (restated). Solid: the merged trust. "
        + (measure.higherIsBetter() ? "Higher is better." : "Lower is better.")));
    ChartStyle.apply(chart);
    return chart;
  }

  private static void addSeries(XYSeriesCollection data, XYLineAndShapeRenderer renderer,
      List<MergedYear> years, Color colour, boolean restated) {
    int s = data.getSeriesCount();
    XYSeries series = new XYSeries(years.get(0).orgCode() + " #" + s, false, false);
    years.forEach(y -> series.add(y.year(), y.value()));
    data.addSeries(series);
    renderer.setSeriesPaint(s, colour);
    renderer.setSeriesFillPaint(s, restated ? Color.WHITE : colour);
    renderer.setSeriesStroke(s, stroke(restated));
    renderer.setSeriesOutlineStroke(s, new BasicStroke(1.8f));
    renderer.setSeriesShape(s, dot());
  }

  private static BasicStroke stroke(boolean restated) {
    return restated
        ? new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, DASH, 0f)
        : new BasicStroke(2.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  private static Shape dot() {
    return new Ellipse2D.Double(-4.5, -4.5, 9, 9);
  }

  private static LegendItem legendItem(String label, Color colour, boolean restated) {
    return new LegendItem(label, null, null, null, true, dot(), true,
        restated ? Color.WHITE : colour, true, colour, new BasicStroke(1.8f), true,
        new Line2D.Double(-12, 0, 12, 0), stroke(restated), colour);
  }

  /** Rows by organisation code, each organisation's by year. */
  private static Map<String, List<MergedYear>> byOrganisation(List<MergedYear> rows) {
    Map<String, TreeMap<Integer, MergedYear>> byOrg = new TreeMap<>();
    for (MergedYear r : rows) {
      if (byOrg.computeIfAbsent(r.orgCode(), c -> new TreeMap<>()).put(r.year(), r) != null) {
        throw new IllegalArgumentException("two rows for " + r.orgCode() + ", " + r.year());
      }
    }
    Map<String, List<MergedYear>> out = new LinkedHashMap<>();
    byOrg.forEach((code, years) -> out.put(code, List.copyOf(years.values())));
    return out;
  }

  /** An organisation's years split where a year is missing or has no value. */
  static List<List<MergedYear>> runs(List<MergedYear> years) {
    List<List<MergedYear>> runs = new ArrayList<>();
    List<MergedYear> current = new ArrayList<>();
    for (MergedYear y : years) {
      boolean follows = current.isEmpty() || y.year() == current.get(current.size() - 1).year() + 1;
      if (!Double.isFinite(y.value()) || !follows) {
        if (!current.isEmpty()) {
          runs.add(current);
        }
        current = new ArrayList<>();
      }
      if (Double.isFinite(y.value())) {
        current.add(y);
      }
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }

  static String caption(MeasureInfo measure, Map<String, List<MergedYear>> drawn, int total) {
    StringBuilder s = new StringBuilder(measure.label())
        .append(" of each trust formed by a merger, by survey year").append(yearsText(drawn))
        .append(". Before its merger a trust did not exist: its values for those years (dashed")
        .append(" line, open circles) are its")
        .append(" predecessors' results combined under its code, so that it reads as one")
        .append(" continuous series. The dashed vertical line in its colour falls between the last")
        .append(" year before the merger and the first after it.");
    for (List<MergedYear> years : drawn.values()) {
      MergedYear y = years.get(0);
      s.append(' ').append(y.orgCode()).append(" (").append(y.orgName()).append("), formed in ")
          .append(y.mergedIn()).append(y.succession().isBlank() ? "" : " (" + y.succession() + ")")
          .append('.');
    }
    if (total > drawn.size()) {
      s.append(" Shown: the first ").append(drawn.size()).append(" of ").append(total)
          .append(" by code; the panel has them all.");
    }
    s.append(" Part of a change across the line can come from the merger itself (a different mix")
        .append(" of staff), not from a change in how staff feel. ")
        .append(measure.higherIsBetter() ? "Higher values are better."
            : "Lower values are better.");
    return s.toString();
  }

  static String altText(MeasureInfo measure, Map<String, List<MergedYear>> drawn) {
    if (drawn.isEmpty()) {
      return "Empty line chart: no trust was formed by a merger.";
    }
    StringBuilder s = new StringBuilder("Line chart of ").append(measure.axisLabel())
        .append(" by survey year").append(yearsText(drawn)).append(", one line for each of ")
        .append(drawn.size()).append(drawn.size() == 1 ? " trust" : " trusts")
        .append(" formed by a merger.");
    for (List<MergedYear> years : drawn.values()) {
      List<MergedYear> shown = years.stream().filter(y -> Double.isFinite(y.value())).toList();
      if (!shown.isEmpty()) {
        MergedYear a = shown.get(0);
        MergedYear b = shown.get(shown.size() - 1);
        s.append(' ').append(a.orgCode()).append(" (formed ").append(a.mergedIn()).append("): ")
            .append(ChartStyle.sig3(a.value())).append(" in ").append(a.year())
            .append(a.restated() ? " (predecessors combined)" : "").append(" to ")
            .append(ChartStyle.sig3(b.value())).append(" in ").append(b.year()).append('.');
      }
    }
    return s.toString();
  }

  private static String yearsText(Map<String, List<MergedYear>> drawn) {
    List<Integer> years = drawn.values().stream().flatMap(List::stream).map(MergedYear::year)
        .sorted(Comparator.naturalOrder()).toList();
    if (years.isEmpty()) {
      return "";
    }
    int a = years.get(0);
    int b = years.get(years.size() - 1);
    return a == b ? ", " + a : ", " + a + " to " + b;
  }
}
