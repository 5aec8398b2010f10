package org.staffoutcomes.stats;

/**
 * The result of one correlation test between two paired samples.
 *
 * <p>Undefined quantities are {@code NaN}, never an exception: {@code r} and {@code p} when
 * {@code n < 3} or one sample is constant; the confidence bounds when {@code n <= 3} and always for
 * Spearman's rho (see {@link Correlation#spearman(double[], double[])}).
 *
 * @param n number of pairs
 * @param r the coefficient (Pearson's r or Spearman's rho), in [-1, 1]
 * @param ciLow lower bound of the confidence interval for r
 * @param ciHigh upper bound of the confidence interval for r
 * @param p two-sided p-value for the null hypothesis of zero correlation
 */
public record CorrelationResult(int n, double r, double ciLow, double ciHigh, double p) {

  /** A result for {@code n} pairs where nothing could be computed (all values NaN). */
  static CorrelationResult undefined(int n) {
    return new CorrelationResult(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
