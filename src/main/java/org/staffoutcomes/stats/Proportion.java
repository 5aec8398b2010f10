package org.staffoutcomes.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Proportions with confidence intervals, and quintile groups, matching R: the Wilson score
 * interval of {@code prop.test(x, n, correct = FALSE)}, and the quintiles of
 * {@code cut(x, quantile(x, c(0, .2, .4, .6, .8, 1)), include.lowest = TRUE)}.
 *
 * <p>Invalid arguments throw an {@link IllegalArgumentException} whose message starts with
 * "Cannot"; a proportion of zero trials is returned as NaN instead.
 */
public final class Proportion {

  /** Standard normal, for the interval's z; no random generator is needed. */
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /** The probabilities of the four cut points between quintiles. */
  private static final double[] QUINTILE_CUTS = {0.2, 0.4, 0.6, 0.8};

  private Proportion() {}

  /**
   * A proportion with its confidence interval.
   *
   * @param successes number of successes (e.g. trusts rated Good or Outstanding)
   * @param n number of trials (e.g. trusts in the group)
   * @param share {@code successes / n}, in [0, 1]; NaN when {@code n = 0}
   * @param ciLow lower bound of the confidence interval; NaN when {@code n = 0}
   * @param ciHigh upper bound of the confidence interval; NaN when {@code n = 0}
   */
  public record ProportionResult(long successes, long n, double share, double ciLow,
      double ciHigh) {}

  /**
   * The share {@code successes / n} with the Wilson score interval without continuity
   * correction, as R's {@code prop.test(successes, n, conf.level = confidence, correct = FALSE)}
   * (its {@code estimate} and {@code conf.int}):
   *
   * <pre>
   *   p = successes / n,  z = z_{(1+confidence)/2},  c = z^2 / (2n)
   *   low  = (p + c - z * sqrt(p(1-p)/n + c/(2n))) / (1 + 2c)      (exactly 0 when p = 0)
   *   high = (p + c + z * sqrt(p(1-p)/n + c/(2n))) / (1 + 2c)      (exactly 1 when p = 1)
   * </pre>
   *
   * <p>Unlike the Wald interval it stays inside [0, 1] and is not empty at 0 or n successes. With
   * {@code n = 0} the share and both bounds are NaN (R's {@code prop.test} refuses n = 0).
   *
   * @param successes number of successes, 0 to {@code n}
   * @param n number of trials, 0 or more
   * @param confidence level of the interval, strictly between 0 and 1 (e.g. 0.95)
   * @return successes, n, share and interval
   * @throws IllegalArgumentException if {@code n < 0}, {@code successes} is outside [0, n], or the
   *     level is not in (0, 1)
   */
  public static ProportionResult wilson(long successes, long n, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("Cannot compute a confidence interval at level "
          + confidence + ": the level must be strictly between 0 and 1");
    }
    if (n < 0) {
      throw new IllegalArgumentException(
          "Cannot compute a proportion of " + n + " trials: n must not be negative");
    }
    if (successes < 0 || successes > n) {
      throw new IllegalArgumentException("Cannot compute a proportion of " + successes
          + " successes in " + n + " trials: successes must be between 0 and n");
    }
    if (n == 0) {
      return new ProportionResult(successes, n, Double.NaN, Double.NaN, Double.NaN);
    }
    double nd = n;
    double p = successes / nd;
    double z = STANDARD_NORMAL.inverseCumulativeProbability((1 + confidence) / 2);
    // R's operation order (stats:::prop.test, k = 1, YATES = 0), including its clamps at 0 and 1.
    double z22n = z * z / (2 * nd);
    double root = z * Math.sqrt(p * (1 - p) / nd + z22n / (2 * nd));
    double high = p >= 1 ? 1 : (p + z22n + root) / (1 + 2 * z22n);
    double low = p <= 0 ? 0 : (p + z22n - root) / (1 + 2 * z22n);
    return new ProportionResult(successes, n, p, low, high);
  }

  /**
   * The quintile, 1 (lowest fifth) to 5 (highest fifth), of each value, with R's type-7 quantiles
   * (see {@link Descriptive#quantile(double[], double)}) at 0.2, 0.4, 0.6, 0.8 as cut points
   * q20 &lt;= q40 &lt;= q60 &lt;= q80:
   *
   * <pre>
   *   x &lt;= q20 -&gt; 1,  q20 &lt; x &lt;= q40 -&gt; 2,  q40 &lt; x &lt;= q60 -&gt; 3,  q60 &lt; x &lt;= q80 -&gt; 4,
   *   x &gt; q80 -&gt; 5
   * </pre>
   *
   * <p><b>Ties:</b> the groups are closed on the right, so a value equal to a cut point belongs to
   * the lower quintile, and equal values always share a quintile. This is R's
   * {@code cut(x, quantile(x, c(0, .2, .4, .6, .8, 1)), include.lowest = TRUE, labels = FALSE)}.
   * Put generally, the quintile is 1 + the number of cut points strictly below x, which is also
   * defined when ties make two cut points equal (where R's {@code cut} stops with "'breaks' are
   * not unique"): e.g. if q20 = q40, quintile 2 is empty, and the values equal to them are in
   * quintile 1. It equals R's {@code findInterval(x, c(q20, q40, q60, q80), left.open = TRUE) + 1}.
   * Because of ties the quintiles need not hold a fifth of the values each.
   *
   * @param x the values, in any order; not modified
   * @return the quintile of each value, in the order of {@code x}; empty if {@code x} is empty
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static int[] quintiles(double[] x) {
    Checks.finite("assign quintiles", "x", x);
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double[] cuts = new double[QUINTILE_CUTS.length];
    for (int k = 0; k < cuts.length; k++) {
      cuts[k] = Descriptive.quantile(sorted, QUINTILE_CUTS[k]);
    }
    int[] quintile = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      int q = 1;
      for (double cut : cuts) {
        if (x[i] > cut) {
          q++;
        }
      }
      quintile[i] = q;
    }
    return quintile;
  }
}
