package org.staffoutcomes.panel;

import java.util.Arrays;

/**
 * The sum of a group's values added in ascending order, starting from 0.0, whatever order they
 * arrive in: the same last bits on every run, layout and cluster (a tie that Spearman's ranks
 * depend on cannot come and go). A group is one organisation's rows in one survey year: a few
 * hundred values at most. Missing values are not added.
 */
final class OrderFreeSum {

  private double[] values = new double[4];
  private int count;

  /** Adds a value; null (missing) is ignored. */
  void add(Double value) {
    if (value == null) {
      return;
    }
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = value;
  }

  /** How many values were added. */
  int count() {
    return count;
  }

  /** The sum in ascending order from 0.0; null when no value was added. */
  Double sum() {
    if (count == 0) {
      return null;
    }
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    double acc = 0.0;
    for (double v : sorted) {
      acc = acc + v;
    }
    return acc;
  }

  /** {@link #sum()} over the count; null when no value was added. */
  Double mean() {
    Double sum = sum();
    return sum == null ? null : sum / count;
  }
}
