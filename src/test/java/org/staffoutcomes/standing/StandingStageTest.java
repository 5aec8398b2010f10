package org.staffoutcomes.standing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.DescriptorException;
import org.staffoutcomes.stats.ChangeTest;
import org.staffoutcomes.stats.FunnelLimits;

/**
 * {@link StandingStage} on a hand-made panel: which rows each view has, which test a measure gets,
 * groups kept apart, the XmR chart's marks by direction, and the funnel's latest year, target and
 * outliers.
 */
class StandingStageTest {

  static final Path CATALOG = Path.of("src/test/resources/stage-catalog-standing");
  static final List<String> COLUMNS = List.of("org_code", "survey_year", "benchmark_group", "engagement",
      "engagement_n", "speak_up", "speak_up_n", "mortality", "mortality_num", "mortality_den", "absence",
      "absence_num", "absence_den", "experience");

  static Catalog catalog;
  static Standing standing;

  @BeforeAll
  static void compute() {
    catalog = CatalogLoader.load(CATALOG);
    List<Object[]> rows = new ArrayList<>();
    // A1: twelve years of a steady engagement and mortality, then a jump in 2024.
    for (int year = 2013; year <= 2024; year++) {
      boolean last = year == 2024;
      double engagement = last ? 9.8 : year % 2 == 0 ? 7.0 : 7.6;
      double observed = last ? 160 : year % 2 == 0 ? 100 : 108;
      Double speakUp = year == 2019 ? Double.valueOf(58) : year == 2023 ? Double.valueOf(60) : last ? 66.0 : null;
      Double speakUpN = year == 2019 ? Double.valueOf(480) : year == 2023 ? Double.valueOf(500) : last ? 520.0 : null;
      rows.add(new Object[] {"A1", year, "G1", engagement, 400.0, speakUp, speakUpN, observed / 100, observed, 100.0,
          last ? (Object) 5.0 : null, last ? (Object) 50.0 : null, last ? (Object) 1000.0 : null, 7.5});
    }
    rows.add(new Object[] {"A2", 2023, "G1", 7.1, 300.0, 70.0, 300.0, 1.0, 100.0, 100.0, null, null, null, 7.0});
    rows.add(new Object[] {"A2", 2024, "G1", 7.3, 310.0, 69.0, 310.0, 1.0, 100.0, 100.0, 4.0, 40.5, 1012.5, 7.1});
    rows.add(new Object[] {"A3", 2024, "G1", 6.4, 200.0, 50.0, 200.0, 0.95, 95.0, 100.0, 4.5, 45.0, 1000.0, 6.0});
    rows.add(new Object[] {"B1", 2024, "G2", 6.8, 900.0, 55.0, 900.0, 1.3, 520.0, 400.0, 3.0, 30.0, 1000.0, 8.0});
    rows.add(new Object[] {"B2", 2024, "G2", 7.0, 800.0, 52.0, 800.0, 1.0, 2000.0, 2000.0, 3.5, 35.0, 1000.0, 7.0});
    standing = StandingStage.of(catalog, new PanelTable(COLUMNS, rows));
  }

  @Test
  void aPercentageIsTestedOnItsBaseAndFlaggedByDirection() {
    ChangeRow a1 = change("A1", "speak_up", 2024);
    ChangeTest.Result expected = ChangeTest.twoProportions(0.60, 500, 0.66, 520);
    assertEquals(60.0, a1.previousValue());
    assertEquals(2023, a1.previousYear());
    assertEquals(66.0 - 60.0, a1.change(), 1e-12);
    assertEquals(expected.p(), a1.p());
    assertTrue(a1.p() < 0.05, "p = " + a1.p());
    assertEquals("significantly better", a1.significance());
    assertEquals(66.0 - 58.0, a1.fiveYearChange(), 1e-12);
    assertEquals(ChangeTest.twoProportions(0.58, 480, 0.66, 520).p(), a1.fiveYearP());
    assertEquals("significantly better", a1.fiveYearSignificance());
    assertEquals(520.0, a1.n());
    assertEquals("no significant change", change("A2", "speak_up", 2024).significance());
    ChangeRow first = change("A3", "speak_up", 2024);
    assertEquals("not tested: no value in 2023", first.significance());
    assertTrue(Double.isNaN(first.change()) && Double.isNaN(first.p()));
  }

  @Test
  void aMeanScoreIsNotTestedForWantOfAStandardError() {
    ChangeRow e = change("A1", "engagement", 2024);
    assertEquals(9.8 - 7.6, e.change(), 1e-12);
    assertTrue(Double.isNaN(e.p()));
    assertEquals("not tested: no standard error", e.significance());
    assertEquals("not tested: no standard error", e.fiveYearSignificance());
    assertTrue(standing.changes().stream().allMatch(c -> c.measure().equals("engagement")
        || c.measure().equals("speak_up")), "changes are for staff measures only");
  }

  @Test
  void positionsRankWithinTheBenchmarkingGroupOnly() {
    PositionRow a1 = position("A1", "speak_up", 2024);
    assertEquals(3, a1.groupN());
    assertEquals(2, a1.rank());
    assertEquals(69.0, a1.groupBest());
    assertEquals(50.0, a1.groupWorst());
    assertEquals(66.0, a1.groupMedian());
    assertEquals(1, position("A2", "speak_up", 2024).quintile());
    assertEquals(5, position("A3", "speak_up", 2024).quintile());
    PositionRow b1 = position("B1", "speak_up", 2024);
    assertEquals("G2", b1.benchmarkGroup());
    assertEquals(2, b1.groupN());
    assertEquals(1, b1.rank());
    // Lower is better for mortality: the lowest ratio ranks first.
    assertEquals(1, position("A3", "mortality", 2024).rank());
    assertEquals(0.95, position("A1", "mortality", 2024).groupBest());
  }

