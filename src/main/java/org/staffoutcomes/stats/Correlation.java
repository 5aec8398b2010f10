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
    if (Double.isNaN(r)) {
      return CorrelationResult.undefined(n);
    }
    double low = Double.NaN;
    double high = Double.NaN;
    if (n > 3) {
      double z = FastMath.atanh(r);
      double halfWidth = STANDARD_NORMAL.inverseCumulativeProbability((1 + confidenceLevel) / 2)
          / Math.sqrt(n - 3);
      low = Math.tanh(z - halfWidth);
      high = Math.tanh(z + halfWidth);
    }
    return new CorrelationResult(n, r, low, high, twoSidedP(r, n));
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
        : new CorrelationResult(n, rho, Double.NaN, Double.NaN, twoSidedP(rho, n));
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
  private static double coefficient(double[] x, double[] y) {
    if (x.length < 3 || Checks.isConstant(x) || Checks.isConstant(y)) {
      return Double.NaN;
    }
    CentredSums s = CentredSums.of(x, y);
    double product = s.sxx() * s.syy();
    double denominator = Double.isFinite(product) && product > 0
        ? Math.sqrt(product)
        : Math.sqrt(s.sxx()) * Math.sqrt(s.syy()); // avoids overflow/underflow of the product
    return Math.max(-1, Math.min(1, s.sxy() / denominator));
  }

  /** Two-sided p of the t test of zero correlation with n - 2 degrees of freedom. */
  private static double twoSidedP(double r, int n) {
    if (Math.abs(r) == 1) {
      return 0;
    }
    int df = n - 2;
    double t = r * Math.sqrt(df / ((1 - r) * (1 + r)));
    return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
  }
}
