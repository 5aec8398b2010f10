package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Hand-computed checks, edge cases and argument validation for {@link Correlation}. */
class CorrelationTest {

  @Test
  void ranksAverageTies() {
    assertArrayEquals(new double[] {1, 2.5, 2.5, 4},
        Correlation.ranks(new double[] {10, 20, 20, 30}));
    assertArrayEquals(new double[] {3, 1, 2}, Correlation.ranks(new double[] {9, -1, 0.5}));
    assertArrayEquals(new double[] {2, 2, 2}, Correlation.ranks(new double[] {5, 5, 5}));
    // ties spread out in the input: 3s take ranks 3..5 -> 4, 1s take 1..2 -> 1.5
    assertArrayEquals(new double[] {4, 1.5, 4, 6, 1.5, 4},
        Correlation.ranks(new double[] {3, 1, 3, 7, 1, 3}));
    assertArrayEquals(new double[] {1.5, 1.5}, Correlation.ranks(new double[] {0.0, -0.0}));
    assertArrayEquals(new double[0], Correlation.ranks(new double[0]));
  }

  @Test
  void ranksLeaveInputUnchanged() {
    double[] v = {3, 1, 2};
    Correlation.ranks(v);
    assertArrayEquals(new double[] {3, 1, 2}, v);
  }