  @Test
  void spcMarksTheJumpAsImprovementOrConcernByDirection() {
    SpcRow engagement = spc("A1", "engagement", 2024);
    assertTrue(engagement.rules().contains("beyond_limit"), engagement.rules());
    assertEquals("special cause improvement", engagement.variation());
    assertEquals("", engagement.note());
    SpcRow mortality = spc("A1", "mortality", 2024);
    assertTrue(mortality.rules().contains("beyond_limit"), mortality.rules());
    assertEquals("special cause concern", mortality.variation());
    assertEquals("common cause", spc("A1", "engagement", 2014).variation());
    assertEquals(12, standing.spc().stream().filter(r -> r.orgCode().equals("A1") && r.measure().equals("engagement"))
        .count());
    assertTrue(spc("A2", "engagement", 2024).note().startsWith("only 2 points"), spc("A2", "engagement", 2024).note());
    // The default measures: the headline and every outcome; speak_up is not charted.
    assertEquals(List.of("engagement", "mortality", "absence", "experience"),
        standing.spc().stream().map(SpcRow::measure).distinct().sorted((a, b) -> order(a) - order(b)).toList());
  }

  @Test
  void theFunnelTakesTheLatestYearAndFlagsOutliers() {
    List<FunnelRow> mortality = standing.funnels().stream().filter(f -> f.outcome().equals("mortality")).toList();
    assertEquals(5, mortality.size(), "2024 only");
    assertTrue(mortality.stream().allMatch(f -> f.year() == 2024 && f.model().equals("poisson")));
    double target = (160 + 100 + 95 + 520 + 2000) / 2700.0;
    FunnelRow b1 = mortality.stream().filter(f -> f.orgCode().equals("B1")).findFirst().orElseThrow();
    assertEquals(target, b1.target(), 1e-12);
    assertEquals(1.3, b1.value(), 1e-12);
    assertEquals(400.0, b1.denominator());
    assertEquals(FunnelLimits.limit(FunnelLimits.Model.POISSON, target, 400, 0.999), b1.upper998(), 1e-15);
    assertEquals("above 99.8% limit", b1.position());
    FunnelRow a2 = mortality.stream().filter(f -> f.orgCode().equals("A2")).findFirst().orElseThrow();
    assertEquals("within limits", a2.position());
    assertTrue(a2.lower95() < a2.value() && a2.value() < a2.upper95());
    List<FunnelRow> absence = standing.funnels().stream().filter(f -> f.outcome().equals("absence")).toList();
    FunnelRow fractional = absence.stream().filter(f -> f.orgCode().equals("A2")).findFirst().orElseThrow();
    assertEquals("not tested: denominator not a whole number", fractional.position());
    assertTrue(Double.isNaN(fractional.upper95()));
    FunnelRow whole = absence.stream().filter(f -> f.orgCode().equals("A1")).findFirst().orElseThrow();
    assertEquals(5.0, whole.value(), 1e-12, "on the measure's scale (percent)");
    assertTrue(whole.upper95() > whole.target() && whole.lower95() < whole.target());
  }

  @Test
  void theCatalogRefusesAFunnelOnAnOutcomeWithoutNumeratorOrAnUnknownModel(@TempDir Path dir) throws IOException {
    assertRefused(dir, "funnels: {experience: poisson}", "analysis.funnels names 'experience', not an outcome with a"
        + " numerator and denominator");
    assertRefused(dir, "funnels: {mortality: normal}", "analysis.funnels.mortality is 'normal': expected poisson or"
        + " binomial");
    assertRefused(dir, "spc_measures: [engagement, nothing]", "analysis.spc_measures names 'nothing', not a measure"
        + " of this catalog");
    assertRefused(dir, "spc_png: [engagement, speak_up]", "analysis.spc_png names 'speak_up', not a measure given an"
        + " XmR chart (analysis.spc_measures)");
    assertRefused(dir, "spc_measures: [speak_up]\n  spc_png: [engagement]", "analysis.spc_png names 'engagement',"
        + " not a measure given an XmR chart (analysis.spc_measures)");
    assertRefused(dir, "culture_measures: [speak_up, mortality]", "analysis.culture_measures names 'mortality', not a"
        + " staff measure of this catalog");
  }

  private static void assertRefused(Path dir, String setting, String message) throws IOException {
    Path folder = Files.createTempDirectory(dir, "catalog");
    for (Path f : Files.list(CATALOG).toList()) {
      Files.copy(f, folder.resolve(f.getFileName()));
    }
    String text = Files.readString(folder.resolve("catalog.yaml"))
        .replace("  funnels: {mortality: poisson, absence: binomial}", "  " + setting);
    Files.writeString(folder.resolve("catalog.yaml"), text);
    DescriptorException e = assertThrows(DescriptorException.class, () -> CatalogLoader.load(folder));
    assertTrue(e.getMessage().endsWith(message), e.getMessage());
  }

  private static int order(String measure) {
    return catalog.allMeasures().stream().map(m -> m.name()).toList().indexOf(measure);
  }

  private static ChangeRow change(String org, String measure, int year) {
    return standing.changes().stream().filter(c -> c.orgCode().equals(org) && c.measure().equals(measure)
        && c.year() == year).findFirst().orElseThrow();
  }

  private static PositionRow position(String org, String measure, int year) {
    return standing.positions().stream().filter(c -> c.orgCode().equals(org) && c.measure().equals(measure)
        && c.year() == year).findFirst().orElseThrow();
  }

  private static SpcRow spc(String org, String measure, int year) {
    return standing.spc().stream().filter(c -> c.orgCode().equals(org) && c.measure().equals(measure)
        && c.year() == year).findFirst().orElseThrow();
  }
}
