package org.staffoutcomes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.cli.Main;
import org.staffoutcomes.testing.BundleFiles;
import org.staffoutcomes.testing.SparkTestBase;

/**
 * The real published engagement and SHMI figures (outside the repository, in
 * ../shared/real-data/), through the same commands with the nhs-engagement-2012-2018 catalog.
 * The per-year coefficients must equal an independent pandas/SciPy computation
 * (src/test/resources/real-data-expected/, with the command that made it).
 */
class RealDataTest extends SparkTestBase {

  static final Path REAL_DATA = Path.of(System.getProperty("staffoutcomes.realData", "../shared/real-data"));
  static final Path REAL = REAL_DATA.resolve("nhs-engagement-2012-2018");
  static final Path WELLBEING = REAL_DATA.resolve("nhs-staff-wellbeing-2021-2024");

  @TempDir Path work;

  @Test
  void perYearCorrelationsOfEngagementWithShmiMatchAnIndependentComputation() throws IOException {
    assumeTrue(Files.isDirectory(REAL), "skipped: real data not found at " + REAL.toAbsolutePath()
        + " (it lives outside the repository, in ../shared/real-data/)");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "run", "--catalog", "nhs-engagement-2012-2018",
        "--input", REAL.toString(), "--workdir", work.toString());
    assertEquals(0, code, "exit code; output:\n" + out + "\nstderr:\n" + err);

    motivationFromThe2017DistributionsMatchesThePublishedIndex();

    List<CSVRecord> actual = BundleFiles.csv(work.resolve("bundles/latest/data/correlations.csv"));
    List<CSVRecord> expected = BundleFiles.csv(Path.of("src/test/resources/real-data-expected/engagement_shmi_by_year.csv"));
    assertEquals(14, expected.size());
    for (CSVRecord e : expected) {
      CSVRecord a = BundleFiles.correlation(actual, Map.of("staff_measure", "engagement", "outcome", "shmi",
          "lag", "0", "scope", "all", "year", e.get("year"), "method", e.get("method")));
      String what = e.get("year") + " " + e.get("method");
      assertEquals(e.get("n"), a.get("n"), what + " n");
      for (String column : List.of("r", "p", "ci_low", "ci_high")) {
        if (!e.get(column).isEmpty()) {
          double want = Double.parseDouble(e.get(column));
          double got = Double.parseDouble(a.get(column));
          assertTrue(BundleFiles.close(want, got), what + " " + column + ": expected " + want + ", got " + got);
        }
      }
    }
    // The new tables: the random-effects pool of these yearly coefficients equals metafor's, and the
    // models and findings are there.
    CSVRecord pooledWant = BundleFiles.csv(Path.of("src/test/resources/real-data-expected/engagement_shmi_pooled_dl.csv"))
        .get(0);
    CSVRecord pooledGot = BundleFiles.csv(work.resolve("bundles/latest/data/pooled.csv")).stream()
        .filter(r -> r.get("staff_measure").equals("engagement") && r.get("outcome").equals("shmi")
            && r.get("lag").equals("0") && r.get("scope").equals("all")).findFirst().orElseThrow();
    assertEquals(pooledWant.get("k"), pooledGot.get("k"));
    for (String column : List.of("estimate", "ci_low", "ci_high", "p", "tau2", "i2", "q")) {
      double want = Double.parseDouble(pooledWant.get(column));
      double got = Double.parseDouble(pooledGot.get(column));
      assertTrue(BundleFiles.close(want, got), "pooled " + column + ": expected " + want + ", got " + got);
    }
    assertTrue(BundleFiles.csv(work.resolve("bundles/latest/data/models.csv")).stream()
        .anyMatch(r -> r.get("model").equals("fixed_effects") && r.get("staff_measure").equals("engagement")
            && r.get("outcome").equals("shmi") && !r.get("estimate").isEmpty()), "fixed-effects model on real data");
    assertTrue(Files.isRegularFile(work.resolve("bundles/latest/charts/forest_engagement_shmi.png")));
  }

  @Test
  void burnoutTrendByBenchmarkingGroupFromThe2021To2024FileMatchesAnIndependentComputation() throws IOException {
    assumeTrue(Files.isDirectory(WELLBEING), "skipped: real data not found at " + WELLBEING.toAbsolutePath()
        + " (it lives outside the repository, in ../shared/real-data/)");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "run", "--catalog",
        "nhs-staff-wellbeing-2021-2024", "--input", WELLBEING.toString(), "--workdir", work.toString());
    assertEquals(0, code, "exit code; output:\n" + out + "\nstderr:\n" + err);
    assertTrue(out.toString().contains("1,075 rows read =     1,075 kept +      0 quarantined"), out.toString());
    Path bundle = work.resolve("bundles/latest");
    assertTrue(Files.isRegularFile(bundle.resolve("charts/trend_burnout.png")));

    List<CSVRecord> trends = BundleFiles.csv(bundle.resolve("data/trend_burnout.csv"));
    List<CSVRecord> expected = BundleFiles.csv(Path.of("src/test/resources/real-data-expected/burnout_trend.csv"));
    assertEquals(40, expected.size(), "10 benchmarking groups with data x 4 years");
    for (CSVRecord e : expected) {
      CSVRecord a = trends.stream()
          .filter(t -> t.get("group").equals(e.get("group")) && t.get("year").equals(e.get("year")))
          .findFirst().orElseThrow(() -> new AssertionError("no trend row for " + e));
      assertEquals(e.get("n"), a.get("n"), e.toString());
      for (String column : List.of("median", "q1", "q3")) {
        double want = Double.parseDouble(e.get(column));
        double got = Double.parseDouble(a.get(column));
        assertTrue(BundleFiles.close(want, got), e + " " + column + ": got " + got);
      }
    }
  }

  /**
   * From 2017.NHS-detailed.csv alone (percentages per answer, rounded as published), the mean of
   * the three item means must reproduce the published Engagement.index of 2017.NHS.csv within
   * 0.05 for every trust in both files.
   */
  private void motivationFromThe2017DistributionsMatchesThePublishedIndex() {
    List<org.apache.spark.sql.Row> rows = spark.read().parquet(work.resolve("lake/panel").toString())
        .filter("survey_year = 2017 AND motivation IS NOT NULL AND engagement IS NOT NULL")
        .select("org_code", "motivation", "engagement").collectAsList();
    assertTrue(rows.size() >= 120, "trusts in both files: " + rows.size());
    double worst = 0;
    for (org.apache.spark.sql.Row r : rows) {
      double diff = Math.abs(r.getDouble(1) - r.getDouble(2));
      worst = Math.max(worst, diff);
      assertTrue(diff <= 0.05, r.getString(0) + ": from distributions " + r.getDouble(1) + ", published "
          + r.getDouble(2));
    }
    System.out.printf("2017 motivation from distributions vs published Engagement.index: %d trusts, largest"
        + " difference %.4f%n", rows.size(), worst);
  }
}
