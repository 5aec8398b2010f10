package org.staffoutcomes.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.FittedLine;
import org.staffoutcomes.analysis.ScatterPoint;
import org.staffoutcomes.charts.HeatmapChart;
import org.staffoutcomes.charts.ScatterChart;
import org.staffoutcomes.charts.TrendChart;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.trends.TrendRow;

/** A small run with one chart of each kind, including names that need HTML escaping. */
final class BundleFixtures {

  static final MeasureInfo ENGAGEMENT =
      new MeasureInfo("engagement", "Engagement & <morale>", "score 0-10", true, true);
  static final MeasureInfo SHMI = new MeasureInfo("shmi", "SHMI \"mortality\"", "ratio", false,
      false);

  private BundleFixtures() {}

  static RunInfo run(String runId) {
    return new RunInfo(runId, Instant.parse("2024-05-01T02:00:00Z"),
        Instant.parse("2024-05-01T02:03:30.250Z"), "0.1.0", "nhs", "NHS staff & <outcomes>",
        List.of(new InputFile("staff_survey", "in/nss & co.csv", "ab".repeat(32), 1234, 100, 97,
            3), new InputFile("shmi", "in/shmi.csv", "cd".repeat(32), 99, 10, 10, 0)));
  }

  static List<TrendRow> trends() {
    return List.of(
        new TrendRow("engagement", "Acute & <specialist>", 2021, 10, 7, 7, 6.8, 7.2, 6, 8),
        new TrendRow("engagement", "Acute & <specialist>", 2022, 11, 7.1, 7.1, 6.9, 7.3, 6, 8),
        new TrendRow("engagement", TrendRow.ALL_GROUPS, 2021, 30, 7, 7, 6.8, 7.2, 6, 8),
        new TrendRow("engagement", TrendRow.ALL_GROUPS, 2022, 31, 7.2, 7.2, 7, 7.4, 6, 8));
  }

  static List<CorrelationRow> correlations() {
    return List.of(
        new CorrelationRow("engagement", "shmi", 0, "all", "2022", "pearson", -0.3, -0.5, -0.1,
            0.004, 40, ""),
        new CorrelationRow("engagement", "shmi", 1, "all", "pooled", "pearson", -0.25, -0.31,
            -0.19, 1e-9, 400, ""),
        new CorrelationRow("engagement", "shmi", 1, "all", "pooled", "spearman", Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, 2, "fewer than 3 pairs"));
  }

  static List<ScatterPoint> points() {
    return List.of(new ScatterPoint("RA1", "Acute", 6.5, 1.05),
        new ScatterPoint("RB2", "Acute", 7.0, 1.0), new ScatterPoint("RC3", "Community", 7.5,
            0.93), new ScatterPoint("RD4", "Acute & <other>", 6.8, 0.99));
  }

  /** Renders one trend, one scatter and one heatmap into the bundle. */
  static ChartStep allCharts() {
    return folder -> {
      folder.add(Section.TRENDS, TrendChart.write(ENGAGEMENT, trends(), List.of(),
          folder.png("trend_engagement"), folder.csv("trend_engagement")));
      folder.add(Section.SCATTER, ScatterChart.write(ENGAGEMENT, SHMI, correlations().get(0),
          points(), new FittedLine(1.9, -0.13), folder.png("scatter_shmi_engagement"),
          folder.csv("scatter_shmi_engagement")));
      folder.add(Section.HEATMAP, HeatmapChart.write(List.of(ENGAGEMENT), List.of(SHMI), 1,
          HeatmapChart.select(correlations(), 1), folder.png("heatmap_lag1"),
          folder.csv("heatmap_lag1")));
    };
  }

  static Path quarantine(Path dir) throws IOException {
    Path q = dir.resolve("quarantine-in.csv");
    Files.writeString(q, "dataset,file,line,reason\nstaff_survey,in/nss.csv,7,bad org code\n");
    return q;
  }
}
