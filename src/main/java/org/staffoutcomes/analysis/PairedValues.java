package org.staffoutcomes.analysis;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The (x, y) pairs of one group, sorted so that results do not depend on the order Spark
 * collected them in (floating-point sums are order-sensitive).
 */
record PairedValues(double[] x, double[] y) {

  /** The pairs ordered by x, then y. */
  static PairedValues sorted(double[] xs, double[] ys) {
    Integer[] order = new Integer[xs.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> xs[i]).thenComparingDouble(i -> ys[i]));
    double[] x = new double[xs.length];
    double[] y = new double[ys.length];
    for (int i = 0; i < order.length; i++) {
      x[i] = xs[order[i]];
      y[i] = ys[order[i]];
    }
    return new PairedValues(x, y);
  }

  int n() {
    return x.length;
  }
}
