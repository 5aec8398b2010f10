package org.staffoutcomes.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.cli.Main;
import org.staffoutcomes.testing.BundleFiles;
import org.staffoutcomes.testing.SparkTestBase;

/**
 * The README's first command, in process: generate the sample, run every stage, then check what
 * users rely on: the exit code, the printed index path, every file of the bundle, the planted
 * relationships recovered, the manifest, and an incremental, idempotent second run.
 */
class SampleRunEndToEndTest extends SparkTestBase {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  @TempDir static Path renderCopy;
  @TempDir static Path renderLog;
  static String firstOutput;
  static Path firstBundle;
  static Process render;

  @BeforeAll
  static void runSample() throws IOException {
    firstOutput = run("run", "--sample", "--workdir", work.toString());
    firstBundle = work.resolve("bundles/latest").toRealPath();
    render = startRenderWithoutSpark();
  }

  @AfterAll
  static void stopRender() {
    if (render != null) {
      render.destroy();
    }
  }

  static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    assertEquals(0, code, "exit code of " + List.of(args) + "; output:\n" + out + "\nstderr:\n" + err);
    return out.toString();
  }

  /**
   * Respondent microdata are drawn around the organisations' planted engagement: scored by the
   * published method they track the published organisation scores, 2017 (scored 1-5) is put on
   * the 0-10 axis and flagged, and the trend chart carries the scale break.
   */
  @Test
  void microdataScoresTrackThePublishedScoresAcrossTheScaleChange() {
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> panel = spark.read().parquet(work.resolve("lake/panel").toString());
    List<org.apache.spark.sql.Row> both = panel
        .filter("engagement IS NOT NULL AND engagement_respondents IS NOT NULL AND survey_year >= 2018")
        .select("engagement", "engagement_respondents").collectAsList();
    double[] published = both.stream().mapToDouble(r -> r.getDouble(0)).toArray();
    double[] respondents = both.stream().mapToDouble(r -> r.getDouble(1)).toArray();
    double r = org.staffoutcomes.stats.Correlation.pearson(published, respondents).r();
    assertTrue(both.size() > 1000 && r > 0.7, both.size() + " organisation-years, r = " + r);
    List<org.apache.spark.sql.Row> y2017 = panel.filter("survey_year = 2017 AND engagement_respondents IS NOT NULL")
        .select("engagement_respondents", "engagement_respondents_rescaled").collectAsList();
    assertTrue(y2017.size() > 150, "2017 microdata rows: " + y2017.size());
    for (org.apache.spark.sql.Row row : y2017) {
      assertTrue(row.getBoolean(1), "2017 flagged as rescaled");
      assertTrue(row.getDouble(0) > 3 && row.getDouble(0) < 10, "2017 on the 0-10 axis: " + row.getDouble(0));
    }
    assertTrue(Files.isRegularFile(firstBundle.resolve("charts/trend_engagement_respondents.png")));
  }

  @Test
  void printsTheIndexOfTheNewBundleLast() throws IOException {
    List<String> lines = firstOutput.lines().toList();
    Path printed = Path.of(lines.get(lines.size() - 1));
    assertEquals(firstBundle.resolve("index.html"), printed.toRealPath());
  }

  @Test
  void theBundleHoldsEveryListedFile() throws IOException {
    for (String f : List.of("index.html", "manifest.json", "data/correlations.csv", "data/trends.csv",
        "data/quarantine.csv", "charts/heatmap_lag0.png", "charts/heatmap_lag1.png", "data/models.csv",
        "data/pooled.csv", "data/findings.csv")) {
      assertTrue(Files.isRegularFile(firstBundle.resolve(f)), "bundle lacks " + f);
    }
    for (String m : List.of("engagement", "morale", "immediate_manager", "speak_up_safe", "recommend_work",
        "enough_staff", "burnout", "stress")) {
      assertTrue(Files.isRegularFile(firstBundle.resolve("charts/trend_" + m + ".png")), "trend chart of " + m);
      assertTrue(Files.isRegularFile(firstBundle.resolve("data/trend_" + m + ".csv")), "numbers of trend " + m);
    }
    for (String o : List.of("shmi", "sickness_absence", "patient_experience", "fft_positive", "mrsa_rate",
        "cdiff_rate", "ae_4hr", "rtt_18wk", "surplus_pct")) {
      assertTrue(Files.isRegularFile(firstBundle.resolve("charts/scatter_engagement_" + o + ".png")), "scatter " + o);
      assertTrue(Files.isRegularFile(firstBundle.resolve("charts/forest_engagement_" + o + ".png")), "forest " + o);
    }
    assertTrue(Files.isRegularFile(firstBundle.resolve("charts/share_engagement_cqc_overall.png")),
        "CQC ratings: share good or outstanding per engagement quintile");
    assertTrue(Files.isRegularFile(firstBundle.resolve("data/shares_by_quintile.csv")));
    java.util.Set<String> spcCharts = new java.util.TreeSet<>();
    try (Stream<Path> charts = Files.list(firstBundle.resolve("charts"))) {
      for (Path chart : charts.toList()) {
        String name = chart.getFileName().toString();
        assertTrue(name.endsWith(".png") || name.endsWith(".svg"), name);
        String stem = name.substring(0, name.length() - 4);
        assertTrue(Files.isRegularFile(firstBundle.resolve("charts/" + stem + ".svg")), "SVG of " + name);
        if (stem.startsWith("spc_")) {
          spcCharts.add(stem);
        } else {
          assertTrue(Files.isRegularFile(firstBundle.resolve("data/" + stem + ".csv")), "CSV behind " + stem);
        }
      }
    }
    // One XmR chart per organisation and measure of spc.csv; its numbers are those rows.
    java.util.Set<String> spcRows = new java.util.TreeSet<>();
    List<String> spcLines = Files.readAllLines(firstBundle.resolve("data/spc.csv"));
    for (String line : spcLines.subList(1, spcLines.size())) {
      String[] cells = line.split(",", 3);
      spcRows.add("spc_" + cells[0] + "_" + cells[1]);
    }
    assertEquals(spcRows, spcCharts);
    for (String o : List.of("shmi", "mrsa_rate", "cdiff_rate", "ae_4hr", "rtt_18wk")) {
      assertTrue(Files.isRegularFile(firstBundle.resolve("charts/funnel_" + o + ".png")), "funnel " + o);
    }
    assertEquals(List.of("staff_measure", "outcome", "lag", "scope", "year", "method", "r", "ci_low", "ci_high",
        "p", "p_adjusted", "n", "note"), BundleFiles.header(firstBundle.resolve("data/correlations.csv")));
    assertEquals(List.of("model", "staff_measure", "outcome", "lag", "scope", "weights", "term", "estimate", "se", "t",
        "p", "p_adjusted", "ci_low", "ci_high", "n", "n_groups", "r2", "note"),
        BundleFiles.header(firstBundle.resolve("data/models.csv")));
    assertEquals(List.of("staff_measure", "outcome", "lag", "scope", "method", "k", "estimate", "ci_low", "ci_high",
        "p", "p_adjusted", "tau2", "i2", "q", "note"), BundleFiles.header(firstBundle.resolve("data/pooled.csv")));
    assertEquals(List.of("measure", "group", "year", "n", "mean", "median", "q1", "q3", "min", "max"),
        BundleFiles.header(firstBundle.resolve("data/trends.csv")));
    String html = Files.readString(firstBundle.resolve("index.html"));
    assertTrue(html.contains("charts/scatter_engagement_shmi.png") && html.contains("data/scatter_engagement_shmi.csv"));
    assertTrue(html.contains("<h2 id=\"findings\">Key findings</h2>"));
    assertTrue(html.contains("tended to have lower sickness absence rate, that is better outcomes"), "findings in words");
  }

  /**
   * Where each trust stands: the CSVs have the contract's columns, each position agrees with the
   * group's size and median in trends.csv (computed apart), and each change with the values it
   * compares.
   */
  @Test
  void theCultureTableOfTheLatestYearLeavesOutTheSeriesThatEndedAndSaysSo() throws IOException {
    String page = Files.readString(firstBundle.resolve("trusts/culture.html"));
    int latest = page.indexOf("<section aria-labelledby=\"latest\">");
    int gaps = page.indexOf("</section>", latest);
    String table = page.substring(latest, gaps);
    String ftsu = "Freedom to Speak Up index, 2015-2020";
    assertTrue(table.contains("<p class=\"note\">No organisation has " + ftsu), table.substring(0, 1500));
    assertFalse(table.substring(table.indexOf("<thead>")).contains(ftsu), "no column of dashes for the ended index");
    assertTrue(page.substring(gaps).contains(ftsu), "the ended index is still shown by year");
  }

  @Test
  void theTrustViewsFollowTheContractAndAgreeWithTheTrends() throws IOException {
    Path data = firstBundle.resolve("data");
    assertEquals(List.of("org_code", "measure", "year", "value", "n", "previous_year", "previous_value", "change", "p",
        "significance", "five_year_change", "five_year_p", "five_year_significance"),
        BundleFiles.header(data.resolve("changes.csv")));
    assertEquals(List.of("org_code", "measure", "year", "benchmark_group", "value", "group_best", "group_median",
        "group_worst", "quintile", "rank", "group_n"), BundleFiles.header(data.resolve("positions.csv")));
    Map<String, CSVRecord> trends = new java.util.HashMap<>();
    for (CSVRecord t : BundleFiles.csv(data.resolve("trends.csv"))) {
      trends.put(t.get("measure") + "|" + t.get("group") + "|" + t.get("year"), t);
    }
    List<CSVRecord> positions = BundleFiles.csv(data.resolve("positions.csv"));
    assertTrue(positions.size() > 10_000, "positions: " + positions.size());
    for (CSVRecord p : positions) {
      CSVRecord t = trends.get(p.get("measure") + "|" + p.get("benchmark_group") + "|" + p.get("year"));
      assertEquals(t.get("n"), p.get("group_n"), "group size of " + p);
      assertTrue(BundleFiles.close(Double.parseDouble(t.get("median")), Double.parseDouble(p.get("group_median"))),
          "median of " + p);
      int rank = Integer.parseInt(p.get("rank"));
      assertTrue(rank >= 1 && rank <= Integer.parseInt(p.get("group_n")), "rank of " + p);
    }
    Map<String, String> value = new java.util.HashMap<>();
    List<CSVRecord> changes = BundleFiles.csv(data.resolve("changes.csv"));
    changes.forEach(c -> value.put(c.get("org_code") + "|" + c.get("measure") + "|" + c.get("year"), c.get("value")));
    long tested = 0;
    for (CSVRecord c : changes) {
      String previous = value.get(c.get("org_code") + "|" + c.get("measure") + "|" + c.get("previous_year"));
      assertEquals(previous == null ? "" : previous, c.get("previous_value"), "previous value of " + c);
      if (!c.get("p").isEmpty()) {
        tested++;
        assertTrue(Set.of("significantly better", "significantly worse", "no significant change")
            .contains(c.get("significance")), c.toString());
      }
    }
    assertTrue(tested > 1000, "percentages tested: " + tested);
    assertTrue(changes.stream().anyMatch(c -> c.get("measure").equals("engagement")
        && c.get("significance").equals("not tested: no standard error")));
    for (String o : List.of("shmi", "cdiff_rate", "ae_4hr")) {
      assertTrue(BundleFiles.csv(data.resolve("funnel_" + o + ".csv")).size() > 50, "funnel of " + o);
    }
    assertTrue(BundleFiles.csv(data.resolve("spc.csv")).stream().anyMatch(r -> r.get("rules").contains("shift")));
  }

  @Test
  void recoversThePlantedRelationships() throws IOException {
    JsonNode truth = JSON.readTree(work.resolve("landing/truth.json").toFile());
    List<CSVRecord> rows = BundleFiles.csv(firstBundle.resolve("data/correlations.csv"));
    java.util.Set<String> outcomes = new java.util.HashSet<>();
    for (JsonNode t : truth.get("relationships")) {
      String method = t.has("method") ? t.get("method").asText() : "pearson";
      CSVRecord row = BundleFiles.correlation(rows, Map.of("staff_measure", t.get("staff_measure").asText(),
          "outcome", t.get("outcome").asText(), "lag", t.get("lag").asText(), "scope", "all", "year", "pooled",
          "method", method));
      double planted = t.get("r").asDouble();
      double r = Double.parseDouble(row.get("r"));
      String what = t + " recovered as " + r;
      assertEquals(Math.signum(planted), Math.signum(r), what);
      assertTrue(Math.abs(r - planted) <= 0.05, what);
      // The generator plants the correlation exactly in its sample (truth.json gives the
      // tolerance); more than that means the pipeline aligned or aggregated something wrongly
      // (e.g. a mean of monthly rates, or the wrong financial year).
      double tolerance = t.has("tolerance") ? t.get("tolerance").asDouble() : 0.01;
      assertTrue(Math.abs(r - planted) <= tolerance, what);
      if (method.equals("pearson")) {
        double low = Double.parseDouble(row.get("ci_low"));
        double high = Double.parseDouble(row.get("ci_high"));
        assertTrue(low < r && r < high, what);
      }
      outcomes.add(t.get("outcome").asText());
    }
    assertEquals(java.util.Set.of("shmi", "sickness_absence", "patient_experience", "fft_positive", "mrsa_rate",
        "cdiff_rate", "ae_4hr", "rtt_18wk", "surplus_pct", "cqc_overall"), outcomes, "every outcome has a planted truth");
  }

  /**
   * The generator plants true regression coefficients (truth.json "coefficients"): a prior-outcome
   * effect (SHMI on engagement and last year's SHMI) and a within-trust effect of engagement on
   * next year's sickness absence. Each model's 95% interval in models.csv holds its true value; and
   * every planted correlation is among the associations that survive the false discovery rate.
   */
  @Test
  void recoversThePlantedModelCoefficientsAndThePlantedAssociationsSurviveTheFalseDiscoveryRate() throws IOException {
    JsonNode truth = JSON.readTree(work.resolve("landing/truth.json").toFile());
    List<CSVRecord> models = BundleFiles.csv(firstBundle.resolve("data/models.csv"));
    java.util.Set<String> planted = new java.util.TreeSet<>();
    for (JsonNode t : truth.get("coefficients")) {
      CSVRecord row = models.stream().filter(m -> m.get("model").equals(t.get("model").asText())
              && m.get("staff_measure").equals(t.get("staff_measure").asText())
              && m.get("outcome").equals(t.get("outcome").asText()) && m.get("lag").equals(t.get("lag").asText())
              && m.get("scope").equals(t.get("scope").asText()) && m.get("term").equals(t.get("term").asText()))
          .findFirst().orElseThrow(() -> new AssertionError("models.csv has no row for " + t));
      double value = t.get("value").asDouble();
      double low = Double.parseDouble(row.get("ci_low"));
      double high = Double.parseDouble(row.get("ci_high"));
      assertTrue(low < value && value < high, t.get("model").asText() + " " + t.get("term").asText() + ": true "
          + value + " outside [" + low + ", " + high + "], estimate " + row.get("estimate"));
      planted.add(t.get("model").asText());
    }
    assertEquals(java.util.Set.of("wls_prior_outcome", "fixed_effects"), planted, "both kinds of effect are planted");

    List<CSVRecord> findings = BundleFiles.csv(firstBundle.resolve("data/findings.csv"));
    for (JsonNode t : truth.get("relationships")) {
      String method = t.has("method") ? t.get("method").asText() : "pearson";
      assertTrue(findings.stream().anyMatch(f -> f.get("staff_measure").equals(t.get("staff_measure").asText())
              && f.get("outcome").equals(t.get("outcome").asText()) && f.get("lag").equals(t.get("lag").asText())
              && f.get("method").equals(method) && Double.parseDouble(f.get("p_adjusted")) < 0.05),
          "a planted association is a key finding: " + t);
    }
  }

  @Test
  void everyOutcomeAndMetricIsInTheHeatmapsAndEveryInputRowIsKept() throws IOException {
    for (int lag = 0; lag <= 1; lag++) {
      List<CSVRecord> cells = BundleFiles.csv(firstBundle.resolve("data/heatmap_lag" + lag + ".csv"));
      assertEquals(45 * 10, cells.size(), "45 staff measures (every score of the question catalogue among them) "
          + "x 10 outcomes at lag " + lag);
      for (CSVRecord c : cells) {
        assertEquals(c.get("outcome").equals("cqc_overall") ? "spearman" : "pearson", c.get("method"));
        assertTrue(!c.get("r").isEmpty(), "a coefficient in every cell: " + c);
      }
    }
    JsonNode manifest = JSON.readTree(firstBundle.resolve("manifest.json").toFile());
    for (JsonNode in : manifest.get("inputs")) {
      assertEquals(0, in.get("rows_quarantined").asLong(), "the generated sample is clean: " + in);
    }
  }

  @Test
  void aMergedTrustIsOneContinuousFlaggedSeriesDrawnWithItsNumbers() throws IOException {
    Map<String, String> successorOf = new TreeMap<>();
    Map<String, Integer> mergedIn = new TreeMap<>();
    for (CSVRecord r : BundleFiles.csv(work.resolve("landing/successors/succ.csv"))) {
      successorOf.put(r.get("Predecessor Organisation Code"), r.get("Successor Organisation Code"));
      mergedIn.put(r.get("Successor Organisation Code"), Integer.parseInt(r.get("Effective Date").substring(0, 4)));
    }
    List<String> formed = mergedIn.keySet().stream().filter(c -> !successorOf.containsKey(c)).toList();
    assertTrue(formed.size() >= 3, "merged trusts at the end of the chains: " + formed);
    var panel = spark.read().parquet(work.resolve("lake/panel").toString());
    assertEquals(0, panel.filter(col("org_code").isin(successorOf.keySet().toArray())).count(),
        "predecessors count under their successor");
    String stem = "merged_organisations_engagement";
    Map<String, CSVRecord> drawn = new TreeMap<>();
    BundleFiles.csv(firstBundle.resolve("data/" + stem + ".csv"))
        .forEach(r -> drawn.put(r.get("org_code") + "|" + r.get("survey_year"), r));
    assertEquals(formed.size() * 13, drawn.size(), "every merged trust, every survey year");
    for (String code : formed) {
      List<Row> rows = panel.filter(col("org_code").equalTo(code).and(col("survey_year").leq(2024)))
          .orderBy("survey_year").select("survey_year", "succession", "org_name", "engagement").collectAsList();
      assertEquals(IntStream.rangeClosed(2012, 2024).boxed().toList(), rows.stream().map(r -> r.getInt(0)).toList(),
          code + ": one continuous series, also before the merger");
      assertEquals(1, rows.stream().map(r -> r.getString(2)).distinct().count(), code + ": one name throughout");
      for (Row r : rows) {
        String where = code + " " + r.getInt(0);
        assertTrue(r.getString(1).startsWith("restated: includes predecessors "), where + ": " + r.getString(1));
        assertTrue(r.getString(1).endsWith(r.getInt(0) < mergedIn.get(code)
            ? "this year: the predecessors' results combined (" + code + " formed " + mergedIn.get(code) + ")"
            : "this year: its own results (" + code + " formed " + mergedIn.get(code) + ")"), where + ": " + r.getString(1));
        successorOf.forEach((old, next) -> assertTrue(!next.equals(code) || r.getString(1).contains(old), where));
        CSVRecord point = drawn.get(code + "|" + r.getInt(0));
        assertEquals(r.isNullAt(3) ? "" : Double.toString(r.getDouble(3)), point.get("engagement"), where);
        assertEquals(Boolean.toString(r.getInt(0) < mergedIn.get(code)), point.get("restated"), where);
        assertEquals(Integer.toString(mergedIn.get(code)), point.get("merged_in"), where);
      }
    }
    assertTrue(Files.isRegularFile(firstBundle.resolve("charts/" + stem + ".png")));
    String html = Files.readString(firstBundle.resolve("index.html"));
    assertTrue(html.contains("<h2 id=\"mergers\">Merged trusts</h2>") && html.contains("charts/" + stem + ".png"));
    JsonNode manifest = JSON.readTree(firstBundle.resolve("manifest.json").toFile());
    assertTrue(manifest.get("charts").findValuesAsText("png").contains("charts/" + stem + ".png"));
  }

  @Test
  void publishedQuirksLandAsDeclared() {
    String lake = work.resolve("lake").toString();
    var shmi = spark.read().parquet(lake + "/raw/shmi");
    assertTrue(shmi.filter("time_period LIKE 'JAN%'").count() > 0, "straddling SHMI periods are kept in the lake");
    assertTrue(shmi.filter("shmi_banding IS NULL").count() > 0, "suppressed banding (*) read as missing");
    var panel = spark.read().parquet(lake + "/panel");
    assertEquals(1L, panel.filter("shmi IS NOT NULL").selectExpr("max(shmi_periods)").first().getInt(0),
        "only the April-March SHMI file counts towards a survey year");
    assertEquals(12L, panel.filter("sickness_absence IS NOT NULL").selectExpr("max(sickness_absence_periods)").first().getInt(0));
    assertTrue(spark.read().parquet(lake + "/raw/fft_inpatient").filter("percentage_positive IS NULL").count() > 0,
        "FFT percentages suppressed with * read as missing");
    for (String monthly : List.of("fft_inpatient", "hcai", "ae_attendances", "rtt_waiting", "cqc_ratings")) {
      assertEquals(0, spark.read().parquet(lake + "/raw/" + monthly).filter("period_start IS NULL").count(),
          monthly + ": every period format parsed");
    }
  }

  @Test
  void theManifestListsEveryInputWithItsChecksumAndCounts() throws IOException, NoSuchAlgorithmException {
    JsonNode manifest = JSON.readTree(firstBundle.resolve("manifest.json").toFile());
    assertEquals(firstBundle.getFileName().toString(), manifest.get("run_id").asText());
    JsonNode inputs = manifest.get("inputs");
    long files;
    try (Stream<Path> all = Files.walk(work.resolve("landing"))) {
      files = all.filter(p -> p.toString().endsWith(".csv")).count();
    }
    assertEquals(files, inputs.size(), "every landing CSV is an input of some dataset");
    for (JsonNode in : inputs) {
      Path file = work.resolve("landing").resolve(in.get("path").asText());
      assertEquals(sha256(file), in.get("sha256").asText(), file.toString());
      assertEquals(in.get("rows_read").asLong(), in.get("rows_kept").asLong() + in.get("rows_quarantined").asLong());
    }
    for (JsonNode out : manifest.get("outputs")) {
      assertEquals(sha256(firstBundle.resolve(out.get("path").asText())), out.get("sha256").asText());
    }
  }

  /**
   * Nightly runs: with nothing changed the run does no work (no Spark, no new bundle); after one
   * input file changed, only its dataset is read again and a new bundle is published.
   */
  /**
   * Render only draws what the analysis wrote: run in a separate JVM whose class path holds no
   * Spark or Scala jar, on a copy of this run's analysis tables, quarantine and ingest state, it
   * publishes a bundle whose data files equal the run's own.
   */
  /**
   * Render of a copy of the first run's analysis, in a JVM without Spark on its class path: started
   * as soon as the first run is done, so that it draws while the other tests run.
   */
  static Process startRenderWithoutSpark() throws IOException {
    for (String part : List.of("lake/analysis", "lake/quarantine", "lake/_state")) {
      try (Stream<Path> files = Files.walk(work.resolve(part))) {
        for (Path f : files.toList()) {
          Path to = renderCopy.resolve(work.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(to);
          } else {
            Files.copy(f, to);
          }
        }
      }
    }
    String full = System.getProperty("java.class.path");
    assertTrue(full.contains("/org/apache/spark/spark-sql"), "this test's class path has Spark to remove: " + full);
    String classPath = Stream.of(full.split(java.io.File.pathSeparator))
        .filter(e -> !e.contains("/org/apache/spark/") && !e.contains("/org/scala-lang/")
            && !e.contains("spark-testing-base") && !e.contains("test-classes"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    assertTrue(classPath.contains("classes"), "the product's classes are on the class path: " + classPath);
    // C1 only: a short JVM spends half its processor time compiling with C2 (see performance.md),
    // and this one only has to show that render needs no Spark.
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-cp", classPath, Main.class.getName(), "render",
        "--workdir", renderCopy.toString())
        .redirectErrorStream(true).redirectOutput(renderLog.resolve("render-output.txt").toFile()).start();
  }

  @Test
  void renderPublishesTheSameBundleWithNoSparkOnTheClassPath() throws Exception {
    Path copy = renderCopy;
    int exit = render.waitFor();
    String output = Files.readString(renderLog.resolve("render-output.txt"));
    assertEquals(0, exit, output);
    Path bundle = copy.resolve("bundles/latest").toRealPath();
    assertTrue(output.strip().endsWith(bundle.resolve("index.html").toString()), output);
    try (Stream<Path> data = Files.list(firstBundle.resolve("data"))) {
      for (Path f : data.toList()) {
        assertEquals(Files.readString(f), Files.readString(bundle.resolve("data").resolve(f.getFileName())),
            f.getFileName().toString());
      }
    }
    try (Stream<Path> before = Files.list(firstBundle.resolve("charts"));
        Stream<Path> after = Files.list(bundle.resolve("charts"))) {
      assertEquals(before.map(Path::getFileName).map(Path::toString).sorted().toList(),
          after.map(Path::getFileName).map(Path::toString).sorted().toList());
    }
  }

  @Test
  void aRunWithNothingChangedDoesNothingAndAfterOneChangedFileOnlyWhatDependsOnItIsComputedAgain() throws IOException {
    String unchanged = run("run", "--workdir", work.toString());
    assertTrue(unchanged.contains("nothing changed since bundle " + firstBundle.getFileName()), unchanged);
    List<String> history = Files.readAllLines(work.resolve("history.jsonl"));
    JsonNode first = JSON.readTree(history.get(0));
    assertEquals("published", first.get("outcome").asText(), first.toString());
    assertEquals(firstBundle.getFileName().toString(), first.get("id").asText());
    assertEquals(0, first.get("exit_code").asInt());
    List<String> steps = JSON.convertValue(first.get("steps"), new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {});
    assertEquals(List.of("generate-sample", "ingest organisations"), steps.subList(0, 2));
    assertEquals(List.of("panel", "analyze", "render"), steps.subList(steps.size() - 3, steps.size()));
    assertEquals(14, first.get("datasets").size());
    for (JsonNode d : first.get("datasets")) {
      assertEquals(d.get("rows_read").asLong(), d.get("rows_kept").asLong() + d.get("rows_quarantined").asLong());
      assertTrue(d.get("read_again").asBoolean() && d.get("rows_read").asLong() > 0, d.toString());
    }
    JsonNode nothing = JSON.readTree(history.get(history.size() - 1));
    assertEquals("nothing_changed", nothing.get("outcome").asText(), nothing.toString());
    assertEquals(firstBundle.getFileName().toString(), nothing.get("unchanged_since").asText());
    assertTrue(nothing.get("published").isNull() && nothing.get("steps").isEmpty());
    assertEquals(firstBundle, work.resolve("bundles/latest").toRealPath(), "no new bundle");
    List<String> lines = unchanged.lines().toList();
    assertEquals(firstBundle.resolve("index.html"), Path.of(lines.get(lines.size() - 1)).toRealPath());

    // Two files change: a trailing blank line in the finance file (a new file, by SHA-256, holding
    // the same rows) and one more death at one trust in 2023/24's SHMI (a real change to one
    // outcome). Both are put back afterwards: the other tests check the first bundle against the
    // landing files.
    Path finance = work.resolve("landing/finance/trust_accounts.csv");
    String original = Files.readString(finance);
    Path shmi = work.resolve("landing/shmi/SHMI_APR23_MAR24.csv");
    List<String> shmiLines = Files.readAllLines(shmi);
    String[] cells = shmiLines.get(1).split(",", -1);
    int observed = List.of(shmiLines.get(0).split(",")).indexOf("OBSERVED");
    cells[observed] = Integer.toString(Integer.parseInt(cells[observed]) + 1);
    List<String> changed = new java.util.ArrayList<>(shmiLines);
    changed.set(1, String.join(",", cells));
    Files.writeString(finance, original + "\n");
    Files.write(shmi, changed);
    try {
      String second = run("run", "--workdir", work.toString());
      assertEquals(12, second.lines().filter(l -> l.contains("unchanged since last ingest")).count(), second);
      for (String read : List.of("ingest shmi", "ingest trust_finance")) {
        assertTrue(second.lines().anyMatch(l -> l.startsWith(read) && !l.contains("unchanged")), second);
      }
      Path secondBundle = work.resolve("bundles/latest").toRealPath();
      assertNotEquals(firstBundle, secondBundle, "a new run id");
      List<String> historyLines = Files.readAllLines(work.resolve("history.jsonl"));
      JsonNode again = JSON.readTree(historyLines.get(historyLines.size() - 1));
      assertEquals(secondBundle.getFileName().toString(), again.get("published").asText(), again.toString());
      assertEquals("[\"ingest shmi\",\"ingest trust_finance\",\"panel\",\"analyze\",\"render\"]",
          again.get("steps").toString());
      assertTrue(Files.isDirectory(firstBundle), "the earlier bundle is kept");
      // Only the associations with SHMI are computed again (the finance rows are the same), only
      // the charts whose numbers moved are drawn again.
      assertTrue(second.contains("405 of 450 associations unchanged since the last analysis"), second);
      assertTrue(second.contains("charts drawn from the same numbers taken from the last bundle"), second);
      assertNotEquals(Files.readString(firstBundle.resolve("data/correlations.csv")),
          Files.readString(secondBundle.resolve("data/correlations.csv")), "SHMI's associations moved");

      // Put back: SHMI's associations and charts are computed and drawn again from the first run's
      // numbers, the rest taken from the second run; the bundle is the one the first run, which
      // computed everything, published.
      Files.writeString(finance, original);
      Files.write(shmi, shmiLines);
      String third = run("run", "--workdir", work.toString());
      assertTrue(third.contains("405 of 450 associations unchanged since the last analysis"), third);
      assertSameBundle(firstBundle, work.resolve("bundles/latest").toRealPath());
    } finally {
      Files.writeString(finance, original);
      Files.write(shmi, shmiLines);
    }
  }

  /** Every file of the two bundles is the same, byte for byte, but those that name the run and its times. */
  private static void assertSameBundle(Path expected, Path actual) throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(expected)) {
      files = walk.filter(Files::isRegularFile).map(p -> expected.relativize(p).toString()).sorted().toList();
    }
    try (Stream<Path> walk = Files.walk(actual)) {
      assertEquals(files, walk.filter(Files::isRegularFile).map(p -> actual.relativize(p).toString()).sorted().toList());
    }
    for (String f : files) {
      if (!f.equals("index.html") && !f.equals("manifest.json")) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(expected.resolve(f)),
            Files.readAllBytes(actual.resolve(f)), f);
      }
    }
  }

  /**
   * Safe to open in a spreadsheet and readable by the group: no cell of any bundle CSV begins
   * with a formula character unless it is a number, and every file is 0644.
   */
  @Test
  void noBundleCsvCellStartsAFormulaAndEveryFileIsReadable() throws IOException {
    int cells = 0;
    try (Stream<Path> files = Files.walk(firstBundle)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(f)), firstBundle.relativize(f).toString());
        if (!f.toString().endsWith(".csv")) {
          continue;
        }
        List<String> header = BundleFiles.header(f);
        for (CSVRecord r : BundleFiles.csv(f)) {
          for (int i = 0; i < r.size(); i++, cells++) {
            String cell = r.get(i);
            assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || isNumber(cell),
                () -> f.getFileName() + " line " + r.getRecordNumber() + " column " + header + ": " + cell);
          }
        }
      }
    }
    assertTrue(cells > 10_000, "cells checked: " + cells);
  }

  private static boolean isNumber(String cell) {
    try {
      Double.parseDouble(cell);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    }
  }
}