  @Test
  void pearsonByHandForThreePoints() {
    // centred x = (-1, 0, 1), y = (-1, 1, 0): Sxy = 1, Sxx = Syy = 2, r = 1/2.
    // t = 0.5 * sqrt(1 / 0.75) = 1/sqrt(3); with 1 df T is Cauchy:
    // p = 1 - 2 atan(1/sqrt 3) / pi = 2/3.
    CorrelationResult res = Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, 3, 2});
    assertEquals(3, res.n());
    assertEquals(0.5, res.r(), 1e-15);
    assertEquals(2.0 / 3, res.p(), 1e-12);
    assertTrue(Double.isNaN(res.ciLow()) && Double.isNaN(res.ciHigh()), "no CI when n = 3");
  }

  @Test
  void pearsonByHandForFourPoints() {
    // centred x = (-1.5, -.5, .5, 1.5), y = (-1.5, .5, -.5, 1.5): Sxy = 4, Sxx = Syy = 5, r = 0.8.
    // With 2 df, the two-sided p of t = r sqrt(2 / (1 - r^2)) is exactly 1 - |r| = 0.2.
    // CI: atanh(0.8) = ln 3, z_0.975 = 1.959963984540054, sqrt(n - 3) = 1.
    double[] x = {1, 2, 3, 4};
    double[] y = {1, 3, 2, 4};
    CorrelationResult res = Correlation.pearson(x, y);
    assertEquals(0.8, res.r(), 1e-15);
    assertEquals(0.2, res.p(), 1e-12);
    assertEquals(Math.tanh(Math.log(3) - 1.959963984540054), res.ciLow(), 1e-12);
    assertEquals(Math.tanh(Math.log(3) + 1.959963984540054), res.ciHigh(), 1e-12);
    CorrelationResult res80 = Correlation.pearson(x, y, 0.80);
    // z_0.90 = 1.2815515655446004
    assertEquals(Math.tanh(Math.log(3) - 1.2815515655446004), res80.ciLow(), 1e-12);
    assertEquals(Math.tanh(Math.log(3) + 1.2815515655446004), res80.ciHigh(), 1e-12);
  }

  @Test
  void perfectCorrelationHasExactlyUnitRAndZeroP() {
    double[] x = {1, 2, 3, 4, 5, 6};
    CorrelationResult up = Correlation.pearson(x, new double[] {3, 5, 7, 9, 11, 13});
    assertEquals(new CorrelationResult(6, 1.0, 1.0, 1.0, 0.0), up);
    CorrelationResult down = Correlation.pearson(x, new double[] {0, -1, -2, -3, -4, -5});
    assertEquals(new CorrelationResult(6, -1.0, -1.0, -1.0, 0.0), down);
  }

  @Test
  void spearmanOfMonotoneNonLinearDataIsOne() {
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {Math.exp(1), Math.exp(2), Math.exp(3), Math.exp(4), Math.exp(5)};
    CorrelationResult rho = Correlation.spearman(x, y);
    assertEquals(1.0, rho.r());
    assertEquals(0.0, rho.p());
    assertTrue(Correlation.pearson(x, y).r() < 0.95, "Pearson r is not 1 on exponential data");
  }

  @Test
  void spearmanIsPearsonOfRanksAndHasNoInterval() {
    double[] x = {1.5, 9, 2, 2, 7, 3};
    double[] y = {4, 8, 8, 1, 6, 2};
    CorrelationResult rho = Correlation.spearman(x, y);
    CorrelationResult onRanks = Correlation.pearson(Correlation.ranks(x), Correlation.ranks(y));
    assertEquals(onRanks.r(), rho.r(), 1e-15);
    assertEquals(onRanks.p(), rho.p(), 1e-15);
    assertTrue(Double.isNaN(rho.ciLow()) && Double.isNaN(rho.ciHigh()));
    assertTrue(!Double.isNaN(onRanks.ciLow()), "Pearson on the same 6 pairs does have a CI");
  }

  @Test
  void fewerThanThreePairsGiveNaNNotAnException() {
    for (double[][] xy : new double[][][] {{{}, {}}, {{1}, {2}}, {{1, 2}, {3, 5}}}) {
      for (CorrelationResult res : new CorrelationResult[] {
          Correlation.pearson(xy[0], xy[1]), Correlation.spearman(xy[0], xy[1])}) {
        assertEquals(xy[0].length, res.n());
        assertTrue(Double.isNaN(res.r()) && Double.isNaN(res.p()), res.toString());
        assertTrue(Double.isNaN(res.ciLow()) && Double.isNaN(res.ciHigh()), res.toString());
      }
    }
  }

  @Test
  void zeroVarianceGivesNaN() {
    double[] constant = {0.1, 0.1, 0.1, 0.1, 0.1};
    double[] varying = {1, 2, 3, 5, 4};
    for (CorrelationResult res : new CorrelationResult[] {
        Correlation.pearson(constant, varying), Correlation.pearson(varying, constant),
        Correlation.spearman(constant, varying), Correlation.spearman(varying, constant)}) {
      assertEquals(5, res.n());
      assertTrue(Double.isNaN(res.r()) && Double.isNaN(res.p()), res.toString());
      assertTrue(Double.isNaN(res.ciLow()) && Double.isNaN(res.ciHigh()), res.toString());
    }
  }

  @Test
  void defaultLevelIs95Percent() {
    double[] x = {1, 2, 3, 4, 5, 7};
    double[] y = {2, 1, 4, 3, 6, 5};
    assertEquals(Correlation.pearson(x, y, 0.95), Correlation.pearson(x, y));
    CorrelationResult wide = Correlation.pearson(x, y, 0.99);
    assertTrue(wide.ciLow() < Correlation.pearson(x, y).ciLow(), "99% interval is wider");
  }

  @Test
  void differentLengthsAreRejectedNamingBoth() {
    double[] three = {1, 2, 3};
    double[] four = {1, 2, 3, 4};
    assertMessage("Cannot correlate: x has 3 values but y has 4",
        () -> Correlation.pearson(three, four));
    assertMessage("Cannot correlate: x has 4 values but y has 3",
        () -> Correlation.spearman(four, three));
    assertMessage("Cannot correlate: x has 4 values but y has 3",
        () -> Correlation.pearson(four, three, 0.9));
  }

  @Test
  void nonFiniteValuesAreRejectedNamingTheIndex() {
    double[] ok = {1, 2, 3, 4};
    assertMessage("Cannot correlate: x[1] is NaN",
        () -> Correlation.pearson(new double[] {1, Double.NaN, 3, 4}, ok));
    assertMessage("Cannot correlate: y[3] is NaN",
        () -> Correlation.spearman(ok, new double[] {1, 2, 3, Double.NaN}));
    assertMessage("Cannot correlate: y[0] is Infinity",
        () -> Correlation.pearson(ok, new double[] {Double.POSITIVE_INFINITY, 2, 3, 4}));
    assertMessage("Cannot rank: v[2] is NaN",
        () -> Correlation.ranks(new double[] {1, 2, Double.NaN}));
  }

  @Test
  void confidenceLevelMustBeStrictlyBetweenZeroAndOne() {
    double[] x = {1, 2, 3, 4};
    for (double level : new double[] {0, 1, -0.5, 95, Double.NaN}) {
      assertMessage("Cannot compute a confidence interval at level " + level
          + ": the level must be strictly between 0 and 1", () -> Correlation.pearson(x, x, level));
    }
  }

  @Test
  void nullArraysAreRejected() {
    assertThrows(NullPointerException.class, () -> Correlation.pearson(null, new double[3]));
    assertThrows(NullPointerException.class, () -> Correlation.spearman(new double[3], null));
    assertThrows(NullPointerException.class, () -> Correlation.ranks(null));
  }

  @Test
  void weightedPearsonWithEqualWeightsIsPearson() {
    double[] x = {1, 2, 3, 4, 5, 7};
    double[] y = {2, 1, 4, 3, 6, 5};
    assertSameResult(Correlation.pearson(x, y),
        Correlation.weightedPearson(x, y, new double[] {3, 3, 3, 3, 3, 3}));
  }

  /** Same n, and r, p and interval to 1e-14. */
  static void assertSameResult(CorrelationResult expected, CorrelationResult actual) {
    assertEquals(expected.n(), actual.n());
    assertEquals(expected.r(), actual.r(), 1e-14);
    assertEquals(expected.p(), actual.p(), 1e-14);
    assertEquals(expected.ciLow(), actual.ciLow(), 1e-14);
    assertEquals(expected.ciHigh(), actual.ciHigh(), 1e-14);
  }

  @Test
  void weightedPearsonUndefinedCasesGiveNaN() {
    double[] w = {1, 2, 3, 4};
    for (CorrelationResult res : new CorrelationResult[] {
        Correlation.weightedPearson(new double[] {1, 2}, new double[] {3, 1}, new double[] {1, 2}),
        Correlation.weightedPearson(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}, w)}) {
      assertTrue(Double.isNaN(res.r()) && Double.isNaN(res.p()), res.toString());
    }
  }

  @Test
  void weightedPearsonRejectsBadWeights() {
    double[] x = {1, 2, 3, 4};
    assertMessage("Cannot correlate: w has 3 values but y has 4",
        () -> Correlation.weightedPearson(x, x, new double[] {1, 2, 3}));
    assertMessage("Cannot correlate: w[1] is -2.0; weights must be positive and finite",
        () -> Correlation.weightedPearson(x, x, new double[] {1, -2, 3, 4}));
    assertMessage("Cannot correlate: w[3] is NaN; weights must be positive and finite",
        () -> Correlation.weightedPearson(x, x, new double[] {1, 2, 3, Double.NaN}));
    assertMessage("Cannot correlate: w[0] is 0.0; weights must be positive and finite",
        () -> Correlation.weightedPearson(x, x, new double[] {0, 2, 3, 4}));
    assertMessage("Cannot correlate: x has 4 values but y has 3",
        () -> Correlation.weightedPearson(x, new double[] {1, 2, 3}, new double[] {1, 1, 1}));
  }

  static void assertMessage(String expected, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(expected, e.getMessage());
  }
}
