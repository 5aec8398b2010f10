package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.CorrelationTest.assertMessage;

import org.junit.jupiter.api.Test;

/** Edge cases and argument validation for {@link PartialCorrelation}. */
class PartialCorrelationTest {

  private static final double[] X = {1.5, 2.0, 3.5, 3.0, 5.5, 4.0, 6.5};
  private static final double[] Y = {2.0, 2.5, 2.0, 4.5, 5.0, 6.5, 6.0};
  private static final double[] Z = {1, 3, 2, 5, 4, 7, 6};

  @Test
  void withoutCovariatesItIsPearson() {
    CorrelationTest.assertSameResult(Correlation.pearson(X, Y),
        PartialCorrelation.of(X, Y, new double[0][]));
  }

  @Test
  void oneCovariateByTheClassicFormula() {
    // r_xy.z = (r_xy - r_xz r_yz) / sqrt((1 - r_xz^2)(1 - r_yz^2))
    double rxy = Correlation.pearson(X, Y).r();
    double rxz = Correlation.pearson(X, Z).r();
    double ryz = Correlation.pearson(Y, Z).r();
    double expected = (rxy - rxz * ryz) / Math.sqrt((1 - rxz * rxz) * (1 - ryz * ryz));
    CorrelationResult res = PartialCorrelation.of(X, Y, new double[][] {Z});
    assertEquals(expected, res.r(), 1e-14);
    assertEquals(7, res.n());
  }

  @Test
  void shiftingACovariateChangesNothing() {
    CorrelationResult plain = PartialCorrelation.of(X, Y, new double[][] {Z});
    double[] shifted = new double[Z.length];
    for (int i = 0; i < Z.length; i++) {
      shifted[i] = Z[i] + 1e8;
    }
    CorrelationResult res = PartialCorrelation.of(X, Y, new double[][] {shifted});
    assertEquals(plain.r(), res.r(), 1e-12);
    assertEquals(plain.p(), res.p(), 1e-12);
  }

  @Test
  void undefinedCasesGiveNaN() {
    double[] constant = {3, 3, 3, 3, 3, 3, 3};
    assertUndefined(PartialCorrelation.of(X, Y, new double[][] {Z, Z})); // duplicate column
    assertUndefined(PartialCorrelation.of(X, Y, new double[][] {constant})); // singular
    assertUndefined(PartialCorrelation.of(X, Y, new double[][] {X})); // explains x entirely
    assertUndefined(PartialCorrelation.of(X, constant, new double[][] {Z})); // constant y
    // n - 2 - k = 0
    assertUndefined(PartialCorrelation.of(new double[] {1, 2, 4}, new double[] {2, 1, 3},
        new double[][] {{0, 1, 1}}));
  }

  @Test
  void invalidInputIsRejectedWithCannot() {
    assertMessage("Cannot compute a partial correlation: x has 7 values but y has 2",
        () -> PartialCorrelation.of(X, new double[] {1, 2}, new double[0][]));
    assertMessage("Cannot compute a partial correlation: covariate 1 has 3 values but y has 7",
        () -> PartialCorrelation.of(X, Y, new double[][] {Z, {1, 2, 3}}));
    assertMessage("Cannot compute a partial correlation: covariates[0][6] is NaN",
        () -> PartialCorrelation.of(X, Y, new double[][] {{1, 2, 3, 4, 5, 6, Double.NaN}}));
    assertMessage("Cannot compute a partial correlation: y[0] is NaN", () -> PartialCorrelation
        .of(X, new double[] {Double.NaN, 1, 1, 1, 1, 1, 1}, new double[0][]));
    assertThrows(NullPointerException.class, () -> PartialCorrelation.of(X, Y, null));
  }

  private static void assertUndefined(CorrelationResult res) {
    assertTrue(Double.isNaN(res.r()) && Double.isNaN(res.p()) && Double.isNaN(res.ciLow())
        && Double.isNaN(res.ciHigh()), res.toString());
  }
}
