package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.CorrelationTest.assertMessage;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-computed checks, undefined models and argument validation for WeightedLeastSquares. */
class WeightedLeastSquaresTest {

  private static final double[] Y = {2, 1, 4, 3, 6};
  private static final double[] X = {1, 2, 3, 4, 5};

  @Test
  void simpleRegressionByHand() {
    // x = 1..5, y = (2, 1, 4, 3, 6): Sxx = 10, Sxy = 10, slope 1, intercept 3.2 - 3 = 0.2.
    // Residuals (0.8, -1.2, 0.8, -1.2, 0.8): RSS = 4.8, s^2 = 1.6, se(slope) = sqrt(0.16) = 0.4,
    // se(intercept) = sqrt(1.6 (1/5 + 9/10)) = sqrt(1.76). R^2 = 1 - 4.8 / 14.8.
    RegressionResult res = fitX(null);
    assertEquals(List.of("x", "intercept"), names(res));
    RegressionTerm slope = res.term("x").orElseThrow();
    assertEquals(1.0, slope.estimate(), 1e-14);
    assertEquals(0.4, slope.se(), 1e-14);
    assertEquals(2.5, slope.t(), 1e-13);
    RegressionTerm intercept = res.term("intercept").orElseThrow();
    assertEquals(0.2, intercept.estimate(), 1e-14);
    assertEquals(Math.sqrt(1.76), intercept.se(), 1e-14);
    assertEquals(1 - 4.8 / 14.8, res.r2(), 1e-14);
    assertEquals(5, res.n());
    assertEquals(3, res.dfResidual());
    assertEquals(0, res.nGroups());
    assertEquals(Optional.empty(), res.term("y"));
  }

  @Test
  void equalWeightsAreOrdinaryLeastSquaresAndScaleFree() {
    RegressionResult ols = fitX(null);
    RegressionResult ones = fitX(new double[] {1, 1, 1, 1, 1});
    RegressionResult sevens = fitX(new double[] {7, 7, 7, 7, 7});
    for (int j = 0; j < 2; j++) {
      assertEquals(ols.terms().get(j).estimate(), ones.terms().get(j).estimate(), 1e-14);
      assertEquals(ols.terms().get(j).se(), sevens.terms().get(j).se(), 1e-14);
      assertEquals(ols.terms().get(j).p(), sevens.terms().get(j).p(), 1e-14);
    }
    assertEquals(ols.r2(), sevens.r2(), 1e-14);
  }

  @Test
  void integerWeightsEqualRepeatedRowsForTheEstimates() {
    // Weight 2 on the last point = that point twice (estimates only; the df differ).
    RegressionResult weighted = fitX(new double[] {1, 1, 1, 1, 2});
    RegressionResult repeated = WeightedLeastSquares.fit(new double[] {2, 1, 4, 3, 6, 6},
        new double[][] {{1, 2, 3, 4, 5, 5}}, new String[] {"x"}, null);
    assertEquals(repeated.terms().get(0).estimate(), weighted.terms().get(0).estimate(), 1e-14);
    assertEquals(repeated.terms().get(1).estimate(), weighted.terms().get(1).estimate(), 1e-14);
  }

  @Test
  void noResidualDegreesOfFreedomGiveNaN() {
    RegressionResult res = WeightedLeastSquares.fit(new double[] {1, 3},
        new double[][] {{0, 1}}, new String[] {"x"}, null);
    assertUndefined(res, 2, 0);
    assertUndefined(WeightedLeastSquares.fit(new double[0], new double[][] {new double[0]},
        new String[] {"x"}, null), 0, 0);
  }

