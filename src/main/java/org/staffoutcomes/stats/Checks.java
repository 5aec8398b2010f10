package org.staffoutcomes.stats;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

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

  /**
   * Requires {@code n} weights, each positive and finite.
   *
   * @throws IllegalArgumentException e.g. {@code "Cannot correlate: w has 3 values but y has 4"}
   *     or {@code "Cannot correlate: w[2] is 0.0; weights must be positive and finite"}
   */
  static void weights(String action, String name, double[] w, int n) {
    Objects.requireNonNull(w, name);
    if (w.length != n) {
      throw new IllegalArgumentException(
          "Cannot " + action + ": " + name + " has " + w.length + " values but y has " + n);
    }
    for (int i = 0; i < n; i++) {
      if (!(w[i] > 0 && w[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("Cannot " + action + ": " + name + "[" + i + "] is "
            + w[i] + "; weights must be positive and finite");
      }
    }
  }

  /**
   * Requires a finite response and, for each of the named predictors, {@code y.length} finite
   * values; the names must be distinct and not null.
   *
   * @param columnName what a column is called in the messages, e.g. {@code "predictor"}
   * @throws IllegalArgumentException e.g. {@code "Cannot fit a regression: 2 predictors but 3
   *     names"}, {@code "Cannot fit a regression: predictor x1 has 3 values but y has 4"},
   *     {@code "Cannot fit a regression: x1[2] is NaN"} or {@code "Cannot fit a regression: the
   *     name x1 is given twice"}
   */
  static void design(String action, double[] y, double[][] columns, String[] names,
      String columnName) {
    finite(action, "y", y);
    Objects.requireNonNull(columns, columnName + "s");
    Objects.requireNonNull(names, "names");
    if (columns.length != names.length) {
      throw new IllegalArgumentException("Cannot " + action + ": " + columns.length + " "
          + columnName + "s but " + names.length + " names");
    }
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < columns.length; j++) {
      String name = Objects.requireNonNull(names[j], "names[" + j + "]");
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "Cannot " + action + ": the name " + name + " is given twice");
      }
      column(action, columnName + " " + name, name, columns[j], y.length);
    }
  }

  /**
   * Requires {@code n} finite values in a column.
   *
   * @param described the column in a length message, e.g. {@code "covariate 2"}
   * @param name the column in an index message, e.g. {@code "covariates[2]"}
   */
  static void column(String action, String described, String name, double[] v, int n) {
    Objects.requireNonNull(v, name);
    if (v.length != n) {
      throw new IllegalArgumentException(
          "Cannot " + action + ": " + described + " has " + v.length + " values but y has " + n);
    }
    finite(action, name, v);
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
