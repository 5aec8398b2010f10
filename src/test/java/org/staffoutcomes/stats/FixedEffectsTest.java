package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.staffoutcomes.stats.CorrelationTest.assertMessage;
import static org.staffoutcomes.stats.WeightedLeastSquaresTest.assertUndefined;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Properties, undefined models and argument validation for {@link FixedEffects}. */
class FixedEffectsTest {

  // 4 units x 3 years, one missing (D in 2022).
  private static final String[] UNIT = {"A", "A", "A", "B", "B", "B", "C", "C", "C", "D", "D"};
  private static final int[] TIME = {2020, 2021, 2022, 2020, 2021, 2022, 2020, 2021, 2022, 2020,
      2021};
  private static final double[] X = {1.0, 2.5, 2.0, 4.0, 3.0, 5.5, 0.5, 1.5, 3.5, 2.0, 2.2};
  private static final double[] Y = {3.1, 5.0, 4.2, 9.5, 7.9, 12.0, 2.2, 3.0, 7.5, 6.0, 6.1};
  private static final String[] NAMES = {"x"};

  private static RegressionResult fit(double[] y, double[] x, String[] unit, int[] time) {
    return FixedEffects.twoWay(y, new double[][] {x}, NAMES, unit, time);
  }

  @Test
  void unitAndTimeShiftsDoNotMoveTheEstimate() {
    RegressionResult base = fit(Y, X, UNIT, TIME);
    double[] shifted = Y.clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += 1e6 * UNIT[i].charAt(0) + 3.0 * (TIME[i] - 2020);
    }
    RegressionResult res = fit(shifted, X, UNIT, TIME);
    assertEquals(base.terms().get(0).estimate(), res.terms().get(0).estimate(), 1e-8);
    assertEquals(base.terms().get(0).se(), res.terms().get(0).se(), 1e-8);
    assertEquals(base.r2(), res.r2(), 1e-8);
  }

  @Test
  void aSingletonUnitLeavesTheEstimateButCountsInNAndG() {
    RegressionResult base = fit(Y, X, UNIT, TIME);
    RegressionResult res = fit(append(Y, 100), append(X, -7), append(UNIT, "E"),
        append(TIME, 2021));
    assertEquals(base.n() + 1, res.n());
    assertEquals(base.nGroups() + 1, res.nGroups());
    assertEquals(res.nGroups() - 1, res.dfResidual());
    assertEquals(base.terms().get(0).estimate(), res.terms().get(0).estimate(), 1e-12);
    assertEquals(base.r2(), res.r2(), 1e-12);
    // the corrections G/(G-1) (N-1)/(N-K) change with N and G
    assertNotEquals(base.terms().get(0).se(), res.terms().get(0).se());
  }

  @Test
  void rowOrderDoesNotMatter() {
    RegressionResult base = fit(Y, X, UNIT, TIME);
    int[] order = {10, 3, 7, 0, 9, 1, 5, 8, 2, 6, 4};
    RegressionResult res = fit(permute(Y, order), permute(X, order),
        Arrays.stream(order).mapToObj(i -> UNIT[i]).toArray(String[]::new),
        Arrays.stream(order).map(i -> TIME[i]).toArray());
    assertEquals(base.terms().get(0).estimate(), res.terms().get(0).estimate(), 1e-12);
    assertEquals(base.terms().get(0).se(), res.terms().get(0).se(), 1e-12);
  }

  @Test
  void undefinedModelsGiveNaN() {
    // constant within unit: absorbed by the unit effects
    double[] perUnit = {1, 1, 1, 2, 2, 2, 3, 3, 3, 5, 5};
    assertUndefined(fit(Y, perUnit, UNIT, TIME), 11, 3);
    // the year itself: absorbed by the time effects
    double[] year = Arrays.stream(TIME).asDoubleStream().toArray();
    assertUndefined(fit(Y, year, UNIT, TIME), 11, 3);
    // one unit only: no clusters to vary over
    String[] one = new String[11];
    Arrays.fill(one, "A");
    assertUndefined(FixedEffects.twoWay(Y, new double[][] {X}, NAMES, one,
        new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), 11, 0);
    // N - G - K = 4 - 2 - 2 = 0
    assertUndefined(fit(new double[] {1, 2, 4, 3}, new double[] {0.5, 1, 3, 2},
        new String[] {"A", "A", "B", "B"}, new int[] {1, 2, 1, 2}), 4, 1);
  }

  @Test
  void invalidInputIsRejectedWithCannot() {
    assertMessage("Cannot fit fixed effects: unit has 2 values but y has 11",
        () -> fit(Y, X, new String[] {"A", "B"}, TIME));
    assertMessage("Cannot fit fixed effects: time has 3 values but y has 11",
        () -> fit(Y, X, UNIT, new int[] {1, 2, 3}));
    String[] withNull = UNIT.clone();
    withNull[4] = null;
    assertMessage("Cannot fit fixed effects: unit[4] is null", () -> fit(Y, X, withNull, TIME));
    int[] twice = TIME.clone();
    twice[2] = 2021;
    assertMessage("Cannot fit fixed effects: unit A has more than one observation in period 2021",
        () -> fit(Y, X, UNIT, twice));
    double[] nan = X.clone();
    nan[5] = Double.NaN;
    assertMessage("Cannot fit fixed effects: x[5] is NaN", () -> fit(Y, nan, UNIT, TIME));
    assertMessage("Cannot fit fixed effects: predictor x has 2 values but y has 11",
        () -> fit(Y, new double[] {1, 2}, UNIT, TIME));
    assertThrows(NullPointerException.class, () -> fit(Y, X, null, TIME));
    assertThrows(NullPointerException.class, () -> fit(Y, X, UNIT, null));
  }

  private static double[] append(double[] v, double last) {
    double[] out = Arrays.copyOf(v, v.length + 1);
    out[v.length] = last;
    return out;
  }

  private static int[] append(int[] v, int last) {
    int[] out = Arrays.copyOf(v, v.length + 1);
    out[v.length] = last;
    return out;
  }

  private static String[] append(String[] v, String last) {
    String[] out = Arrays.copyOf(v, v.length + 1);
    out[v.length] = last;
    return out;
  }

  private static double[] permute(double[] v, int[] order) {
    return Arrays.stream(order).mapToDouble(i -> v[i]).toArray();
  }
}
