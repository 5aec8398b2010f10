package org.staffoutcomes.stats;

import java.util.Arrays;

/**
 * Least squares {@code min ||y - A b||} by a Householder QR decomposition of {@code A}, with the
 * aliasing rule of R's {@code lm} (LINPACK {@code dqrdc2}, {@code tol = 1e-7}): the columns are
 * taken in the given order, and a column whose part orthogonal to the columns kept before it has
 * a norm of at most {@code 1e-7} times its own norm is aliased (left out) instead of pivoted on.
 * A column of zeros is always aliased.
 *
 * <p>The callers centre (and weight) the columns first, so the decomposition never sees a large
 * common offset. Residuals are computed directly as {@code y - A b} on the given columns.
 */
final class HouseholderQr {

  /** R's default {@code tol} for {@code qr()} and {@code lm()}. */
  static final double TOLERANCE = 1e-7;

  private HouseholderQr() {}

  /**
   * A least-squares solution over the columns that are not aliased.
   *
   * @param kept indices (into the given columns) of the columns used, ascending
   * @param coefficients coefficient of each kept column, in the order of {@code kept}
   * @param rInverse inverse of the upper-triangular R over the kept columns; {@code (A'A)^-1 =
   *     rInverse rInverse'}
   * @param residuals {@code y - A b}
   */
  record Fit(int[] kept, double[] coefficients, double[][] rInverse, double[] residuals) {

    /** True when every given column was kept. */
    boolean fullRank(int columns) {
      return kept.length == columns;
    }

    /** Residual sum of squares. */
    double rss() {
      return sumOfSquares(residuals);
    }

    /** {@code (A'A)^-1} over the kept columns: {@code rInverse rInverse'}. */
    double[][] unscaledCovariance() {
      int k = kept.length;
      double[][] c = new double[k][k];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          double s = 0;
          for (int l = Math.max(i, j); l < k; l++) {
            s += rInverse[i][l] * rInverse[j][l];
          }
          c[i][j] = s;
        }
      }
      return c;
    }
  }

  /**
   * Solves the least-squares problem.
   *
   * @param columns {@code columns[j][i]} is row i of column j; all of length {@code y.length}; not
   *     modified
   * @param y the response; not modified
   * @return the fit over the columns that are not aliased
   */
  static Fit fit(double[][] columns, double[] y) {
    int n = y.length;
    int m = columns.length;
    double[][] a = new double[m][];
    for (int j = 0; j < m; j++) {
      a[j] = columns[j].clone();
    }
    double[] qty = y.clone();
    int[] keptAll = new int[m];
    int rank = 0;
    for (int j = 0; j < m; j++) {
      double original = norm(columns[j], 0);
      double remaining = norm(a[j], rank);
      if (!(remaining > TOLERANCE * original)) {
        continue; // aliased: leaves every other column and y untouched
      }
      // Householder vector v = a[j][rank..] - alpha e1, alpha = -sign(a[j][rank]) * remaining.
      double alpha = a[j][rank] > 0 ? -remaining : remaining;
      double[] v = new double[n - rank];
      System.arraycopy(a[j], rank, v, 0, n - rank);
      v[0] -= alpha;
      double vv = 0;
      for (double d : v) {
        vv += d * d;
      }
      for (int l = j + 1; l < m; l++) {
        reflect(v, vv, a[l], rank);
      }
      reflect(v, vv, qty, rank);
      a[j][rank] = alpha;
      for (int i = rank + 1; i < n; i++) {
        a[j][i] = 0;
      }
      keptAll[rank++] = j;
    }
    int[] kept = Arrays.copyOf(keptAll, rank);
    // R (rank x rank): r[i][c] = a[kept[c]][i] for i <= c.
    double[][] rInverse = new double[rank][rank];
    for (int c = 0; c < rank; c++) {
      rInverse[c][c] = 1 / a[kept[c]][c];
      for (int i = c - 1; i >= 0; i--) {
        double s = 0;
        for (int l = i + 1; l <= c; l++) {
          s += a[kept[l]][i] * rInverse[l][c];
        }
        rInverse[i][c] = -s / a[kept[i]][i];
      }
    }
    double[] coefficients = new double[rank];
    for (int i = rank - 1; i >= 0; i--) {
      double s = qty[i];
      for (int l = i + 1; l < rank; l++) {
        s -= a[kept[l]][i] * coefficients[l];
      }
      coefficients[i] = s / a[kept[i]][i];
    }
    double[] residuals = y.clone();
    for (int c = 0; c < rank; c++) {
      double[] col = columns[kept[c]];
      for (int i = 0; i < n; i++) {
        residuals[i] -= coefficients[c] * col[i];
      }
    }
    return new Fit(kept, coefficients, rInverse, residuals);
  }

  /** {@code sum v_i^2}. */
  static double sumOfSquares(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d * d;
    }
    return s;
  }

  /** Applies {@code I - 2 v v' / (v'v)} to rows {@code from..} of {@code x}. */
  private static void reflect(double[] v, double vv, double[] x, int from) {
    double dot = 0;
    for (int i = 0; i < v.length; i++) {
      dot += v[i] * x[from + i];
    }
    double f = 2 * dot / vv;
    for (int i = 0; i < v.length; i++) {
      x[from + i] -= f * v[i];
    }
  }

  /** Euclidean norm of {@code x[from..]}, scaled against overflow. */
  private static double norm(double[] x, int from) {
    double scale = 0;
    for (int i = from; i < x.length; i++) {
      scale = Math.max(scale, Math.abs(x[i]));
    }
    if (scale == 0) {
      return 0;
    }
    double s = 0;
    for (int i = from; i < x.length; i++) {
      double d = x[i] / scale;
      s += d * d;
    }
    return scale * Math.sqrt(s);
  }
}
