package org.staffoutcomes.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.stats.Fixtures;

/**
 * The analysis stage's wiring against R, on a small unbalanced panel (15 trusts of two types,
 * 2018-2022 plus the outcome year after, gaps, a trust seen in one year, a suppressed score, a
 * missing base): which rows, weights, covariates and scopes each correlation, model and pool
 * uses, and which p-values form the Benjamini-Hochberg family. The panel and R's values are in
 * {@code src/test/resources/analysis-fixtures/} (its {@code make_analysis_fixtures.R} says how each
 * value is computed and how to regenerate them); the catalog is {@code stage-catalog-models}.
 * Every row the stage emits must be one R computed, and the reverse, with the same n; numbers to
 * 1e-9 relative (1e-12 absolute near zero; p-values relatively only). No Spark: the panel is built
 * directly.
 */
class ModelsFixtureTest {

  static final String STAFF = "engagement";

  static AnalysisResults results;

  @BeforeAll
  static void analyse() {
    Catalog catalog = CatalogLoader.load(Path.of("src/test/resources/stage-catalog-models"));
    results = AnalysisStage.analyse(catalog, panel(), null);
  }

  /** panel.csv as the driver would hold it: text, integer year, doubles, null when empty. */
  static PanelTable panel() {
    List<Map<String, String>> csv = read("panel.csv");
    List<String> columns = List.copyOf(csv.get(0).keySet());
    List<Object[]> rows = new ArrayList<>();
    for (Map<String, String> line : csv) {
      rows.add(columns.stream().map(c -> {
        String v = line.get(c);
        return v.isEmpty() ? null : switch (c) {
          case "org_code", "trust_type" -> v;
          case "survey_year" -> Integer.valueOf(v);
          default -> Double.valueOf(v);
        };
      }).toArray());
    }
    return new PanelTable(columns, rows);
  }

  @Test
  void everyCorrelationRowIsRsWithItsRowsWeightsAndCovariates() {
    assertRowsMatch("correlations_r.csv", List.of("staff_measure", "outcome", "lag", "scope", "year", "method"),
        results.correlations(), c -> List.of(c.staffMeasure(), c.outcome(), "" + c.lag(), c.scope(), c.year(),
            c.method()), "r", (k, e, a) -> {
          assertEquals(Long.parseLong(e.get("n")), a.n(), k + " n");
          close(e, a, k, Map.of("r", CorrelationRow::r, "ci_low", CorrelationRow::ciLow, "ci_high",
              CorrelationRow::ciHigh));
          pValues(e, a.p(), a.pAdjusted(), k);
          if (Double.isFinite(a.r()) && a.method().equals(CorrelationRow.PEARSON_WEIGHTED)) {
            assertEquals("weights: engagement_n", a.note(), k);
          }
          if (Double.isFinite(a.r()) && a.method().equals(CorrelationRow.PARTIAL)) {
            assertEquals("controls: trust type, log(engagement_n)", a.note(), k);
          }
        });
  }

  @Test
  void everyModelTermIsRs() {
    assertRowsMatch("models_r.csv", List.of("model", "staff_measure", "outcome", "lag", "scope", "term"),
        results.models(), m -> List.of(m.model(), m.staffMeasure(), m.outcome(), "" + m.lag(), m.scope(), m.term()),
        "estimate", (k, e, a) -> {
          assertEquals(Long.parseLong(e.get("n")), a.n(), k + " n");
          assertEquals(Integer.parseInt(e.get("n_groups")), a.nGroups(), k + " n_groups");
          close(e, a, k, Map.of("estimate", ModelRow::estimate, "se", ModelRow::se, "t", ModelRow::t, "ci_low",
              ModelRow::ciLow, "ci_high", ModelRow::ciHigh, "r2", ModelRow::r2));
          pValues(e, a.p(), a.pAdjusted(), k);
          assertEquals(a.model().startsWith("wls") ? "engagement_n" : "none", a.weights(), k + " weights");
        });
  }

  @Test
  void everyRandomEffectsPoolIsMetaforsOverTheYearlyPearsonRows() {
    assertRowsMatch("pooled_r.csv", List.of("staff_measure", "outcome", "lag", "scope"), results.pooled(),
        p -> List.of(p.staffMeasure(), p.outcome(), "" + p.lag(), p.scope()), "estimate", (k, e, a) -> {
          assertEquals(PooledRow.RANDOM_EFFECTS_DL, a.method(), k);
          assertEquals(Integer.parseInt(e.get("k")), a.k(), k + " k");
          close(e, a, k, Map.of("estimate", PooledRow::estimate, "ci_low", PooledRow::ciLow, "ci_high",
              PooledRow::ciHigh, "tau2", PooledRow::tau2, "i2", PooledRow::i2, "q", PooledRow::q));
          pValues(e, a.p(), a.pAdjusted(), k);
        });
    assertTrue(read("pooled_r.csv").stream().anyMatch(e -> num(e, "tau2") > 0), "some pool is heterogeneous");
  }

