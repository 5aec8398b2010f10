package org.staffoutcomes.stats;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.util.FastMath;

/**
 * Pearson and Spearman correlation tests, matching R's {@code cor.test} (Spearman with
 * {@code exact = FALSE}) and SciPy's {@code pearsonr} / {@code spearmanr}.
 *
 * <p>Inputs are paired by index. Different lengths, NaN or infinite values throw an
 * {@link IllegalArgumentException} whose message starts with "Cannot"; statistically undefined
 * results (fewer than 3 pairs, a constant sample) are returned as NaN instead.
 */
public final class Correlation {

  /** Standard normal, for the Fisher-z interval; no random generator is needed. */
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private Correlation() {}

  /**
   * Pearson's r with a 95% confidence interval; see {@link #pearson(double[], double[], double)}.
   *
   * @param x first sample
   * @param y second sample, paired with {@code x} by index
   * @return n, r, 95% interval and two-sided p
   * @throws IllegalArgumentException if the lengths differ or a value is NaN or infinite
   */
  public static CorrelationResult pearson(double[] x, double[] y) {
    return pearson(x, y, 0.95);
  }

  /**
   * Pearson's product-moment correlation with its test and interval, as R's {@code cor.test}:
   *
   * <pre>
   *   r  = Sxy / sqrt(Sxx * Syy)              (centred sums, two passes; clamped to [-1, 1])
   *   CI = tanh(atanh(r) -/+ z_{(1+level)/2} / sqrt(n - 3))      (Fisher z; NaN when n &lt;= 3)
   *   t  = r * sqrt((n - 2) / ((1 - r)(1 + r))),  p = 2 * P(T_{n-2} &lt;= -|t|)   (p = 0 if |r| = 1)
   * </pre>
   *
   * <p>{@code (1 - r)(1 + r)} is {@code 1 - r^2} written to lose less precision near |r| = 1.
   * When {@code n < 3} or x or y is constant, r, p and the interval are NaN (R gives an error or
   * NA there).
   *
   * @param x first sample
   * @param y second sample, paired with {@code x} by index
   * @param confidenceLevel level of the interval, strictly between 0 and 1 (e.g. 0.95)
   * @return n, r, interval and two-sided p
   * @throws IllegalArgumentException if the lengths differ, a value is NaN or infinite, or the
   *     level is not in (0, 1)
   */
  public static CorrelationResult pearson(double[] x, double[] y, double confidenceLevel) {
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException("Cannot compute a confidence interval at level "
          + confidenceLevel + ": the level must be strictly between 0 and 1");
    }
    Checks.paired("correlate", x, y);
    int n = x.length;
    double r = coefficient(x, y);
    return Double.isNaN(r)
        ? CorrelationResult.undefined(n)
        : tested(n, r, n - 2, n - 3, confidenceLevel);
  }

  /**
   * Weighted Pearson correlation with the test and interval of the unweighted one, on the
   * number of pairs. This is how it is defined here (there is no single standard weighted
   * {@code cor.test}):
   *
   * <pre>
   *   r  = Sxy / sqrt(Sxx * Syy),  Sxy = sum w_i (x_i - mx)(y_i - my),  mx = sum(w_i x_i) / sum w_i
   *        (R's cov.wt(cbind(x, y), wt = w, cor = TRUE)$cor[1, 2]; clamped to [-1, 1])
   *   t  = r * sqrt((n - 2) / ((1 - r)(1 + r))),  p = 2 * P(T_{n-2} &lt;= -|t|)
   *        (the t test of the slope of R's lm(y ~ x, weights = w), which equals this t)
   *   CI = tanh(atanh(r) -/+ z_0.975 / sqrt(n - 3))      (Fisher z; NaN when n &lt;= 3)
   * </pre>
   *
   * <p>n is the number of pairs, not an effective sample size: the weights only say how much
   * each pair counts relative to the others (multiplying them all by a constant changes
   * nothing). When {@code n < 3} or x or y is constant, r, p and the interval are NaN.
   *
   * @param x first sample
   * @param y second sample, paired with {@code x} by index
   * @param w weight of each pair, positive and finite
   * @return n, r, 95% interval and two-sided p
   * @throws IllegalArgumentException if the lengths differ, a value is NaN or infinite, or a
   *     weight is not positive
   */
  public static CorrelationResult weightedPearson(double[] x, double[] y, double[] w) {
    Checks.paired("correlate", x, y);
    Checks.weights("correlate", "w", w, y.length);
    int n = x.length;
    if (n < 3 || Checks.isConstant(x) || Checks.isConstant(y)) {
      return CorrelationResult.undefined(n);
    }
    return tested(n, coefficient(CentredSums.of(x, y, w)), n - 2, n - 3, 0.95);
  }

  /**
   * A coefficient with its t test and Fisher-z interval:
   *
   * <pre>
   *   t  = r * sqrt(df / ((1 - r)(1 + r))),  p = 2 * P(T_df &lt;= -|t|)        (p = 0 if |r| = 1)
   *   CI = tanh(atanh(r) -/+ z_{(1+level)/2} / sqrt(fisherN))          (NaN if fisherN &lt;= 0)
   * </pre>
   *
   * @param n number of pairs, as reported
   * @param r the coefficient, not NaN
   * @param df degrees of freedom of the t test (p is NaN when below 1)
   * @param fisherN the variance of atanh(r) is taken as {@code 1 / fisherN}
   */
  static CorrelationResult tested(int n, double r, int df, int fisherN, double level) {
    double low = Double.NaN;
    double high = Double.NaN;
    if (fisherN > 0) {
      double z = FastMath.atanh(r);
      double halfWidth =
          STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2) / Math.sqrt(fisherN);
      low = Math.tanh(z - halfWidth);
      high = Math.tanh(z + halfWidth);
    }
    return new CorrelationResult(n, r, low, high, twoSidedP(r, df));
  }

  /**
   * Spearman's rank correlation rho with the t-approximation p-value, as
   * {@code cor.test(x, y, method = "spearman", exact = FALSE)} in R and
   * {@code scipy.stats.spearmanr}:
   *
   * <pre>
   *   rho = Pearson r of ranks(x) and ranks(y)          (average ranks for ties, see ranks())
   *   t   = rho * sqrt((n - 2) / ((1 - rho)(1 + rho))),  p = 2 * P(T_{n-2} &lt;= -|t|)
   * </pre>
   *
   * <p>{@code ciLow} and {@code ciHigh} are always NaN: R's {@code cor.test} reports no confidence
   * interval for rho (the Fisher-z interval is exact only for bivariate normal data, which ranks
   * are not), so there is no standard interval to reproduce.
   *
   * @param x first sample
   * @param y second sample, paired with {@code x} by index
   * @return n, rho, NaN interval, two-sided p; rho and p NaN when n &lt; 3 or a sample is constant
   * @throws IllegalArgumentException if the lengths differ or a value is NaN or infinite
   */
  public static CorrelationResult spearman(double[] x, double[] y) {
    Checks.paired("correlate", x, y);
    int n = x.length;
    double rho = coefficient(ranks(x), ranks(y));
    return Double.isNaN(rho)
        ? CorrelationResult.undefined(n)
        : new CorrelationResult(n, rho, Double.NaN, Double.NaN, twoSidedP(rho, n - 2));
  }

  /**
   * Ranks from 1 to n, tied values sharing the mean of the ranks they span, as R's
   * {@code rank(v, ties.method = "average")} and {@code scipy.stats.rankdata}: e.g.
   * {@code [10, 20, 20, 30]} gives {@code [1, 2.5, 2.5, 4]}.
   *
   * @param v the values; not modified
   * @return the rank of each value, in the input order
   * @throws IllegalArgumentException if a value is NaN (it has no place in the order)
   */
  public static double[] ranks(double[] v) {
    Objects.requireNonNull(v, "v");
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        throw new IllegalArgumentException("Cannot rank: v[" + i + "] is NaN");
      }
    }
    Integer[] order = new Integer[v.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] ranks = new double[v.length];
    int start = 0;
    while (start < order.length) {
      int end = start + 1; // tie group is order[start .. end-1]
      while (end < order.length && v[order[end]] == v[order[start]]) {
        end++;
      }
      double averageRank = (start + 1 + end) / 2.0; // mean of 1-based ranks start+1 .. end
      for (int k = start; k < end; k++) {
        ranks[order[k]] = averageRank;
      }
      start = end;
    }
    return ranks;
  }

  /** Pearson r of checked arrays; NaN when n &lt; 3 or either sample is constant. */
  static double coefficient(double[] x, double[] y) {
    if (x.length < 3 || Checks.isConstant(x) || Checks.isConstant(y)) {
      return Double.NaN;
    }
    return coefficient(CentredSums.of(x, y));
  }

  /** {@code Sxy / sqrt(Sxx * Syy)}, clamped to [-1, 1]. */
  private static double coefficient(CentredSums s) {
    double product = s.sxx() * s.syy();
    double denominator = Double.isFinite(product) && product > 0
        ? Math.sqrt(product)
        : Math.sqrt(s.sxx()) * Math.sqrt(s.syy()); // avoids overflow/underflow of the product
    return Math.max(-1, Math.min(1, s.sxy() / denominator));
  }

  /** Two-sided p of the t test of zero correlation with {@code df} degrees of freedom. */
  private static double twoSidedP(double r, int df) {
    if (df < 1) {
      return Double.NaN;
    }
    if (Math.abs(r) == 1) {
      return 0;
    }
    double t = r * Math.sqrt(df / ((1 - r) * (1 + r)));
    return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
  }
}
