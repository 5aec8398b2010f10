package org.staffoutcomes.stats;

import java.util.Objects;

/** Partial Pearson correlation of two samples given covariates. */
public final class PartialCorrelation {

  private static final String ACTION = "compute a partial correlation";

  private PartialCorrelation() {}

  /**
   * The Pearson correlation of x and y after removing from each, by ordinary least squares with
   * an intercept, what the k covariates explain:
   *
   * <pre>
   *   ex = residuals of lm(x ~ Z),  ey = residuals of lm(y ~ Z)       (Z: the k covariates)
   *   r  = cor(ex, ey)
   *   t  = r * sqrt((n - 2 - k) / ((1 - r)(1 + r))),  p = 2 * P(T_{n-2-k} &lt;= -|t|)
   *   CI = tanh(atanh(r) -/+ z_0.975 / sqrt(n - 3 - k))      (Fisher z; NaN when n - 3 - k &lt;= 0)
   * </pre>
   *
   * <p>These are the formulas of {@code ppcor::pcor.test} (Pearson), whose estimate, statistic
   * and p-value this reproduces; the interval is the usual Fisher-z interval with k fewer degrees
   * of freedom. With no covariates it is {@link Correlation#pearson(double[], double[])}. The
   * residuals come from a Householder QR of the centred covariates, so covariates with a large
   * offset (e.g. log of a base size plus a constant) keep their precision. Covariates may be
   * dummy columns (one-hot minus a reference level) as well as continuous values.
   *
   * <p><b>Undefined results are NaN (r, p and interval), not an exception:</b> when
   * {@code n - 2 - k < 1}; when the covariates are singular by R's rule (a constant column, two
   * equal columns, every dummy level including the reference, ...: see {@link HouseholderQr});
   * and when the covariates explain x or y entirely (its residuals have norm at most 1e-7 of its
   * centred norm, as if x or y were a further, aliased, covariate). Singular covariates are not
   * dropped silently: drop the column you meant to drop before calling.
   *
   * @param x first sample
   * @param y second sample, paired with {@code x} by index
   * @param covariates {@code covariates[j][i]} is covariate j for pair i; may have no columns
   * @return n, partial r, 95% interval and two-sided p
   * @throws IllegalArgumentException if a length differs or a value is NaN or infinite
   */
  public static CorrelationResult of(double[] x, double[] y, double[][] covariates) {
    Checks.paired(ACTION, x, y);
    Objects.requireNonNull(covariates, "covariates");
    int n = x.length;
    int k = covariates.length;
    double[][] z = new double[k][];
    for (int j = 0; j < k; j++) {
      Checks.column(ACTION, "covariate " + j, "covariates[" + j + "]", covariates[j], n);
      z[j] = centred(covariates[j]);
    }
    int df = n - 2 - k;
    if (df < 1) {
      return CorrelationResult.undefined(n);
    }
    double[] ex = residuals(z, x);
    double[] ey = residuals(z, y);
    if (ex == null || ey == null) {
      return CorrelationResult.undefined(n);
    }
    double r = Correlation.coefficient(ex, ey);
    return Double.isNaN(r)
        ? CorrelationResult.undefined(n)
        : Correlation.tested(n, r, df, n - 3 - k, 0.95);
  }

  /**
   * Residuals of v on the centred covariates (and an intercept); null if the covariates are
   * singular or explain v entirely.
   */
  private static double[] residuals(double[][] z, double[] v) {
    double[] vc = centred(v);
    HouseholderQr.Fit fit = HouseholderQr.fit(z, vc);
    double tolerance = HouseholderQr.TOLERANCE * HouseholderQr.TOLERANCE;
    if (!fit.fullRank(z.length) || !(fit.rss() > tolerance * HouseholderQr.sumOfSquares(vc))) {
      return null;
    }
    return fit.residuals();
  }

  private static double[] centred(double[] v) {
    double m = Descriptive.meanOfChecked(v);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] - m;
    }
    return out;
  }
}
