package org.staffoutcomes.sample;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Spearman's rank correlation for the truth of ordinal outcomes (average ranks for ties). */
final class Ranks {

  private Ranks() {}

  /** Spearman's rho of {x, y} pairs: Pearson's r of their average ranks; NaN below 3 pairs. */
  static double spearman(List<double[]> pairs) {
    int n = pairs.size();
    if (n < 3) {
      return Double.NaN;
    }
    double[] x = new double[n];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = pairs.get(k)[0];
      y[k] = pairs.get(k)[1];
    }
    return pearson(ranks(x), ranks(y));
  }

  /** Ranks 1..n, tied values sharing the mean of the ranks they span. */
  static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
    double[] ranks = new double[v.length];
    int start = 0;
    while (start < v.length) {
      int end = start + 1;
      while (end < v.length && v[order[end]] == v[order[start]]) {
        end++;
      }
      double average = (start + 1 + end) / 2.0;
      for (int k = start; k < end; k++) {
        ranks[order[k]] = average;
      }
      start = end;
    }
    return ranks;
  }

  static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = Arrays.stream(x).sum() / n;
    double my = Arrays.stream(y).sum() / n;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int k = 0; k < n; k++) {
      sxx += (x[k] - mx) * (x[k] - mx);
      syy += (y[k] - my) * (y[k] - my);
      sxy += (x[k] - mx) * (y[k] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
