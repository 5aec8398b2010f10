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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.standing.SpcRow;

/**
 * One organisation's XmR (statistical process control) chart of one measure, from its rows of
 * {@code spc.csv}: the values by survey year, the mean, the upper and lower process limits, and
 * the special-cause points marked by colour (improvement or concern) and shape (the Making Data
 * Count rule that marks them), each named in the legend. Numbers in {@code data/spc.csv}.
 */
public final class SpcChart {

  /** Drawn on every chart's caption: what the rules are. */
  static final String RULES = "Special cause (Making Data Count rules): a point beyond a process limit; a run of 7"
      + " or more points on one side of the mean; 7 or more points each rising or each falling; two of three"
      + " points beyond two thirds of the way to a limit, on the same side.";

  static final Color VALUE = ChartStyle.MUTED;
  static final Color IMPROVEMENT = ChartStyle.PALETTE[0];
  static final Color CONCERN = ChartStyle.PALETTE[4];
  static final Color LIMIT = ChartStyle.TEXT;

  /** The rules in the order a point's marker is chosen by (the first it takes part in). */
  enum Marker {
    BEYOND_LIMIT("beyond_limit", "beyond a process limit"),
    TWO_OF_THREE("two_of_three", "2 of 3 near a limit"),
    SHIFT("shift", "run of 7 on one side of the mean"),
    TREND("trend", "7 rising or falling");

    final String word;
    final String legend;

    Marker(String word, String legend) {
      this.word = word;
      this.legend = legend;
    }

    /** The first marker among a point's {@code ;}-separated rules; null for none. */
    static Marker of(String rules) {
      List<String> words = rules == null || rules.isBlank() ? List.of() : List.of(rules.split(";"));
      for (Marker m : values()) {
        if (words.contains(m.word)) {
          return m;
        }
      }
      return null;
    }

    Shape shape() {
      return switch (this) {
        case BEYOND_LIMIT -> diamond(7);
        case TWO_OF_THREE -> new Rectangle2D.Double(-5.5, -5.5, 11, 11);
        case SHIFT -> new Ellipse2D.Double(-6, -6, 12, 12);
        case TREND -> triangle(7);
      };
    }
  }

  private SpcChart() {}