  @Test
  void forestRowsAreTheYearlyRsWithMetaforsPercentWeights() {
    Map<String, Map<String, String>> pooledR = byKey(read("pooled_r.csv"), "staff_measure", "outcome", "lag", "scope");
    Map<String, Map<String, String>> correlationsR = byKey(read("correlations_r.csv"),
        "staff_measure", "outcome", "lag", "scope", "year", "method");
    Map<String, List<Map<String, String>>> years = read("forest_r.csv").stream()
        .collect(Collectors.groupingBy(r -> r.get("outcome"), LinkedHashMap::new, Collectors.toList()));
    assertEquals(List.copyOf(years.keySet()), results.forests().stream().map(AnalysisResults.Forest::outcome).toList());
    for (AnalysisResults.Forest f : results.forests()) {
      assertEquals(STAFF, f.staffMeasure());
      List<Map<String, String>> e = years.get(f.outcome());
      List<ForestRow> rows = f.rows();
      assertEquals(e.size() + 2, rows.size(), f.outcome());
      long n = 0;
      for (int i = 0; i < e.size(); i++) {
        String what = f.outcome() + " " + e.get(i).get("year");
        ForestRow a = rows.get(i);
        assertEquals(ForestRow.YEAR, a.kind(), what);
        assertEquals(e.get(i).get("year"), a.label(), what);
        assertEquals(Long.parseLong(e.get(i).get("n")), a.n(), what + " n");
        assertClose(num(e.get(i), "r"), a.estimate(), what + " r");
        assertClose(num(e.get(i), "weight"), a.weight(), what + " weight (percent)");
        n += Double.isNaN(num(e.get(i), "weight")) ? 0 : a.n();
      }
      Map<String, String> trustYears = correlationsR.get(key(STAFF, f.outcome(), "0", "all", "pooled", "pearson"));
      ForestRow pooledRow = rows.get(e.size());
      assertEquals(ForestRow.POOLED_TRUST_YEAR, pooledRow.kind());
      assertClose(num(trustYears, "r"), pooledRow.estimate(), f.outcome() + " trust-year r");
      assertEquals(Long.parseLong(trustYears.get("n")), pooledRow.n(), f.outcome() + " trust-year n");
      Map<String, String> re = pooledR.get(key(STAFF, f.outcome(), "0", "all"));
      ForestRow reRow = rows.get(e.size() + 1);
      assertEquals(ForestRow.RANDOM_EFFECTS, reRow.kind());
      assertClose(num(re, "estimate"), reRow.estimate(), f.outcome() + " random effects");
      assertClose(num(re, "ci_low"), reRow.ciLow(), f.outcome() + " random effects ci_low");
      assertClose(num(re, "ci_high"), reRow.ciHigh(), f.outcome() + " random effects ci_high");
      assertEquals(n, reRow.n(), f.outcome() + " random effects n (the pooled years' pairs)");
    }
    assertTrue(years.values().stream().flatMap(List::stream).anyMatch(r -> Double.isNaN(num(r, "weight"))),
        "a year left out of a pool is drawn without a weight");
  }

  /**
   * The family: every correlation row, each model's staff-measure term, each pool. Its adjusted p
   * values are compared with R's p.adjust of that union in the tests above; here, which rows are
   * in it.
   */
  @Test
  void interceptsAndPriorOutcomeTermsAreOutsideTheFamily() {
    for (ModelRow m : results.models()) {
      String what = m.model() + " " + m.outcome() + " " + m.lag() + " " + m.scope() + " " + m.term();
      if (m.isStaffTerm()) {
        assertEquals(Double.isNaN(m.p()), Double.isNaN(m.pAdjusted()), what + ": in the family");
      } else {
        assertTrue(m.term().equals("intercept") || m.term().equals(m.outcome() + "_prev1"), what);
        assertTrue(!Double.isNaN(m.p()) && Double.isNaN(m.pAdjusted()), what + ": not in the family");
      }
    }
    long family = results.correlations().stream().filter(c -> !Double.isNaN(c.p())).count()
        + results.models().stream().filter(m -> m.isStaffTerm() && !Double.isNaN(m.p())).count()
        + results.pooled().stream().filter(p -> !Double.isNaN(p.p())).count();
    long expected = read("correlations_r.csv").stream().filter(r -> !Double.isNaN(num(r, "p"))).count()
        + read("models_r.csv").stream().filter(r -> r.get("term").equals(STAFF) && !Double.isNaN(num(r, "p"))).count()
        + read("pooled_r.csv").stream().filter(r -> !Double.isNaN(num(r, "p"))).count();
    assertEquals(expected, family, "the number of tests BH adjusts for");
  }

