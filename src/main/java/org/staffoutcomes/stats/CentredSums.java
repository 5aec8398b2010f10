package org.staffoutcomes.stats;

/**
 * Means and centred sums of squares and cross-products of two equal-length samples, computed in
 * two passes (means first, then sums of deviations from them), which avoids the cancellation of
 * the one-pass {@code sum(x^2) - n * mean^2} form when the values are large relative to their
 * spread.
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
    double mx = Descriptive.meanOfChecked(x);
    double my = Descriptive.meanOfChecked(y);
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    return new CentredSums(mx, my, sxx, syy, sxy);
  }
}
