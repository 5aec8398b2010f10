package org.staffoutcomes.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.testing.SparkTestBase;
import org.staffoutcomes.testing.StageFixture;

class PanelStageTest extends SparkTestBase {

  @TempDir static Path work;
  static PanelStage.Panel panel;
  static Map<String, Map<String, Object>> previous;

  /** The fixtures ingested with Spark; the panels built from the lake without it. */
  @BeforeAll
  static void buildPanel() throws IOException {
    Path landing = StageFixture.write(work.resolve("landing"));
    Catalog catalog = StageFixture.catalog();
    panel = PanelStage.build(catalog, PanelRows.ingested(spark, catalog, landing, work));
    previous = previousPeriodPanel(work.resolve("previous"));
  }

  /**
   * Survey years 2019-2021. RAA has every experience score from 2018 and a rating in force before
   * the first survey year; RGG has no score before 2019 and none in 2020 (a gap); RXA and RXB
   * merge into RXC in 2020 (restated), each with a rating in force at the end of March 2019.
   */
  private static Map<String, Map<String, Object>> previousPeriodPanel(Path root) throws IOException {
    Path landing = root.resolve("landing");
    Files.createDirectories(landing.resolve("staff"));
    Files.writeString(landing.resolve("staff/staff_2019.csv"), """
        code,year,engagement,base,group
        RAA,2019,7.0,100,
        RGG,2019,7.0,50,
        RXA,2019,6.0,100,
        RXB,2019,8.0,300,
        """);
    Files.writeString(landing.resolve("staff/staff_2020.csv"),
        "code,year,engagement,base,group\nRAA,2020,7.1,100,\nRGG,2020,7.1,50,\nRXC,2020,7.5,400,\n");
    Files.writeString(landing.resolve("staff/staff_2021.csv"),
        "code,year,engagement,base,group\nRAA,2021,7.2,100,\nRGG,2021,7.2,50,\nRXC,2021,7.6,400,\n");
    Files.writeString(landing.resolve("succ.csv"),
        "OLD_CODE,NEW_CODE,REASON,EFFECTIVE_DATE\nRXA,RXC,merger,2020-04-01\nRXB,RXC,merger,2020-04-01\n");
    Files.writeString(landing.resolve("experience_2018.csv"), "code,score\nRAA,8.0\n");
    Files.writeString(landing.resolve("experience_2019.csv"), "code,score\nRAA,8.1\nRGG,6.0\nRXA,7.0\nRXB,9.0\n");
    Files.writeString(landing.resolve("experience_2020.csv"), "code,score\nRAA,8.2\nRXC,8.5\n");
    Files.writeString(landing.resolve("experience_2021.csv"), "code,score\nRAA,8.3\nRGG,6.2\nRXC,8.6\n");
    Files.writeString(landing.resolve("ratings.csv"), """
        code,domain,rating,published
        RAA,Overall,Inadequate,01/01/2019
        RAA,Overall,Good,15/06/2019
        RXA,Overall,Good,01/06/2018
        RXB,Overall,Outstanding,01/02/2019
        """);
    Catalog catalog = CatalogLoader.load(Path.of("src/test/resources/stage-catalog-previous"));
    return new TreeMap<>(PanelRows.byKey(PanelStage.build(catalog, PanelRows.ingested(spark, catalog, landing, root))));
  }

  private static Object value(String key, String column) {
    Object v = previous.get(key).get(column);
    return v == null ? null : ((Number) v).doubleValue();
  }

  @Test
  void theOutcomeOfTheYearBeforeStandsBesideTheOneOfTheYearAfter() {
    assertEquals(List.of("experience", "experience_periods", "experience_lag1", "experience_prev1",
        "rating", "rating_periods", "rating_lag1", "rating_prev1"),
        List.copyOf(previous.get("RAA2020").keySet()).subList(10, 18));
    assertEquals(8.1, value("RAA2020", "experience_prev1"));
    assertEquals(8.2, value("RAA2021", "experience_prev1"));
    assertEquals(3.0, value("RAA2020", "rating_prev1"), "the Good of June 2019, in force at the end of March 2020");
  }

  @Test
  void theFirstSurveyYearLooksBackWhereTheDataReachAndIsEmptyWhereTheyDoNot() {
    assertEquals(8.0, value("RAA2019", "experience_prev1"), "the 2018 score");
    assertEquals(1.0, value("RAA2019", "rating_prev1"), "the Inadequate in force at the end of March 2019");
    assertNull(value("RGG2019", "experience_prev1"), "no score before 2019");
    assertNull(value("RGG2019", "rating_prev1"));
    // The rating in force before the first survey year fills its column on the row the 2018 score
    // makes, and makes no row where there is none (RXC 2018). (The ratings in force after the last
    // survey year make rows, for the lag, as before.)
    assertEquals(1.0, value("RAA2018", "rating"));
    assertEquals(java.util.Set.of("RAA2018", "RAA2019", "RAA2020", "RAA2021", "RAA2022", "RGG2019", "RGG2020",
        "RGG2021", "RXC2019", "RXC2020", "RXC2021", "RXC2022"), previous.keySet());
  }