  @Test
  void singularDesignsGiveNaN() {
    double[] constant = {4, 4, 4, 4, 4};
    double[] twice = {2, 4, 6, 8, 10};
    assertUndefined(WeightedLeastSquares.fit(Y, new double[][] {X, constant},
        new String[] {"x", "c"}, null), 5, 2);
    assertUndefined(WeightedLeastSquares.fit(Y, new double[][] {X, twice},
        new String[] {"x", "twice"}, null), 5, 2);
    // dummies for every level plus the intercept
    double[] a = {1, 1, 0, 0, 0};
    double[] b = {0, 0, 1, 1, 1};
    assertUndefined(WeightedLeastSquares.fit(Y, new double[][] {a, b},
        new String[] {"a", "b"}, new double[] {1, 2, 3, 4, 5}), 5, 2);
  }

  @Test
  void noPredictorsFitsTheWeightedMean() {
    RegressionResult res = WeightedLeastSquares.fit(Y, new double[0][], new String[0],
        new double[] {1, 1, 1, 1, 4});
    assertEquals(List.of("intercept"), names(res));
    assertEquals((2 + 1 + 4 + 3 + 24) / 8.0, res.terms().get(0).estimate(), 1e-14);
    assertTrue(Double.isNaN(res.r2()) || res.r2() == 0, "R^2 of the mean only: " + res.r2());
  }

  @Test
  void termsCannotBeModified() {
    RegressionResult res = fitX(null);
    assertThrows(UnsupportedOperationException.class, () -> res.terms().clear());
  }

  @Test
  void invalidInputIsRejectedWithCannot() {
    String[] x = {"x"};
    double[][] one = {X};
    assertMessage("Cannot fit a regression: 1 predictors but 2 names",
        () -> WeightedLeastSquares.fit(Y, one, new String[] {"x", "z"}, null));
    assertMessage("Cannot fit a regression: predictor x has 4 values but y has 5",
        () -> WeightedLeastSquares.fit(Y, new double[][] {{1, 2, 3, 4}}, x, null));
    assertMessage("Cannot fit a regression: x[2] is NaN", () -> WeightedLeastSquares.fit(Y,
        new double[][] {{1, 2, Double.NaN, 4, 5}}, x, null));
    assertMessage("Cannot fit a regression: y[0] is Infinity", () -> WeightedLeastSquares.fit(
        new double[] {Double.POSITIVE_INFINITY, 1, 1, 1, 1}, one, x, null));
    assertMessage("Cannot fit a regression: the name x is given twice",
        () -> WeightedLeastSquares.fit(Y, new double[][] {X, X}, new String[] {"x", "x"}, null));
    assertMessage("Cannot fit a regression: a predictor is named intercept, the name of the term "
        + "that is always added",
        () -> WeightedLeastSquares.fit(Y, one, new String[] {"intercept"}, null));
    assertMessage("Cannot fit a regression: weights has 2 values but y has 5",
        () -> WeightedLeastSquares.fit(Y, one, x, new double[] {1, 2}));
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertMessage("Cannot fit a regression: weights[3] is " + bad
          + "; weights must be positive and finite",
          () -> WeightedLeastSquares.fit(Y, one, x, new double[] {1, 1, 1, bad, 1}));
    }
    assertThrows(NullPointerException.class, () -> WeightedLeastSquares.fit(null, one, x, null));
    assertThrows(NullPointerException.class,
        () -> WeightedLeastSquares.fit(Y, one, new String[] {null}, null));
  }

  private static List<String> names(RegressionResult res) {
    return res.terms().stream().map(RegressionTerm::name).toList();
  }

  private static RegressionResult fitX(double[] w) {
    return WeightedLeastSquares.fit(Y, new double[][] {X}, new String[] {"x"}, w);
  }

  static void assertUndefined(RegressionResult res, int n, int df) {
    assertEquals(n, res.n());
    assertEquals(df, res.dfResidual());
    assertTrue(Double.isNaN(res.r2()), res.toString());
    for (RegressionTerm t : res.terms()) {
      assertTrue(Double.isNaN(t.estimate()) && Double.isNaN(t.se()) && Double.isNaN(t.p())
          && Double.isNaN(t.ciLow()) && Double.isNaN(t.ciHigh()), t.toString());
    }
  }
}
