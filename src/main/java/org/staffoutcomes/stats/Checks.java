package org.staffoutcomes.stats;

import java.util.Objects;

/** Argument checks shared by the stats classes; every message starts with "Cannot ". */
final class Checks {

  private Checks() {}

  /**
   * Requires two non-null arrays of equal length holding only finite values.
   *
   * @param action verb phrase for the message, e.g. {@code "correlate"}
   * @throws IllegalArgumentException naming both lengths ({@code "Cannot correlate: x has 3 values
   *     but y has 4"}), or the first offending array and index ({@code "Cannot correlate: y[2] is
   *     NaN"})
   */
  static void paired(String action, double[] x, double[] y) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "Cannot " + action + ": x has " + x.length + " values but y has " + y.length);
    }
    finite(action, "x", x);
    finite(action, "y", y);
  }

  /**
   * Requires every value to be finite (not NaN, not infinite): nothing is skipped silently.
   *
   * @throws IllegalArgumentException e.g. {@code "Cannot summarize: v[3] is NaN"}
   */
  static void finite(String action, String name, double[] v) {
    Objects.requireNonNull(v, name);
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(
            "Cannot " + action + ": " + name + "[" + i + "] is " + v[i]);
      }
    }
  }

  /** True when the array has no two different values (including when it is empty). */
  static boolean isConstant(double[] v) {
    for (double d : v) {
      if (d != v[0]) {
        return false;
      }
    }
    return true;
  }
}
