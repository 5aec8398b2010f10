package org.staffoutcomes.stats;

import java.util.Arrays;
import java.util.Objects;

/** Multiple-testing adjustment of p-values. */
public final class FalseDiscovery {

  private FalseDiscovery() {}

  /**
   * Benjamini-Hochberg adjusted p-values (false discovery rate), as R's
   * {@code p.adjust(p, method = "BH")}:
   *
   * <pre>
   *   m = number of p-values that are not NaN;  p_(1) &lt;= ... &lt;= p_(m) in ascending order
   *   adjusted p_(i) = min(1, min_{j &gt;= i} (m / j) p_(j))
   * </pre>
   *
   * <p>NaN entries stay NaN and are not counted in m (R's NA). Tied p-values get the same adjusted
   * value; p = 0 stays 0 and p = 1 stays 1. An entry is significant at false discovery rate q when
   * its adjusted p is at most q.
   *
   * @param p the p-values, each in [0, 1] or NaN; not modified
   * @return the adjusted p-values, in the order of {@code p}
   * @throws IllegalArgumentException if a value is outside [0, 1] (including infinite)
   */
  public static double[] benjaminiHochberg(double[] p) {
    Objects.requireNonNull(p, "p");
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      if (Double.isNaN(p[i])) {
        continue;
      }
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException("Cannot adjust p-values: p[" + i + "] is " + p[i]
            + "; p-values must be in [0, 1]");
      }
      m++;
    }
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    Integer[] order = new Integer[m];
    int next = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i])) {
        order[next++] = i;
      }
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a])); // descending
    double running = Double.POSITIVE_INFINITY;
    for (int rank = m; rank >= 1; rank--) { // order[m - rank] has the rank-th smallest p
      int i = order[m - rank];
      running = Math.min(running, (double) m / rank * p[i]); // R's n / i * p, in that order
      adjusted[i] = Math.min(1, running);
    }
    return adjusted;
  }
}