  /**
   * Writes the SVG, and the PNG when {@code png} is not null.
   *
   * @param rows one organisation's points of one measure, any order; at least one
   * @param csv the file holding {@code rows} ({@code data/spc.csv}); not written here
   * @param breaks scale changes to mark; those outside the chart's years are left out
   * @throws IllegalArgumentException if the rows are of several organisations or measures
   */
  public static RenderedChart write(MeasureInfo measure, List<SpcRow> rows, List<YearMarker> breaks, Path svg,
      Path png, Path csv) throws IOException {
    if (png != null && !ChartFiles.svgBeside(png).equals(svg)) {
      throw new IllegalArgumentException("Invalid XmR chart files: " + svg + " is not beside " + png);
    }
    JFreeChart chart = chart(measure, rows, breaks);
    if (png != null) {
      ChartFiles.save(chart, png, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    } else {
      ChartFiles.saveSvg(chart, svg, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }
    List<SpcRow> sorted = sorted(rows);
    return new RenderedChart(title(measure, sorted.get(0).orgCode()), caption(measure, sorted),
        altText(measure, sorted), png, svg, csv);
  }

  /** "RXX: Staff engagement, XmR chart". */
  public static String title(MeasureInfo measure, String orgCode) {
    return orgCode + ": " + measure.label() + ", XmR chart";
  }

  /** The chart object: dataset 0 the special-cause points by legend entry, 1 the values, 2 the mean and limits. */
  static JFreeChart chart(MeasureInfo measure, List<SpcRow> rows, List<YearMarker> breaks) {
    List<SpcRow> sorted = sorted(rows);
    SpcRow first = sorted.get(0);
    SpcRow last = sorted.get(sorted.size() - 1);
    XYSeries values = new XYSeries("Value", false, true);
    sorted.forEach(r -> values.add(r.year(), r.value()));
    XYLineAndShapeRenderer valueRenderer = new XYLineAndShapeRenderer(true, true);
    valueRenderer.setSeriesPaint(0, VALUE);
    valueRenderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    valueRenderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    valueRenderer.setSeriesVisibleInLegend(0, true);

    XYSeriesCollection lines = new XYSeriesCollection();
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    if (Double.isFinite(first.mean())) {
      lines.addSeries(flat("Mean", first.year(), last.year(), first.mean()));
      lineRenderer.setSeriesPaint(0, LIMIT);
      lineRenderer.setSeriesStroke(0, new BasicStroke(1.6f));
    }
    if (Double.isFinite(first.upperLimit()) && Double.isFinite(first.lowerLimit())) {
      int s = lines.getSeriesCount();
      lines.addSeries(flat("Process limits", first.year(), last.year(), first.upperLimit()));
      lines.addSeries(flat("Lower process limit", first.year(), last.year(), first.lowerLimit()));
      BasicStroke dashed = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
          new float[] {8f, 5f}, 0f);
      for (int k = s; k < s + 2; k++) {
        lineRenderer.setSeriesPaint(k, LIMIT);
        lineRenderer.setSeriesStroke(k, dashed);
      }
      lineRenderer.setSeriesVisibleInLegend(s + 1, false);
    }

    XYSeriesCollection special = new XYSeriesCollection();
    XYLineAndShapeRenderer specialRenderer = new XYLineAndShapeRenderer(false, true);
    for (Map.Entry<String, List<SpcRow>> e : specialByLegend(sorted, measure).entrySet()) {
      int s = special.getSeriesCount();
      XYSeries series = new XYSeries(e.getKey(), false, true);
      e.getValue().forEach(r -> series.add(r.year(), r.value()));
      special.addSeries(series);
      SpcRow r0 = e.getValue().get(0);
      specialRenderer.setSeriesPaint(s, improvement(r0) ? IMPROVEMENT : CONCERN);
      specialRenderer.setSeriesShape(s, Marker.of(r0.rules()).shape());
    }

    int firstYear = first.year();
    int lastYear = last.year();
    List<YearMarker> drawn = new ArrayList<>();
    for (YearMarker m : breaks) {
      if (m.year() > firstYear && m.year() <= lastYear) {
        drawn.add(m);
      }
    }
    NumberAxis x = ChartStyle.surveyYearAxis(firstYear, lastYear);
    NumberAxis y = new NumberAxis(measure.axisLabel());
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(special, x, y, specialRenderer);
    plot.setDataset(1, new XYSeriesCollection(values));
    plot.setRenderer(1, valueRenderer);
    plot.setDataset(2, lines);
    plot.setRenderer(2, lineRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
    // One of hundreds of charts: no vertical gridlines or tick marks (each a line in the SVG).
    plot.setDomainGridlinesVisible(false);
    x.setTickMarksVisible(false);
    y.setTickMarksVisible(false);
    for (YearMarker m : drawn) {
      plot.addDomainMarker(ChartStyle.yearMarker(m.year(), m.label(), ChartStyle.MUTED, 0), Layer.FOREGROUND);
    }
    JFreeChart chart = new JFreeChart(title(measure, first.orgCode()), ChartStyle.TITLE_FONT, plot, true);
    chart.addSubtitle(ChartStyle.subtitle(subtitle(measure, sorted)));
    ChartStyle.apply(chart);
    return chart;
  }

  /** The special-cause points by legend entry, "Improvement: beyond a process limit", in a fixed order. */
  static Map<String, List<SpcRow>> specialByLegend(List<SpcRow> sorted, MeasureInfo measure) {
    Map<String, List<SpcRow>> out = new LinkedHashMap<>();
    for (boolean better : new boolean[] {true, false}) {
      for (Marker m : Marker.values()) {
        String key = (better ? "Special cause, improvement: " : "Special cause, concern: ") + m.legend;
        for (SpcRow r : sorted) {
          if (special(r) && improvement(r) == better && Marker.of(r.rules()) == m) {
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
          }
        }
      }
    }
    return out;
  }

  /** Whether the point takes part in a rule (the analysis' {@code variation} says special cause). */
  static boolean special(SpcRow r) {
    return Marker.of(r.rules()) != null;
  }

  private static boolean improvement(SpcRow r) {
    return r.variation().endsWith("improvement");
  }

  private static String subtitle(MeasureInfo measure, List<SpcRow> sorted) {
    SpcRow r = sorted.get(0);
    StringBuilder s = new StringBuilder();
    if (Double.isFinite(r.upperLimit())) {
      s.append("Mean ").append(ChartStyle.sig3(r.mean())).append(", process limits ")
          .append(ChartStyle.sig3(r.lowerLimit())).append(" to ").append(ChartStyle.sig3(r.upperLimit()))
          .append(". ");
    } else {
      s.append("One point: no limits. ");
    }
    s.append(measure.higherIsBetter() ? "Higher is better." : "Lower is better.");
    if (r.note() != null && !r.note().isBlank()) {
      s.append(" Caution: ").append(r.note()).append('.');
    }
    return s.toString();
  }

  static String caption(MeasureInfo measure, List<SpcRow> sorted) {
    long special = sorted.stream().filter(SpcChart::special).count();
    SpcRow first = sorted.get(0);
    SpcRow last = sorted.get(sorted.size() - 1);
    return measure.label() + " of " + first.orgCode() + ", " + first.year() + " to " + last.year()
        + ", with its mean and process limits (mean plus or minus 2.66 mean moving ranges). " + RULES
        + " Blue marks improvement, orange concern (by which side of the mean is better); the shape names"
        + " the rule. " + (special == 0 ? "No point shows special cause."
            : special + (special == 1 ? " point shows" : " points show") + " special cause.")
        + " Numbers: the rows of spc.csv with org_code " + first.orgCode() + " and measure " + measure.name()
        + ".";
  }

  static String altText(MeasureInfo measure, List<SpcRow> sorted) {
    SpcRow first = sorted.get(0);
    SpcRow last = sorted.get(sorted.size() - 1);
    StringBuilder s = new StringBuilder("XmR chart of ").append(measure.axisLabel()).append(" for ")
        .append(first.orgCode()).append(", ").append(sorted.size()).append(sorted.size() == 1 ? " year" : " years")
        .append(" from ").append(first.year()).append(" to ").append(last.year()).append(": ")
        .append(ChartStyle.sig3(first.value())).append(" then ").append(ChartStyle.sig3(last.value())).append('.');
    List<String> special = sorted.stream().filter(SpcChart::special)
        .map(r -> r.year() + " (" + r.variation() + ")").toList();
    s.append(special.isEmpty() ? " No special cause." : " Special cause in " + String.join(", ", special) + ".");
    return s.toString();
  }

  private static List<SpcRow> sorted(List<SpcRow> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("Cannot draw an XmR chart of no points");
    }
    SpcRow first = rows.get(0);
    for (SpcRow r : rows) {
      if (!r.orgCode().equals(first.orgCode()) || !r.measure().equals(first.measure())) {
        throw new IllegalArgumentException("Invalid XmR chart rows: " + r.orgCode() + " " + r.measure()
            + " among the rows of " + first.orgCode() + " " + first.measure());
      }
    }
    return rows.stream().sorted(java.util.Comparator.comparingInt(SpcRow::year)).toList();
  }

  private static XYSeries flat(String name, int from, int to, double y) {
    XYSeries s = new XYSeries(name, false, true);
    s.add(from - 0.4, y);
    s.add(to + 0.4, y);
    return s;
  }

  static Shape diamond(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, 0);
    p.lineTo(0, r);
    p.lineTo(-r, 0);
    p.closePath();
    return p;
  }

  static Shape triangle(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, r * 0.8);
    p.lineTo(-r, r * 0.8);
    p.closePath();
    return p;
  }
}
