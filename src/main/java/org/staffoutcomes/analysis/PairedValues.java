package org.staffoutcomes.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The (x, y) pairs of one group, sorted so that results do not depend on the order Spark
 * collected them in (floating-point sums are order-sensitive).
 */
record PairedValues(double[] x, double[] y) {

  static PairedValues of(List<Row> pairs) {
    double[][] xy = new double[pairs.size()][];
    for (int i = 0; i < xy.length; i++) {
      xy[i] = new double[] {pairs.get(i).getDouble(0), pairs.get(i).getDouble(1)};
    }
    Arrays.sort(xy, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
    double[] x = new double[xy.length];
    double[] y = new double[xy.length];
    for (int i = 0; i < xy.length; i++) {
      x[i] = xy[i][0];
      y[i] = xy[i][1];
    }
    return new PairedValues(x, y);
  }

  int n() {
    return x.length;
  }
}
