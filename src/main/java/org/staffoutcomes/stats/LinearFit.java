package org.staffoutcomes.stats;

/**
 * An ordinary least-squares line {@code y = intercept + slope * x}, from
 * {@link LeastSquares#fit(double[], double[])}. Both coefficients are NaN when the line is not
 * determined (fewer than 2 points, or all x equal).
 *
 * @param intercept fitted value at x = 0
 * @param slope change in fitted y per unit of x
 * @param n number of points the line was fitted to
 */
public record LinearFit(double intercept, double slope, int n) {

  /**
   * The fitted value at {@code x}: {@code intercept + slope * x}.
   *
   * @param x the predictor value
   * @return the point on the line above {@code x} (NaN if the fit is undefined)
   */
  public double predict(double x) {
    return intercept + slope * x;
  }
}