  @Test
  void findingsAreThePooledAllTrustPearsonRowsBelowTheRateByR() {
    List<String> expected = read("correlations_r.csv").stream()
        .filter(r -> r.get("year").equals("pooled") && r.get("scope").equals("all") && r.get("method").equals("pearson")
            && num(r, "p_adjusted") < Discoveries.RATE)
        .sorted(Comparator.comparingDouble(r -> -Math.abs(num(r, "r"))))
        .map(r -> key(r.get("outcome"), r.get("lag"))).toList();
    assertTrue(!expected.isEmpty(), "some association survives");
    assertEquals(expected, results.findings().stream().map(c -> key(c.outcome(), "" + c.lag())).toList());
  }

  /**
   * An ordinal outcome (a rating) gets Spearman only, so no random-effects pool, also when a year
   * has too few pairs (its Pearson row then says "fewer than ..." rather than "ordinal outcome").
   */
  @Test
  void ordinalOutcomesAreNotPooled() {
    Catalog ratings = CatalogLoader.load(Path.of("src/test/resources/stage-catalog-ratings"));
    List<Object[]> rows = new ArrayList<>();
    double[] levels = {1, 2, 3, 2, 3, 3, 4, 3, 4, 4};
    for (int i = 0; i < levels.length; i++) {
      rows.add(new Object[] {"R" + i, 2019, "Acute", 6.0 + i / 10.0, levels[i], null});
    }
    rows.add(new Object[] {"R0", 2020, "Acute", 6.5, 3.0, null}); // 2020: one pair, fewer than min_pairs
    PanelTable panel = new PanelTable(
        List.of("org_code", "survey_year", "trust_type", "engagement", "rating", "rating_lag1"), rows);
    AnalysisResults analysed = AnalysisStage.analyse(ratings, panel, null);
    assertTrue(analysed.correlations().stream().anyMatch(c -> c.year().equals("2020")
        && c.method().equals(CorrelationRow.PEARSON) && c.note().startsWith("fewer than")), "a small year");
    assertEquals(List.of(), analysed.pooled());
  }

  /** Checks one stage row against R's row of the same key. */
  private interface RowCheck<T> {
    void check(String key, Map<String, String> expected, T actual);
  }

  /**
   * The stage's rows and R's (file) have the same keys, both ways; each pair passes {@code check};
   * and R's rows have a finite {@code value} in scope all and in a trust type, at lag 0 and 1.
   */
  private static <T> void assertRowsMatch(String file, List<String> keyColumns, List<T> rows,
      Function<T, List<String>> rowKey, String value, RowCheck<T> check) {
    Map<String, T> actual = rows.stream().collect(Collectors.toMap(r -> String.join("|", rowKey.apply(r)),
        Function.identity()));
    Map<String, Map<String, String>> expected = byKey(read(file), keyColumns.toArray(String[]::new));
    assertEquals(expected.keySet(), actual.keySet(), file + ": the rows");
    expected.forEach((k, e) -> check.check(k, e, actual.get(k)));
    assertCovers(expected.values(), value);
  }

  /** Each named column of R's row against the stage row's value. */
  private static <T> void close(Map<String, String> expected, T actual, String key,
      Map<String, ToDoubleFunction<T>> columns) {
    columns.forEach((column, value) -> assertClose(num(expected, column), value.applyAsDouble(actual),
        key + " " + column));
  }

  /** R's {@code p} and {@code p_adjusted}. */
  private static void pValues(Map<String, String> expected, double p, double pAdjusted, String key) {
    assertPValue(num(expected, "p"), p, key + " p");
    assertPValue(num(expected, "p_adjusted"), pAdjusted, key + " p_adjusted");
  }

  /** The fixture exercises both scopes' kinds and both lags with computed values. */
  private static void assertCovers(Collection<Map<String, String>> rows, String value) {
    for (String scope : List.of("all", "Mental health")) {
      for (String lag : List.of("0", "1")) {
        assertTrue(rows.stream().anyMatch(r -> r.get("scope").equals(scope) && r.get("lag").equals(lag)
            && Double.isFinite(num(r, value))), scope + " lag " + lag);
      }
    }
  }

  private static String key(String... parts) {
    return String.join("|", parts);
  }

  private static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows, String... columns) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Map<String, String> r : rows) {
      String k = key(Arrays.stream(columns).map(r::get).toArray(String[]::new));
      assertTrue(out.put(k, r) == null, "duplicate fixture row " + k);
    }
    return out;
  }

  private static double num(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column)); // the fixtures write NaN as "NaN"
  }

  private static void assertClose(double expected, double actual, String what) {
    Fixtures.assertClose(expected, actual, what);
  }

  /** A p-value relatively only (an absolute tolerance would accept any wrong tiny p). */
  private static void assertPValue(double expected, double actual, String what) {
    Fixtures.assertPValue(expected, actual, 0, what);
  }

  private static List<Map<String, String>> read(String file) {
    return Fixtures.readResource("/analysis-fixtures/" + file);
  }
}
