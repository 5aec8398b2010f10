package org.staffoutcomes.analysis;

/**
 * A straight line {@code y = intercept + slope * x}, e.g. the ordinary least squares fit the caller
 * computed with the stats package. Drawn over the range of the scatter's x values.
 */
public record FittedLine(double intercept, double slope) {

  /** The line's y at {@code x}. */
  public double at(double x) {
    return intercept + slope * x;
  }

  /** True when both coefficients are finite, so the line can be drawn. */
  public boolean isDrawable() {
    return Double.isFinite(intercept) && Double.isFinite(slope);
  }
}