  @Test
  void aYearWithoutAValueLeavesTheNextYearsPreviousPeriodEmpty() {
    assertEquals(6.0, value("RGG2020", "experience_prev1"));
    assertNull(value("RGG2020", "experience"));
    assertNull(value("RGG2021", "experience_prev1"), "no 2020 score: not the 2019 one");
    assertEquals(6.2, value("RGG2021", "experience"));
  }

  @Test
  void aMergedTrustsPreviousPeriodIsItsRestatedSeriesLikeItsLag() {
    assertEquals(8.0, value("RXC2019", "experience"), "RXA and RXB combined");
    assertEquals(8.0, value("RXC2020", "experience_prev1"));
    assertEquals(8.5, value("RXC2019", "experience_lag1"));
    assertEquals(8.5, value("RXC2021", "experience_prev1"));
    assertEquals(4.0, value("RXC2019", "rating_prev1"), "RXB's Outstanding, the latest of either in force in March 2019");
    assertNull(value("RXC2019", "experience_prev1"));
    // Everywhere: a row's previous period is the year before's value, its lag the year after's.
    for (Map.Entry<String, Map<String, Object>> e : previous.entrySet()) {
      String org = e.getKey().substring(0, 3);
      int year = Integer.parseInt(e.getKey().substring(3));
      for (String m : List.of("experience", "rating")) {
        if (previous.containsKey(org + (year - 1))) {
          assertEquals(value(org + (year - 1), m), value(e.getKey(), PanelColumns.previous(m, 1)), e.getKey() + " " + m);
          assertEquals(value(e.getKey(), m), value(org + (year - 1), PanelColumns.lagged(m, 1)), e.getKey() + " " + m);
        }
      }
    }
  }

  @Test
  void columnsAreKeyAttributesThenEachMeasureWithItsCountsAndLag() {
    assertEquals(List.of("org_code", "survey_year", "org_name", "trust_type", "benchmark_group", "region", "succession",
        "engagement", "engagement_n", "engagement_suppressed",
        "absence", "absence_num", "absence_den", "absence_periods", "absence_lag1", "absence_prev1",
        "experience", "experience_periods", "experience_lag1", "experience_prev1"), panel.columns());
  }

  @Test
  void oneRowPerOrganisationYearWithRatesFromSummedCountsAndOutcomesOneYearLater() {
    List<Object[]> expected = List.of(
        // FY2019/20 absence = (10 + 60) / (100 + 300), not the mean of the monthly rates (15%);
        // lag 1 = FY2020/21 = (5 + 15) / (100 + 100). March 2020 counts for 2019, April 2020 for 2020.
        new Object[] {"RAA", 2019, "Alpha Hospital", "Acute", "Acute 2019", "Nowhere", "", 7.0, 1000.0, false,
            17.5, 70.0, 400.0, 2, 10.0, null, 8.1, 1, 8.3, null},
        // Previous periods: FY2019/20 absence and the 2019 experience score.
        new Object[] {"RAA", 2020, "Alpha Hospital", "Acute", "Acute 2020", "Nowhere", "", 7.2, 1100.0, false,
            10.0, 20.0, 200.0, 2, null, 17.5, 8.3, 1, null, 8.1},
        // The staff row has no group: the reference's applies. No base: the plain value, n missing.
        new Object[] {"RBB", 2019, "Beta, Mental Health", "Mental health", "MH", "Nowhere", "", 3.82666666666667, 1142.0, false,
            1.0, 1.0, 100.0, 1, null, null, 7.9, 1, null, null},
        new Object[] {"RBB", 2020, "Beta, Mental Health", "Mental health", "MH", "Nowhere", "", 6.6, null, false,
            null, null, null, null, null, 1.0, null, null, null, 7.9});
    // RCC 2019's staff row was quarantined; RCC 2020 rests on 10 respondents: suppressed, marked.
    //   (its row is checked in the next test)
    List<Object[]> actual = panel.rows().stream().filter(r -> !"RCC".equals(r[0])).toList();
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      PanelRows.assertRow(expected.get(i), actual.get(i), 1e-12);
    }
  }

  @Test
  void scoresOnFewerThanElevenRespondentsAreSuppressedAndMarked() {
    List<Map<String, Object>> rcc = PanelRows.byKey(panel).values().stream()
        .filter(r -> "RCC".equals(r.get("org_code"))).toList();
    assertEquals(1, rcc.size(), "RCC 2019 was quarantined; 2020 has a row");
    assertEquals(2020, rcc.get(0).get("survey_year"));
    assertNull(rcc.get(0).get("engagement"), "value withheld");
    assertEquals(10.0, (double) rcc.get(0).get("engagement_n"), "the base stays visible");
    assertTrue((boolean) rcc.get(0).get("engagement_suppressed"));
  }

  @Test
  void aSingleWeightedValueIsKeptToTheLastBit() {
    // 3.82666666666667 * 1142 / 1142 is not 3.82666666666667 in floating point; ties between trusts
    // with equal published values must survive for Spearman's ranks.
    assertEquals(3.82666666666667, (double) PanelRows.byKey(panel).get("RBB2019").get("engagement"), 0.0);
  }
}
