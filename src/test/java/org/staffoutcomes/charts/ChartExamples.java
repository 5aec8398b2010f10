package org.staffoutcomes.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.FittedLine;
import org.staffoutcomes.analysis.ForestRow;
import org.staffoutcomes.analysis.ScatterPoint;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.trends.TrendRow;

/**
 * Renders one example of each chart from realistic fake data, for looking at:
 * {@code ChartExamples [outputDir]} (default {@code /tmp/chart-examples}).
 */
public final class ChartExamples {

  static final MeasureInfo ENGAGEMENT =
      new MeasureInfo("engagement", "Staff engagement", "score 0-10", true, true);
  static final MeasureInfo SICKNESS =
      new MeasureInfo("sickness_absence", "Sickness absence rate", "%", false, false);
  static final List<String> GROUPS = List.of(
      "Acute and acute & community trusts", "Acute specialist trusts",
      "Mental health & learning disability trusts", "Community trusts");
  static final List<String> TYPES = List.of("Acute", "Mental health", "Community", "Ambulance");

  private ChartExamples() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/chart-examples");
    Files.createDirectories(dir);
    RenderedChart t = TrendChart.write(ENGAGEMENT, trendRows(new Random(1)),
        List.of(new YearMarker(2018, "2018: new scoring scale")),
        dir.resolve("trend_engagement.png"), dir.resolve("trend_engagement.csv"));
    print(t);
    List<ScatterPoint> points = scatterPoints(new Random(2), 150);
    double[] fit = ols(points);
    double r = pearson(points);
    CorrelationRow stats = new CorrelationRow("engagement", "sickness_absence", 0, "all", "2023",
        "pearson", r, Math.tanh(atanh(r) - 1.96 / Math.sqrt(147)),
        Math.tanh(atanh(r) + 1.96 / Math.sqrt(147)), 0.00002, 150, "");
    print(ScatterChart.write(ENGAGEMENT, SICKNESS, stats, points, new FittedLine(fit[0], fit[1]),
        dir.resolve("scatter_sickness_engagement.png"),
        dir.resolve("scatter_sickness_engagement.csv")));
    List<MeasureInfo> staff = staffMeasures();
    List<MeasureInfo> outcomes = outcomes();
    print(HeatmapChart.write(staff, outcomes, 1, heatmapCells(staff, outcomes, new Random(3)),
        dir.resolve("heatmap_lag1.png"), dir.resolve("heatmap_lag1.csv")));
    print(ForestChart.write(ENGAGEMENT, SICKNESS, forestRows(), dir.resolve("forest.png"),
        dir.resolve("forest.csv")));
    double[] series = {6.4, 6.5, 6.3, 6.6, 6.4, 6.5, 6.3, 6.5, 6.4, 6.5, 4.0, 6.9, 6.8, 7.0, 6.9, 6.8, 7.0, 6.9};
    print(SpcChart.write(ENGAGEMENT, SpcChartTest.rows(series, true),
        List.of(new YearMarker(2018, "2018: new scoring scale")), dir.resolve("spc.svg"), dir.resolve("spc.png"),
        dir.resolve("spc.csv")));
    print(FunnelChart.write(new MeasureInfo("shmi", "SHMI (observed / expected deaths)", "ratio", false, false),
        FunnelChartTest.rows(), "Expected deaths", dir.resolve("funnel.png"), dir.resolve("funnel.csv")));
  }

  private static void print(RenderedChart c) {
    System.out.println(c.png() + "\n  title:   " + c.title() + "\n  caption: " + c.caption()
        + "\n  alt:     " + c.altText());
  }

  /** 4 groups and all organisations over 13 years, with a gap and a one-organisation year. */
  static List<TrendRow> trendRows(Random rnd) {
    List<TrendRow> rows = new ArrayList<>();
    double[] base = {6.85, 7.15, 6.95, 7.05};
    long[] n = {130, 17, 54, 18};
    for (int year = 2010; year <= 2022; year++) {
      double drift = 0.04 * Math.min(year - 2010, 10) - (year >= 2021 ? 0.25 * (year - 2020) : 0)
          + (year >= 2018 ? 0.15 : 0);
      double allMedian = 0;
      int present = 0;
      for (int g = 0; g < GROUPS.size(); g++) {
        if (g == 3 && (year == 2013 || year == 2014)) {
          continue; // community trusts not surveyed: a gap, not zero
        }
        long count = g == 1 && year == 2010 ? 1 : n[g];
        double median = base[g] + drift + rnd.nextGaussian() * 0.03;
        double iqr = count == 1 ? 0 : 0.18 + rnd.nextDouble() * 0.05;
        rows.add(row(GROUPS.get(g), year, count, median, iqr));
        allMedian += median;
        present++;
      }
      rows.add(row(TrendRow.ALL_GROUPS, year, 219, allMedian / present - 0.03, 0.26));
    }
    return rows;
  }

  private static TrendRow row(String group, int year, long n, double median, double iqr) {
    return new TrendRow("engagement", group, year, n, median + 0.01, median, median - iqr / 2,
        median + iqr / 2, median - 2 * iqr, median + 1.6 * iqr);
  }

  static List<ScatterPoint> scatterPoints(Random rnd, int n) {
    List<ScatterPoint> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int type = i < 100 ? 0 : i < 130 ? 1 : i < 140 ? 2 : 3;
      double x = 6.9 + rnd.nextGaussian() * 0.3 + (type == 2 ? 0.2 : 0);
      double y = 4.6 - 0.9 * (x - 6.9) + rnd.nextGaussian() * 0.45 + (type == 1 ? 0.6 : 0)
          + (type == 3 ? 0.9 : 0);
      points.add(new ScatterPoint(String.format("R%03d", i), TYPES.get(type), x, y));
    }
    return points;
  }

  static List<MeasureInfo> staffMeasures() {
    return List.of(
        new MeasureInfo("engagement", "Staff engagement", "score 0-10", true, true),
        new MeasureInfo("morale", "Morale", "score 0-10", true, true),
        new MeasureInfo("health_wellbeing", "Health and wellbeing", "score 0-10", true, true),
        new MeasureInfo("safety_culture", "Safety culture", "score 0-10", true, true),
        new MeasureInfo("immediate_managers", "Quality of immediate management", "score 0-10",
            true, true),
        new MeasureInfo("bullying", "Bullying & harassment from managers", "%", false, true),
        new MeasureInfo("recognition", "Recognition and reward", "score 0-10", true, true),
        new MeasureInfo("compassion", "Compassionate culture", "score 0-10", true, true));
  }

  static List<MeasureInfo> outcomes() {
    return List.of(
        new MeasureInfo("shmi", "Summary Hospital-level Mortality Indicator (SHMI)", "ratio",
            false, false),
        new MeasureInfo("sickness_absence", "Sickness absence rate", "%", false, false),
        new MeasureInfo("patient_experience", "Inpatient experience: overall rating",
            "score 0-10", true, false));
  }

  static List<CorrelationRow> heatmapCells(List<MeasureInfo> staff, List<MeasureInfo> outcomes,
      Random rnd) {
    double[][] r = {
      {-0.21, -0.52, 0.48}, {-0.18, -0.44, 0.41}, {-0.15, -0.61, 0.30}, {-0.24, -0.35, 0.55},
      {-0.09, -0.28, 0.22}, {0.17, 0.39, -0.33}, {-0.05, -0.22, 0.12}, {Double.NaN, -0.47, 0.50}
    };
    List<CorrelationRow> cells = new ArrayList<>();
    for (int i = 0; i < staff.size(); i++) {
      for (int j = 0; j < outcomes.size(); j++) {
        double v = r[i][j] + (Double.isNaN(r[i][j]) ? 0 : rnd.nextGaussian() * 0.01);
        cells.add(new CorrelationRow(staff.get(i).name(), outcomes.get(j).name(), 1, "all",
            "pooled", "pearson", v, v - 0.05, v + 0.05, Double.isNaN(v) ? Double.NaN : 0.001,
            Double.isNaN(v) ? 0 : 1300, Double.isNaN(v) ? "measure not asked before 2021" : ""));
      }
    }
    return cells;
  }

  /**
   * Seven survey years of about 130 trusts, r between -0.20 and -0.35 with Fisher-z 95% CIs and
   * random-effects weights (%, tau^2 = 0.0012), then both pooled estimates.
   */
  static List<ForestRow> forestRows() {
    double[] r = {-0.24, -0.31, -0.35, -0.22, -0.20, -0.29, -0.27};
    long[] n = {128, 131, 133, 129, 130, 126, 123};
    double tau2 = 0.0012;
    double total = 0;
    for (long k : n) {
      total += 1 / (1.0 / (k - 3) + tau2);
    }
    List<ForestRow> rows = new ArrayList<>();
    for (int i = 0; i < r.length; i++) {
      double half = 1.96 / Math.sqrt(n[i] - 3);
      rows.add(new ForestRow(Integer.toString(2017 + i), ForestRow.YEAR, r[i],
          Math.tanh(atanh(r[i]) - half), Math.tanh(atanh(r[i]) + half), n[i],
          100 / (1.0 / (n[i] - 3) + tau2) / total, ""));
    }
    rows.add(new ForestRow(ForestRow.TRUST_YEAR_LABEL, ForestRow.POOLED_TRUST_YEAR, -0.27, -0.31,
        -0.23, 900, Double.NaN, ""));
    rows.add(ForestRow.randomEffects(-0.27, -0.32, -0.22, 900,
        "tau^2 = 0.0012, I^2 = 34%, k = 7"));
    return rows;
  }

  static double[] ols(List<ScatterPoint> p) {
    double mx = p.stream().mapToDouble(ScatterPoint::x).average().orElseThrow();
    double my = p.stream().mapToDouble(ScatterPoint::y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (ScatterPoint q : p) {
      sxy += (q.x() - mx) * (q.y() - my);
      sxx += (q.x() - mx) * (q.x() - mx);
    }
    double slope = sxy / sxx;
    return new double[] {my - slope * mx, slope};
  }

  static double pearson(List<ScatterPoint> p) {
    double[] x = p.stream().mapToDouble(ScatterPoint::x).toArray();
    double[] y = p.stream().mapToDouble(ScatterPoint::y).toArray();
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double atanh(double r) {
    return 0.5 * Math.log((1 + r) / (1 - r));
  }
}
