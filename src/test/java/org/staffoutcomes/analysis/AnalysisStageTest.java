package org.staffoutcomes.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.lake.SmallTables;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.stats.Correlation;
import org.staffoutcomes.stats.CorrelationResult;
import org.staffoutcomes.testing.SmallPanel;
import org.staffoutcomes.testing.StageFixture;

class AnalysisStageTest {

  @TempDir static Path work;
  static List<CorrelationRow> rows;
  static Map<String, CorrelationRow> byKey;

  /** The small panel written to a lake table and read back as the analyze stage reads it (no Spark). */
  @BeforeAll
  static void analyse() {
    String table = new LakePaths(work).panel();
    SmallTables.write(table, SmallPanel.LAYOUT, List.of(SmallPanel.ROWS));
    rows = Correlations.of(StageFixture.catalog(), AnalysisStage.read(table));
    byKey = rows.stream().collect(Collectors.toMap(AnalysisStageTest::key, Function.identity()));
  }

  @Test
  void thePanelReadsBackAsWrittenMissingValuesIncluded() {
    PanelTable read = AnalysisStage.read(new LakePaths(work).panel());
    PanelTable made = SmallPanel.table();
    assertEquals(made.size(), read.size());
    for (String c : List.of("engagement", "absence", "absence_lag1", "experience", "experience_lag1", "survey_year")) {
      assertArrayEquals(made.numbers(c), read.numbers(c), c);
    }
    for (int i = 0; i < made.size(); i++) {
      assertEquals(made.org(i), read.org(i));
      assertEquals(made.text("trust_type", i), read.text("trust_type", i));
    }
  }

  static String key(CorrelationRow r) {
    return String.join("|", r.staffMeasure(), r.outcome(), "" + r.lag(), r.scope(), r.year(), r.method());
  }

  @Test
  void everyGroupWithPairsHasAPearsonASpearmanAWeightedAndAPartialRow() {
    // outcome x lag x scope x year: absence lag 0 has 3 scopes x 3 years; absence lag 1 only 2019 and
    // pooled; experience has no mental-health values.
    long groups = rows.stream().map(r -> key(r).replaceAll("\\|[a-z_]+$", "")).distinct().count();
    assertEquals(9 + 6 + 6 + 4, groups);
    assertEquals(4 * groups, rows.size());
    for (String method : List.of("pearson", "spearman", "pearson_weighted", "partial")) {
      assertEquals(groups, rows.stream().filter(r -> r.method().equals(method)).count(), method);
    }
  }

  @Test
  void perYearAndPooledCoefficientsUseTheRightPairs() {
    assertMatches("engagement|absence|0|all|2019", SmallPanel.pairs(4, 5, 2019, null));
    assertMatches("engagement|absence|0|all|pooled", SmallPanel.pairs(4, 5, null, null));
    assertMatches("engagement|absence|1|all|2019", SmallPanel.pairs(4, 6, 2019, null));
    assertMatches("engagement|absence|0|Acute|pooled", SmallPanel.pairs(4, 5, null, "Acute"));
    assertMatches("engagement|experience|1|Acute|2019", SmallPanel.pairs(4, 8, 2019, "Acute"));
    assertEquals(11, byKey.get("engagement|absence|0|all|pooled|pearson").n(), "the missing engagement is left out");
  }

  @Test
  void groupsBelowTheMinimumReportNAndANoteButNoCoefficient() {
    CorrelationRow few = byKey.get("engagement|absence|0|Mental health|2019|pearson");
    assertEquals(2, few.n());
    assertTrue(Double.isNaN(few.r()) && Double.isNaN(few.p()) && Double.isNaN(few.ciLow()));
    assertEquals("fewer than 4 pairs", few.note());
  }

  @Test
  void ordinalOutcomesGetARankCorrelationOnly() {
    org.staffoutcomes.schema.Catalog ratings = org.staffoutcomes.schema.CatalogLoader.load(
        java.nio.file.Path.of("src/test/resources/stage-catalog-ratings"));
    List<Object[]> panel = new java.util.ArrayList<>();
    double[] levels = {1, 2, 3, 2, 3, 3, 4, 3, 4, 4};
    for (int i = 0; i < levels.length; i++) {
      panel.add(new Object[] {"R" + i, 2019, "Acute", (double) i, levels[i], null});
    }
    List<CorrelationRow> out = Correlations.of(ratings,
            new PanelTable(List.of(ShareStageTest.PANEL.fieldNames()), panel)).stream()
        .filter(r -> r.lag() == 0 && r.scope().equals("all") && r.year().equals("pooled")).toList();
    CorrelationRow pearson = out.stream().filter(r -> r.method().equals("pearson")).findFirst().orElseThrow();
    CorrelationRow spearman = out.stream().filter(r -> r.method().equals("spearman")).findFirst().orElseThrow();
    assertTrue(Double.isNaN(pearson.r()));
    assertEquals("ordinal outcome: rank correlation only (see spearman)", pearson.note());
    double[] x = java.util.stream.IntStream.range(0, 10).asDoubleStream().toArray();
    assertEquals(Correlation.spearman(x, levels).r(), spearman.r(), 1e-12);
  }

  @Test
  void aWeightOrCovariateThatIsNotAPanelColumnIsACatalogErrorNamingIt() {
    PanelTable panel = SmallPanel.table();
    org.staffoutcomes.schema.DescriptorException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.staffoutcomes.schema.DescriptorException.class,
        () -> new Adjustments(panel, new org.staffoutcomes.schema.AnalysisSpec("engagement", 4, 11,
            List.of("base", "clinical_share"), null)));
    assertTrue(e.getMessage().startsWith("catalog analysis.weights names 'clinical_share', which is not a panel column"),
        e.getMessage());
    new Adjustments(panel, new org.staffoutcomes.schema.AnalysisSpec("engagement", 4, 11, List.of("none"),
        List.of("trust_type", "absence"))); // an existing column is fine
  }

  private static void assertMatches(String group, double[][] xy) {
    CorrelationResult pearson = Correlation.pearson(xy[0], xy[1]);
    CorrelationResult spearman = Correlation.spearman(xy[0], xy[1]);
    CorrelationRow p = byKey.get(group + "|pearson");
    CorrelationRow s = byKey.get(group + "|spearman");
    assertEquals(xy[0].length, p.n(), group);
    assertEquals(pearson.r(), p.r(), 1e-12, group);
    assertEquals(pearson.ciLow(), p.ciLow(), 1e-12, group);
    assertEquals(pearson.ciHigh(), p.ciHigh(), 1e-12, group);
    assertEquals(pearson.p(), p.p(), 1e-12, group);
    assertEquals(spearman.r(), s.r(), 1e-12, group);
    assertEquals(spearman.p(), s.p(), 1e-12, group);
    assertTrue(Double.isNaN(s.ciLow()), "no interval is reported for Spearman");
  }
}
