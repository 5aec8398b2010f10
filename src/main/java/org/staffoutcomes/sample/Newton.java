package org.staffoutcomes.sample;

import java.util.function.Function;

/**
 * Newton's method for two equations in two unknowns, with a forward-difference Jacobian: how the
 * generator fine-tunes two coefficients so that the drawn sample shows two target correlations.
 */
final class Newton {

  private static final double STEP = 1e-6;
  private static final double CONVERGED = 1e-10;
  private static final int ITERATIONS = 30;

  private Newton() {}

  /**
   * The {@code x} near {@code start} where both components of {@code f(x)} are within 1e-10 of 0,
   * or null when {@code f} returns null (an infeasible {@code x}), the Jacobian is singular, or 30
   * steps do not converge.
   */
  static double[] solve(Function<double[], double[]> f, double[] start) {
    double a = start[0];
    double b = start[1];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[] r = f.apply(new double[] {a, b});
      if (r == null) {
        return null;
      }
      if (Math.abs(r[0]) < CONVERGED && Math.abs(r[1]) < CONVERGED) {
        return new double[] {a, b};
      }
      double[] ra = f.apply(new double[] {a + STEP, b});
      double[] rb = f.apply(new double[] {a, b + STEP});
      if (ra == null || rb == null) {
        return null;
      }
      double j00 = (ra[0] - r[0]) / STEP;
      double j10 = (ra[1] - r[1]) / STEP;
      double j01 = (rb[0] - r[0]) / STEP;
      double j11 = (rb[1] - r[1]) / STEP;
      double det = j00 * j11 - j01 * j10;
      if (Math.abs(det) < 1e-12) {
        return null;
      }
      a -= (j11 * r[0] - j01 * r[1]) / det;
      b -= (-j10 * r[0] + j00 * r[1]) / det;
    }
    return null;
  }
}
