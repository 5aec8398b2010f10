package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.CorrelationTest.assertMessage;

import org.junit.jupiter.api.Test;

/** Hand-computed checks, edge cases and argument validation for {@link LeastSquares}. */
class LeastSquaresTest {

  @Test
  void exactLine() {
    assertEquals(new LinearFit(1, 2, 3),
        LeastSquares.fit(new double[] {0, 1, 2}, new double[] {1, 3, 5}));
  }

  @Test
  void fitByHand() {
    // x = 1..4, y = (2, 1, 4, 3): Sxy = 3, Sxx = 5, slope 0.6, intercept 2.5 - 0.6 * 2.5 = 1.
    LinearFit fit = LeastSquares.fit(new double[] {1, 2, 3, 4}, new double[] {2, 1, 4, 3});
    assertEquals(0.6, fit.slope(), 1e-15);
    assertEquals(1.0, fit.intercept(), 1e-15);
    assertEquals(4, fit.n());
    assertEquals(1 + 0.6 * 10, fit.predict(10), 1e-13);
  }

  @Test
  void twoPointsDetermineTheLine() {
    LinearFit fit = LeastSquares.fit(new double[] {2, 4}, new double[] {1, 0});
    assertEquals(-0.5, fit.slope(), 1e-15);
    assertEquals(2.0, fit.intercept(), 1e-15);
  }

  @Test
  void undeterminedLineIsNaN() {
    for (LinearFit fit : new LinearFit[] {
        LeastSquares.fit(new double[] {3, 3, 3}, new double[] {1, 2, 3}),
        LeastSquares.fit(new double[] {1}, new double[] {1}),
        LeastSquares.fit(new double[0], new double[0])}) {
      assertTrue(Double.isNaN(fit.slope()) && Double.isNaN(fit.intercept()), fit.toString());
      assertTrue(Double.isNaN(fit.predict(1)));
    }
  }

  @Test
  void constantYGivesAFlatLine() {
    assertEquals(new LinearFit(4, 0, 3),
        LeastSquares.fit(new double[] {1, 2, 3}, new double[] {4, 4, 4}));
  }

  @Test
  void invalidInputIsRejected() {
    assertMessage("Cannot fit a line: x has 2 values but y has 3",
        () -> LeastSquares.fit(new double[] {1, 2}, new double[] {1, 2, 3}));
    assertMessage("Cannot fit a line: x[0] is NaN",
        () -> LeastSquares.fit(new double[] {Double.NaN, 2}, new double[] {1, 2}));
    assertMessage("Cannot fit a line: y[1] is Infinity",
        () -> LeastSquares.fit(new double[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY}));
  }
}
