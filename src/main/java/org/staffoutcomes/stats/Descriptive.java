package org.staffoutcomes.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Descriptive statistics matching R's defaults: {@code mean()}, and {@code quantile()} type 7
 * (which is also NumPy's default, {@code method="linear"}).
 *
 * <p>Nothing is ignored silently: NaN or infinite inputs are rejected with an
 * {@link IllegalArgumentException} rather than skipped (R's {@code na.rm = TRUE} is the caller's
 * job, done explicitly).
 */
public final class Descriptive {

  private Descriptive() {}

  /**
   * Mean, five-number summary and count of {@code v}.
   *
   * <p>{@code mean} as {@link #mean(double[])}; {@code min}/{@code max} the extremes;
   * {@code q1}, {@code median}, {@code q3} the type-7 quantiles at 0.25, 0.5, 0.75 (see
   * {@link #quantile(double[], double)}). An empty array gives {@code n = 0} and NaN elsewhere.
   *
   * @param v the sample, in any order; not modified
   * @return the summary
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static Summary summarize(double[] v) {
    Checks.finite("summarize", "v", v);
    if (v.length == 0) {
      double nan = Double.NaN;
      return new Summary(0, nan, nan, nan, nan, nan, nan);
    }
    double[] s = v.clone();
    Arrays.sort(s);
    return new Summary(v.length, meanOfChecked(v), s[0], type7(s, 0.25), type7(s, 0.5),
        type7(s, 0.75), s[s.length - 1]);
  }

  /**
   * Arithmetic mean by R's two-pass method: {@code m = sum(v) / n}, then
   * {@code m + sum(v_i - m) / n}, which corrects most of the rounding error of the first sum.
   *
   * @param v the sample
   * @return the mean, or NaN if {@code v} is empty
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static double mean(double[] v) {
    Checks.finite("compute a mean", "v", v);
    return meanOfChecked(v);
  }

  /**
   * Quantile of an ascending-sorted sample by R's default definition (type 7, Hyndman and Fan
   * 1996), which linearly interpolates between order statistics:
   *
   * <pre>
   *   h = 1 + (n - 1) * prob,  lo = floor(h),  hi = ceil(h)     (1-based order statistics x[k])
   *   Q(prob) = (1 - (h - lo)) * x[lo] + (h - lo) * x[hi]
   * </pre>
   *
   * so {@code Q(0)} is the minimum, {@code Q(1)} the maximum, and {@code Q(0.5)} the usual median.
   *
   * @param sorted the sample, sorted ascending (e.g. by {@link Arrays#sort(double[])}); checked
   * @param prob probability in [0, 1]
   * @return the quantile, or NaN if {@code sorted} is empty
   * @throws IllegalArgumentException if {@code prob} is outside [0, 1] or NaN, a value is NaN or
   *     infinite, or the array is not sorted ascending
   */
  public static double quantile(double[] sorted, double prob) {
    Objects.requireNonNull(sorted, "sorted");
    if (!(prob >= 0 && prob <= 1)) {
      throw new IllegalArgumentException(
          "Cannot compute the quantile at probability " + prob + ": it must be in [0, 1]");
    }
    Checks.finite("compute a quantile", "sorted", sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] < sorted[i - 1]) {
        throw new IllegalArgumentException("Cannot compute a quantile of an unsorted array: sorted["
            + i + "] = " + sorted[i] + " is less than sorted[" + (i - 1) + "] = " + sorted[i - 1]);
      }
    }
    return sorted.length == 0 ? Double.NaN : type7(sorted, prob);
  }

  /** Type-7 quantile of a checked, sorted, non-empty array, in R's exact operation order. */
  private static double type7(double[] s, double prob) {
    double index = 1 + (s.length - 1) * prob; // 1-based, as in R's quantile.default
    int lo = (int) Math.floor(index);
    int hi = (int) Math.ceil(index);
    double qs = s[lo - 1];
    double h = index - lo;
    if (h > 0 && s[hi - 1] != qs) {
      qs = (1 - h) * qs + h * s[hi - 1];
    }
    return qs;
  }

  /** The two-pass mean of an already-checked array (NaN if empty). */
  static double meanOfChecked(double[] v) {
    int n = v.length;
    if (n == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double d : v) {
      sum += d;
    }
    double m = sum / n;
    double correction = 0;
    for (double d : v) {
      correction += d - m;
    }
    return m + correction / n;
  }

  /**
   * The weighted mean {@code sum(w_i v_i) / sum(w_i)} of already-checked arrays, with a second
   * pass that adds {@code sum(w_i (v_i - m)) / sum(w_i)} as {@link #meanOfChecked} does; the plain
   * mean when {@code w} is null.
   */
  static double weightedMeanOfChecked(double[] v, double[] w) {
    if (w == null) {
      return meanOfChecked(v);
    }
    double sw = 0;
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sw += w[i];
      sum += w[i] * v[i];
    }
    double m = sum / sw;
    double correction = 0;
    for (int i = 0; i < v.length; i++) {
      correction += w[i] * (v[i] - m);
    }
    return m + correction / sw;
  }
}
