package org.staffoutcomes.analysis;

import java.util.Arrays;

/**
 * The (x, y) pairs of one group, sorted so that results do not depend on the order Spark
 * collected them in (floating-point sums are order-sensitive).
 */
record PairedValues(double[] x, double[] y) {

  /** The pairs ordered by x, then y ({@link Double#compare} order; equal pairs are equal values). */
  static PairedValues sorted(double[] xs, double[] ys) {
    int[] order = new int[xs.length];
    Arrays.setAll(order, i -> i);
    mergeSort(order, new int[order.length], 0, order.length, xs, ys);
    double[] x = new double[xs.length];
    double[] y = new double[ys.length];
    for (int i = 0; i < order.length; i++) {
      x[i] = xs[order[i]];
      y[i] = ys[order[i]];
    }
    return new PairedValues(x, y);
  }

  /** Sorts {@code order[from, to)} by (xs, ys) without boxing: this runs for every group of every association. */
  private static void mergeSort(int[] order, int[] buffer, int from, int to, double[] xs, double[] ys) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(order, buffer, from, mid, xs, ys);
    mergeSort(order, buffer, mid, to, xs, ys);
    if (compare(order[mid - 1], order[mid], xs, ys) <= 0) {
      return; // already in order
    }
    System.arraycopy(order, from, buffer, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      order[k] = j >= to || (i < mid && compare(buffer[i], buffer[j], xs, ys) <= 0) ? buffer[i++] : buffer[j++];
    }
  }

  private static int compare(int a, int b, double[] xs, double[] ys) {
    int c = Double.compare(xs[a], xs[b]);
    return c != 0 ? c : Double.compare(ys[a], ys[b]);
  }

  int n() {
    return x.length;
  }
}
