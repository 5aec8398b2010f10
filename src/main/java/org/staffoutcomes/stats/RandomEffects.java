package org.staffoutcomes.stats;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.util.FastMath;

/** Random-effects meta-analysis of correlations. */
public final class RandomEffects {

  /** Standard normal, for the interval and the p-value; no random generator is needed. */
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private RandomEffects() {}

  /**
   * Pools correlations (e.g. one per year or per trust type) with the DerSimonian-Laird
   * random-effects model on Fisher's z scale, as R's
   * {@code metafor::rma(yi = atanh(r), vi = 1 / (n - 3), method = "DL")} with {@code tanh}
   * applied to its estimate and interval:
   *
   * <pre>
   *   z_i = atanh(r_i),  v_i = 1 / (n_i - 3),  w_i = 1 / v_i
   *   Q    = sum w_i (z_i - zw)^2,  zw = sum(w_i z_i) / sum(w_i)          (Cochran's Q)
   *   tau2 = max(0, (Q - (k - 1)) / (sum w_i - sum w_i^2 / sum w_i))    (DerSimonian-Laird)
   *   w*_i = 1 / (v_i + tau2),  z = sum(w*_i z_i) / sum(w*_i),  se = 1 / sqrt(sum w*_i)
   *   estimate, ciLow, ciHigh = tanh(z), tanh(z -/+ z_0.975 se);  p = 2 * P(Z &lt;= -|z / se|)
   *   I2   = max(0, (Q - (k - 1)) / Q) * 100                         (0 when Q = 0)
   * </pre>
   *
   * <p>I^2 is metafor's {@code I2}, which for DL equals {@code 100 tau2 / (tau2 + s2)} with its
   * "typical" within-study variance s2. <b>Excluded</b> (not counted in k): entries with
   * {@code n <= 3} (no Fisher-z variance) and entries whose r is NaN. With k = 1, tau2 = Q = I2 =
   * 0 (as metafor) and the estimate is that r with its Fisher-z interval. With k = 0 every value
   * but k is NaN.
   *
   * @param r the correlations; NaN for a missing one
   * @param n the number of pairs behind each correlation
   * @return the pooled estimate on the r scale, with tau2, I2 and Q on the z scale
   * @throws IllegalArgumentException if the lengths differ, or an r is infinite or has
   *     {@code |r| >= 1} (its Fisher z would be infinite)
   */
  public static PooledEstimate derSimonianLaird(double[] r, int[] n) {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(n, "n");
    if (r.length != n.length) {
      throw new IllegalArgumentException(
          "Cannot pool correlations: r has " + r.length + " values but n has " + n.length);
    }
    int k = 0;
    double[] z = new double[r.length];
    double[] w = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      if (!Double.isNaN(r[i]) && !(Math.abs(r[i]) < 1)) {
        throw new IllegalArgumentException("Cannot pool correlations: r[" + i + "] is " + r[i]
            + "; |r| must be below 1 for a finite Fisher z");
      }
      if (n[i] > 3 && !Double.isNaN(r[i])) {
        z[k] = FastMath.atanh(r[i]);
        w[k] = n[i] - 3.0; // 1 / v_i
        k++;
      }
    }
    z = Arrays.copyOf(z, k);
    w = Arrays.copyOf(w, k);
    if (k == 0) {
      double nan = Double.NaN;
      return new PooledEstimate(0, nan, nan, nan, nan, nan, nan, nan);
    }
    double sumW = 0;
    double sumW2 = 0;
    for (int i = 0; i < k; i++) {
      sumW += w[i];
      sumW2 += w[i] * w[i];
    }
    double zw = Descriptive.weightedMeanOfChecked(z, w);
    double q = 0;
    for (int i = 0; i < k; i++) {
      double d = z[i] - zw;
      q += w[i] * d * d;
    }
    double excess = q - (k - 1);
    double tau2 = k == 1 ? 0 : Math.max(0, excess / (sumW - sumW2 / sumW));
    double i2 = excess > 0 ? excess / q * 100 : 0;
    double[] wStar = new double[k];
    double sumWStar = 0;
    for (int i = 0; i < k; i++) {
      wStar[i] = 1 / (1 / w[i] + tau2);
      sumWStar += wStar[i];
    }
    double pooled = Descriptive.weightedMeanOfChecked(z, wStar);
    double se = 1 / Math.sqrt(sumWStar);
    double half = STANDARD_NORMAL.inverseCumulativeProbability(0.975) * se;
    double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(pooled / se));
    return new PooledEstimate(k, Math.tanh(pooled), Math.tanh(pooled - half),
        Math.tanh(pooled + half), p, tau2, i2, q);
  }
}
