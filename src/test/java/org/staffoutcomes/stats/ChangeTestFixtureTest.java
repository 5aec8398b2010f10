package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.Fixtures.assertClose;
import static org.staffoutcomes.stats.Fixtures.num;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.stats.ChangeTest.Result;
import org.staffoutcomes.stats.ChangeTest.Significance;

/**
 * {@link ChangeTest} against base R ({@code trust-views/changes_r.csv}, see
 * {@code make_trust_view_fixtures.R}): the pooled two-proportion z-test, which the script checks
 * equals {@code prop.test(..., correct = FALSE)}, and the z-test of two means with their standard
 * errors; plus the flag and its direction.
 */
class ChangeTestFixtureTest {

  private static final List<Map<String, String>> CASES = Fixtures.read("trust-views/changes_r.csv");

  @Test
  void everyCaseMatchesR() {
    assertTrue(CASES.size() >= 12, "cases: " + CASES.size());
    for (Map<String, String> c : CASES) {
      String name = c.get("case");
      double v1 = num(c.get("value1"));
      double s1 = num(c.get("spread1"));
      double v2 = num(c.get("value2"));
      double s2 = num(c.get("spread2"));
      Result r = c.get("kind").equals("proportion") ? ChangeTest.twoProportions(v1, s1, v2, s2)
          : ChangeTest.meanDifference(v1, s1, v2, s2);
      assertClose(num(c.get("change")), r.change(), name + " change");
      assertClose(num(c.get("z")), r.z(), name + " z");
      double p = num(c.get("p"));
      assertTrue(Math.abs(r.p() - p) <= Fixtures.REL_TOL * p, name + " p: expected " + p + " but was " + r.p());
    }
  }

  @Test
  void theFlagFollowsTheMeasuresDirection() {
    Result rise = ChangeTest.twoProportions(0.63384615384615384, 650, 0.68939393939393945, 660); // p = 0.034
    assertEquals(Significance.BETTER, ChangeTest.flag(rise, true, ChangeTest.ALPHA));
    assertEquals(Significance.WORSE, ChangeTest.flag(rise, false, ChangeTest.ALPHA));
    assertEquals(Significance.NO_CHANGE, ChangeTest.flag(rise, true, 0.01));
    Result fall = ChangeTest.meanDifference(6.5, 0.01, 6.4, 0.012);
    assertEquals(Significance.WORSE, ChangeTest.flag(fall, true, ChangeTest.ALPHA));
    assertEquals(Significance.BETTER, ChangeTest.flag(fall, false, ChangeTest.ALPHA));
    assertEquals(Significance.NO_CHANGE,
        ChangeTest.flag(ChangeTest.twoProportions(0.61, 500, 0.62, 480), true, ChangeTest.ALPHA));
    assertEquals("significantly better", Significance.BETTER.label());
  }

  @Test
  void noVarianceGivesNaNNotAFlag() {
    Result none = ChangeTest.twoProportions(0, 200, 0, 180);
    assertEquals(0.0, none.change());
    assertTrue(Double.isNaN(none.z()) && Double.isNaN(none.p()));
    assertTrue(Double.isNaN(ChangeTest.twoProportions(1, 20, 1, 30).p()));
    assertTrue(Double.isNaN(ChangeTest.meanDifference(5, 0, 5.1, 0).p()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChangeTest.flag(none, true, ChangeTest.ALPHA));
    assertTrue(e.getMessage().startsWith("Cannot "), e.getMessage());
  }

  /**
   * A percentage computed as a weighted mean can exceed 100 by rounding (100.00000000000001, seen
   * in a small sample's percent score): it is the share 1, not an error; beyond rounding it is.
   */
  @Test
  void aShareBeyondItsBoundByRoundingIsTheBound() {
    Result rounded = ChangeTest.twoProportions(1, 20, 100.00000000000001 / 100, 30);
    assertEquals(0.0, rounded.change());
    assertTrue(Double.isNaN(rounded.p()), "no variance, as for two shares of exactly 1");
    assertEquals(ChangeTest.twoProportions(0.5, 100, 0, 100).p(),
        ChangeTest.twoProportions(0.5, 100, -1e-15, 100).p());
    assertThrows(IllegalArgumentException.class, () -> ChangeTest.twoProportions(1 + 1e-6, 20, 0.5, 30));
  }

  @Test
  void invalidArgumentsAreRejectedWithCannot() {
    for (Runnable call : List.<Runnable>of(
        () -> ChangeTest.twoProportions(1.2, 100, 0.5, 100),
        () -> ChangeTest.twoProportions(0.5, 0, 0.5, 100),
        () -> ChangeTest.twoProportions(0.5, 100, Double.NaN, 100),
        () -> ChangeTest.meanDifference(5, -0.1, 5, 0.1),
        () -> ChangeTest.meanDifference(Double.NaN, 0.1, 5, 0.1))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
      assertTrue(e.getMessage().startsWith("Cannot "), e.getMessage());
    }
  }
}
