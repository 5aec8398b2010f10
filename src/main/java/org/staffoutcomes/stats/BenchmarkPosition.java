package org.staffoutcomes.stats;

import java.util.Arrays;

/**
 * Where each organisation stands in its benchmarking group for one measure and year: the group's
 * best, median and worst value, and each member's rank and quintile, all by the measure's
 * direction (the best of a measure where lower is better is its minimum).
 */
public final class BenchmarkPosition {

  private BenchmarkPosition() {}

  /**
   * The group's summary.
   *
   * @param n members with a value
   * @param best the maximum when higher is better, else the minimum
   * @param median type-7 median (see {@link Descriptive#quantile(double[], double)})
   * @param worst the other extreme
   * @param rank per member, in input order: 1 = best; tied values share the best rank of their
   *     tie and the next rank skips ({@code 1, 2, 2, 4}), as R's
   *     {@code rank(-x, ties.method = "min")} (higher is better) or {@code rank(x, ties.method = "min")}
   * @param quintile per member, in input order: 1 = the best fifth ... 5 = the worst fifth (see
   *     {@link #of(double[], boolean)}; a value on a cut point is in the better fifth)
   */
  public record Group(int n, double best, double median, double worst, int[] rank, int[] quintile) {}

  /**
   * Positions of the members of one group.
   *
   * <p>Quintiles: {@link Proportion#quintiles(double[])} of the values turned so that lower is
   * better ({@code -x} when higher is better, {@code x} when lower is better): type-7 cut points at
   * 20, 40, 60 and 80%, R's {@code cut(., quantile(., 0:5/5), include.lowest = TRUE)}. So quintile
   * 1 is the best fifth, a value equal to a cut point is in the better fifth, equal values share a
   * fifth (all equal: all in the first), and a group of one is in the first.
   *
   * @param values the members' values, finite, in any order; not modified
   * @param higherIsBetter the measure's direction
   * @return the summary; {@code n = 0} with NaN statistics for an empty group
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static Group of(double[] values, boolean higherIsBetter) {
    Checks.finite("rank a benchmarking group", "values", values);
    int n = values.length;
    if (n == 0) {
      return new Group(0, Double.NaN, Double.NaN, Double.NaN, new int[0], new int[0]);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double min = sorted[0];
    double max = sorted[n - 1];
    double[] lowerIsBetter = values.clone();
    if (higherIsBetter) {
      for (int i = 0; i < n; i++) {
        lowerIsBetter[i] = -values[i];
      }
    }
    int[] quintile = Proportion.quintiles(lowerIsBetter);
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[i] = 1 + (higherIsBetter ? countAbove(sorted, values[i]) : countBelow(sorted, values[i]));
    }
    return new Group(n, higherIsBetter ? max : min, Descriptive.quantile(sorted, 0.5), higherIsBetter ? min : max,
        rank, quintile);
  }

  /** How many sorted values are strictly greater than {@code v}. */
  private static int countAbove(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) { // first index with sorted[i] > v
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] > v) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return sorted.length - lo;
  }

  /** How many sorted values are strictly less than {@code v}. */
  private static int countBelow(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) { // first index with sorted[i] >= v
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] >= v) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
