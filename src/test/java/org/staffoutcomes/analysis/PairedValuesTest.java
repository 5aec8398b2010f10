package org.staffoutcomes.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedValuesTest {

  @Test
  void ordersPairsByXThenYAsDoubleCompareDoes() {
    SplittableRandom random = new SplittableRandom(11);
    for (int n : new int[] {0, 1, 2, 3, 7, 64, 1000}) {
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        // few distinct x values (ties broken by y), -0.0 beside 0.0
        xs[i] = random.nextInt(5) == 0 ? -0.0 : random.nextInt(4) * 0.5;
        ys[i] = random.nextInt(3) == 0 ? 0.0 : random.nextDouble(-1, 1);
      }
      Integer[] order = new Integer[n];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> xs[i]).thenComparingDouble(i -> ys[i]));
      PairedValues sorted = PairedValues.sorted(xs, ys);
      assertArrayEquals(Arrays.stream(order).mapToDouble(i -> xs[i]).toArray(), sorted.x(), "x, n = " + n);
      assertArrayEquals(Arrays.stream(order).mapToDouble(i -> ys[i]).toArray(), sorted.y(), "y, n = " + n);
    }
  }
}
