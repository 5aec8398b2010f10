package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.CorrelationTest.assertMessage;

import org.junit.jupiter.api.Test;

/** Hand-computed checks, edge cases and argument validation for {@link Descriptive}. */
class DescriptiveTest {

  @Test
  void summaryOfOneToFour() {
    // type 7: h = 1 + 3p -> q1 at h = 1.75 (1 + 0.75), median 2.5, q3 at h = 3.25.
    assertEquals(new Summary(4, 2.5, 1, 1.75, 2.5, 3.25, 4),
        Descriptive.summarize(new double[] {4, 1, 3, 2}));
  }

  @Test
  void summaryOfOddCountHasMiddleValueAsMedian() {
    // sorted 1, 2, 10, 20, 30: h(0.25) = 2 -> 2; h(0.75) = 4 -> 20; mean 63/5.
    assertEquals(new Summary(5, 12.6, 1, 2, 10, 20, 30),
        Descriptive.summarize(new double[] {10, 30, 1, 20, 2}));
  }

  @Test
  void singleValueAndEmpty() {
    assertEquals(new Summary(1, 7, 7, 7, 7, 7, 7), Descriptive.summarize(new double[] {7}));
    double nan = Double.NaN;
    assertEquals(new Summary(0, nan, nan, nan, nan, nan, nan),
        Descriptive.summarize(new double[0]));
    assertTrue(Double.isNaN(Descriptive.mean(new double[0])));
    assertTrue(Double.isNaN(Descriptive.quantile(new double[0], 0.5)));
  }

  @Test
  void summarizeDoesNotReorderItsInput() {
    double[] v = {3, 1, 2};
    Descriptive.summarize(v);
    assertArrayEquals(new double[] {3, 1, 2}, v);
  }

  @Test
  void quantileInterpolatesLinearly() {
    double[] sorted = {10, 20, 40};
    assertEquals(10, Descriptive.quantile(sorted, 0));
    assertEquals(40, Descriptive.quantile(sorted, 1));
    assertEquals(15, Descriptive.quantile(sorted, 0.25)); // h = 1.5
    assertEquals(20, Descriptive.quantile(sorted, 0.5));
    assertEquals(36, Descriptive.quantile(sorted, 0.9), 1e-12); // h = 2.8: 0.2 * 20 + 0.8 * 40
    assertEquals(5, Descriptive.quantile(new double[] {5, 5, 5, 5}, 0.3));
  }

  @Test
  void meanIsCorrectedLikeR() {
    // sum / n gives 0.20000000000000004 and 0.10000000000000002 here; R's mean() (and the
    // two-pass correction m + sum(v - m) / n) gives the correctly rounded 0.2 and 0.1.
    assertEquals(0.2, Descriptive.mean(new double[] {0.1, 0.2, 0.3}));
    assertEquals(0.1, Descriptive.mean(new double[] {0.1, 0.1, 0.1}));
    assertEquals(0.2, Descriptive.summarize(new double[] {0.3, 0.1, 0.2}).mean());
  }

  @Test
  void nonFiniteValuesAreRejected() {
    assertMessage("Cannot summarize: v[2] is NaN",
        () -> Descriptive.summarize(new double[] {1, 2, Double.NaN}));
    assertMessage("Cannot summarize: v[0] is -Infinity",
        () -> Descriptive.summarize(new double[] {Double.NEGATIVE_INFINITY, 2}));
    assertMessage("Cannot compute a mean: v[1] is NaN",
        () -> Descriptive.mean(new double[] {1, Double.NaN}));
    assertMessage("Cannot compute a quantile: sorted[0] is NaN",
        () -> Descriptive.quantile(new double[] {Double.NaN, 1}, 0.5));
  }

  @Test
  void quantileRejectsBadProbabilityAndUnsortedInput() {
    double[] sorted = {1, 2, 3};
    for (double p : new double[] {-0.1, 1.5, Double.NaN}) {
      assertMessage("Cannot compute the quantile at probability " + p + ": it must be in [0, 1]",
          () -> Descriptive.quantile(sorted, p));
    }
    assertMessage("Cannot compute a quantile of an unsorted array: sorted[2] = 2.0 is less than "
        + "sorted[1] = 5.0", () -> Descriptive.quantile(new double[] {1, 5, 2}, 0.5));
  }

  @Test
  void nullIsRejected() {
    assertThrows(NullPointerException.class, () -> Descriptive.summarize(null));
    assertThrows(NullPointerException.class, () -> Descriptive.quantile(null, 0.5));
  }
}
