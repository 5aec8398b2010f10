package org.staffoutcomes.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * One coefficient of a fitted regression with its test and 95% confidence interval.
 *
 * <pre>
 *   t = estimate / se,   p = 2 * P(T_df &lt;= -|t|),   CI = estimate -/+ t_{df, 0.975} * se
 * </pre>
 *
 * where df is the model's {@link RegressionResult#dfResidual()} (n - parameters for
 * {@link WeightedLeastSquares}, clusters - 1 for {@link FixedEffects}). Every value is NaN when
 * the model is undefined (see the fitting method).
 *
 * @param name the predictor's name as given to the fit, or {@code "intercept"}
 * @param estimate the coefficient
 * @param se its standard error
 * @param t the t statistic, {@code estimate / se}
 * @param p two-sided p-value of the t test of a zero coefficient
 * @param ciLow lower bound of the 95% confidence interval
 * @param ciHigh upper bound of the 95% confidence interval
 */
public record RegressionTerm(
    String name, double estimate, double se, double t, double p, double ciLow, double ciHigh) {

  /**
   * Absolute accuracy of the t quantile (commons-math3 finds it by a solver, to 1e-9 by default,
   * which is too coarse for interval bounds near zero).
   */
  private static final double QUANTILE_ACCURACY = 1e-14;

  /** A term with estimate and standard error, tested with a t distribution of {@code df}. */
  static RegressionTerm of(String name, double estimate, double se, int df) {
    if (df < 1 || Double.isNaN(estimate) || Double.isNaN(se)) {
      return undefined(name);
    }
    TDistribution dist = new TDistribution(null, df, QUANTILE_ACCURACY);
    double t = estimate / se;
    double p = Double.isNaN(t) ? Double.NaN : 2 * dist.cumulativeProbability(-Math.abs(t));
    double half = dist.inverseCumulativeProbability(0.975) * se;
    return new RegressionTerm(name, estimate, se, t, p, estimate - half, estimate + half);
  }

  /** A term whose every value is NaN. */
  static RegressionTerm undefined(String name) {
    double nan = Double.NaN;
    return new RegressionTerm(name, nan, nan, nan, nan, nan, nan);
  }
}
