package org.staffoutcomes.stats;

/**
 * Means and centred sums of squares and cross-products of two equal-length samples, computed in
 * two passes (means first, then sums of deviations from them), which avoids the cancellation of
 * the one-pass {@code sum(x^2) - n * mean^2} form when the values are large relative to their
 * spread. With weights, the means are weighted and each term of a sum is multiplied by its
 * weight.
 *
 * @param meanX mean of x, see {@link Descriptive#mean(double[])}
 * @param meanY mean of y
 * @param sxx sum of (x_i - meanX)^2
 * @param syy sum of (y_i - meanY)^2
 * @param sxy sum of (x_i - meanX)(y_i - meanY)
 */
record CentredSums(double meanX, double meanY, double sxx, double syy, double sxy) {

  /** Computes the sums; the arrays must already have been checked (same length, finite). */
  static CentredSums of(double[] x, double[] y) {
    return of(x, y, null);
  }

  /**
   * Computes the weighted sums {@code sum w_i (x_i - meanX)^2} etc. around the weighted means
   * (see {@link Descriptive#weightedMeanOfChecked}); unweighted when {@code w} is null. The arrays
   * must already have been checked.
   */
  static CentredSums of(double[] x, double[] y, double[] w) {
    double mx = Descriptive.weightedMeanOfChecked(x, w);
    double my = Descriptive.weightedMeanOfChecked(y, w);
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      double wi = w == null ? 1 : w[i];
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxx += wi * dx * dx;
      syy += wi * dy * dy;
      sxy += wi * dx * dy;
    }
    return new CentredSums(mx, my, sxx, syy, sxy);
  }
}
