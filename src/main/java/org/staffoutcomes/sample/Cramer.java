package org.staffoutcomes.sample;

/** Three linear equations in three unknowns by Cramer's rule (the generator's only such system). */
final class Cramer {

  private Cramer() {}

  /** {@code x} with {@code m x = v}, or null when {@code m} is (nearly) singular. */
  static double[] solve(double[][] m, double[] v) {
    double det = det(m);
    double scale = 0;
    for (double[] row : m) {
      for (double x : row) {
        scale = Math.max(scale, Math.abs(x));
      }
    }
    if (!(Math.abs(det) > 1e-12 * scale * scale * scale)) {
      return null;
    }
    double[] x = new double[3];
    for (int c = 0; c < 3; c++) {
      double[][] replaced = new double[3][];
      for (int r = 0; r < 3; r++) {
        replaced[r] = m[r].clone();
        replaced[r][c] = v[r];
      }
      x[c] = det(replaced) / det;
    }
    return x;
  }

  private static double det(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }
}
