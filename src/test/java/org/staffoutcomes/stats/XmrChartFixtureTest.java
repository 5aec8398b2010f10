package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.Fixtures.assertClose;
import static org.staffoutcomes.stats.Fixtures.num;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.stats.XmrChart.Rule;

/**
 * {@link XmrChart} against NHSRplotthedots' logic written out in base R
 * ({@code trust-views/spc_r.csv}): limits, and which points each Making Data Count rule marks, for
 * hand-made series that each trigger one rule, a flat and a stable series that trigger none, and
 * seeded random ones.
 */
class XmrChartFixtureTest {

  private static final Map<String, List<Map<String, String>>> CASES =
      Fixtures.byCase("trust-views/spc_r.csv", "case");

  private static final Map<Rule, String> COLUMN = Map.of(Rule.BEYOND_LIMIT, "beyond_limit", Rule.SHIFT, "shift",
      Rule.TREND, "trend", Rule.TWO_OF_THREE, "two_of_three");

  @Test
  void everySeriesMatchesR() {
    assertTrue(CASES.size() >= 12, CASES.keySet().toString());
    CASES.forEach((name, rows) -> {
      XmrChart.Chart c = chart(name);
      Map<String, String> first = rows.get(0);
      assertClose(num(first.get("mean")), c.mean(), name + " mean");
      assertClose(num(first.get("mr_mean")), c.movingRangeMean(), name + " mean moving range");
      assertClose(num(first.get("lower")), c.lowerLimit(), name + " lower limit");
      assertClose(num(first.get("upper")), c.upperLimit(), name + " upper limit");
      assertClose(num(first.get("near_lower")), c.nearLower(), name + " near lower");
      assertClose(num(first.get("near_upper")), c.nearUpper(), name + " near upper");
      for (int i = 0; i < rows.size(); i++) {
        for (Rule rule : Rule.values()) {
          assertEquals(rows.get(i).get(COLUMN.get(rule)).equals("1"), c.points().get(i).rules().contains(rule),
              name + " point " + i + " rule " + rule.word());
        }
      }
    });
  }

  @Test
  void eachRuleIsTriggeredByItsHandMadeSeries() {
    assertFires("beyond_limit", Rule.BEYOND_LIMIT);
    assertFires("shift", Rule.SHIFT);
    assertFires("trend", Rule.TREND);
    assertFires("falling_trend", Rule.TREND);
    assertFires("two_of_three", Rule.TWO_OF_THREE);
    assertFires("shift_of_six_run6", Rule.SHIFT);
  }

  @Test
  void aFlatOrStableSeriesTriggersNoRule() {
    for (String name : List.of("flat", "alternating", "shift_of_six", "trend_broken_by_tie")) {
      assertTrue(chart(name).points().stream().noneMatch(XmrChart.Point::specialCause), name);
    }
    XmrChart.Chart flat = XmrChart.of(new double[] {4.2, 4.2, 4.2, 4.2, 4.2, 4.2, 4.2, 4.2, 4.2});
    assertEquals(0.0, flat.movingRangeMean());
    assertTrue(flat.points().stream().noneMatch(XmrChart.Point::specialCause));
  }

  @Test
  void theRunLengthIsAParameter() {
    double[] six = values("shift_of_six");
    assertFalse(rulesOf(XmrChart.of(six, 7, 7)).contains(Rule.SHIFT));
    assertTrue(rulesOf(XmrChart.of(six, 6, 7)).contains(Rule.SHIFT));
    double[] rising = {3, 1, 2, 3, 4, 5, 6, 2};
    assertFalse(rulesOf(XmrChart.of(rising, 7, 7)).contains(Rule.TREND));
    XmrChart.Chart five = XmrChart.of(rising, 7, 6);
    assertEquals(EnumSet.of(Rule.TREND), five.points().get(1).rules());
    assertTrue(five.points().get(0).rules().isEmpty() && five.points().get(7).rules().isEmpty());
  }

  @Test
  void improvementIsTheBetterSideOfTheMean() {
    XmrChart.Chart c = chart("beyond_limit");
    XmrChart.Point spike = c.points().get(9);
    assertTrue(XmrChart.improvement(spike, true));
    assertFalse(XmrChart.improvement(spike, false));
  }

  @Test
  void shortSeriesAndBadInput() {
    XmrChart.Chart one = XmrChart.of(new double[] {5});
    assertTrue(Double.isNaN(one.upperLimit()) && one.points().get(0).rules().isEmpty());
    assertTrue(Double.isNaN(one.points().get(0).movingRange()));
    assertTrue(XmrChart.of(new double[0]).points().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> XmrChart.of(new double[] {1, 2}, 1, 7));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> XmrChart.of(new double[] {1, Double.NaN}));
    assertEquals("Cannot draw an XmR chart: values[1] is NaN", e.getMessage());
  }

  private static void assertFires(String name, Rule rule) {
    assertTrue(rulesOf(chart(name)).contains(rule), name + " should trigger " + rule.word());
  }

  private static Set<Rule> rulesOf(XmrChart.Chart c) {
    Set<Rule> all = EnumSet.noneOf(Rule.class);
    c.points().forEach(p -> all.addAll(p.rules()));
    return all;
  }

  private static XmrChart.Chart chart(String name) {
    Map<String, String> first = CASES.get(name).get(0);
    return XmrChart.of(values(name), Integer.parseInt(first.get("shift_length")),
        Integer.parseInt(first.get("trend_length")));
  }

  private static double[] values(String name) {
    return CASES.get(name).stream().mapToDouble(r -> num(r.get("value"))).toArray();
  }
}
