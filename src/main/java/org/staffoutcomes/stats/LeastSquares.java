package org.staffoutcomes.stats;

/** Ordinary least-squares regression of y on x, e.g. for the fitted line on a scatter chart. */
public final class LeastSquares {

  private LeastSquares() {}

  /**
   * Fits {@code y = intercept + slope * x} by ordinary least squares (as R's {@code lm(y ~ x)}):
   *
   * <pre>
   *   slope     = Sxy / Sxx = sum((x_i - mean x)(y_i - mean y)) / sum((x_i - mean x)^2)
   *   intercept = mean y - slope * mean x
   * </pre>
   *
   * with the sums centred in two passes, so data with a large offset (e.g. values near 1e9 with
   * unit spread) keep their precision.
   *
   * @param x predictor values
   * @param y response values, paired with {@code x} by index
   * @return the fitted line; intercept and slope are NaN when {@code n < 2} or all x are equal
   * @throws IllegalArgumentException if the lengths differ or a value is NaN or infinite
   */
  public static LinearFit fit(double[] x, double[] y) {
    Checks.paired("fit a line", x, y);
    int n = x.length;
    if (n < 2 || Checks.isConstant(x)) {
      return new LinearFit(Double.NaN, Double.NaN, n);
    }
    CentredSums s = CentredSums.of(x, y);
    double slope = s.sxy() / s.sxx();
    return new LinearFit(s.meanY() - slope * s.meanX(), slope, n);
  }
}
