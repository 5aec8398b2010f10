package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.staffoutcomes.stats.Fixtures.assertClose;
import static org.staffoutcomes.stats.Fixtures.num;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link BenchmarkPosition} against base R ({@code trust-views/positions_r.csv}): best, median,
 * worst, {@code rank(..., ties.method = "min")} and the quintile from the best, for both
 * directions, with ties on cut points.
 */
class BenchmarkPositionFixtureTest {

  private static final Map<String, List<Map<String, String>>> CASES =
      Fixtures.byCase("trust-views/positions_r.csv", "case");

  @Test
  void everyGroupMatchesR() {
    assertEquals(7, CASES.size(), CASES.keySet().toString());
    CASES.forEach((name, rows) -> {
      double[] x = rows.stream().mapToDouble(r -> num(r.get("x"))).toArray();
      boolean higherIsBetter = Boolean.parseBoolean(rows.get(0).get("higher_is_better"));
      double[] before = x.clone();
      BenchmarkPosition.Group g = BenchmarkPosition.of(x, higherIsBetter);
      assertArrayEquals(before, x, name + ": input not modified");
      assertEquals(x.length, g.n(), name);
      assertClose(num(rows.get(0).get("best")), g.best(), name + " best");
      assertClose(num(rows.get(0).get("median")), g.median(), name + " median");
      assertClose(num(rows.get(0).get("worst")), g.worst(), name + " worst");
      assertArrayEquals(rows.stream().mapToInt(r -> Integer.parseInt(r.get("rank"))).toArray(), g.rank(),
          name + " rank");
      assertArrayEquals(rows.stream().mapToInt(r -> Integer.parseInt(r.get("quintile"))).toArray(), g.quintile(),
          name + " quintile");
    });
  }

  @Test
  void tiesShareTheBestRankAndTheNextRankSkips() {
    BenchmarkPosition.Group g = BenchmarkPosition.of(new double[] {7.0, 7.4, 7.4, 6.1}, true);
    assertArrayEquals(new int[] {3, 1, 1, 4}, g.rank());
    assertEquals(7.4, g.best());
    assertEquals(6.1, g.worst());
    BenchmarkPosition.Group lower = BenchmarkPosition.of(new double[] {7.0, 7.4, 7.4, 6.1}, false);
    assertArrayEquals(new int[] {2, 3, 3, 1}, lower.rank());
    assertEquals(6.1, lower.best());
  }

  @Test
  void theBestFifthIsQuintileOneInBothDirections() {
    double[] x = {1, 2, 3, 4, 5};
    assertArrayEquals(new int[] {5, 4, 3, 2, 1}, BenchmarkPosition.of(x, true).quintile());
    assertArrayEquals(new int[] {1, 2, 3, 4, 5}, BenchmarkPosition.of(x, false).quintile());
  }

  @Test
  void aValueOnACutPointIsInTheBetterFifthInBothDirections() {
    // n = 6: every cut point falls on a data value (h = 1 + 5p is whole), so ties with cuts abound.
    double[] x = {1, 2, 2, 3, 4, 5};
    assertArrayEquals(new int[] {5, 3, 3, 2, 1, 1}, BenchmarkPosition.of(x, true).quintile());
    assertArrayEquals(new int[] {1, 1, 1, 3, 4, 5}, BenchmarkPosition.of(x, false).quintile());
    assertArrayEquals(new int[] {1, 1, 1}, BenchmarkPosition.of(new double[] {6, 6, 6}, true).quintile());
    assertArrayEquals(new int[] {1}, BenchmarkPosition.of(new double[] {6.5}, true).quintile());
  }

  @Test
  void emptyGroupAndBadValues() {
    BenchmarkPosition.Group empty = BenchmarkPosition.of(new double[0], true);
    assertEquals(0, empty.n());
    assertEquals(Double.NaN, empty.median());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BenchmarkPosition.of(new double[] {1, Double.NaN}, true));
    assertEquals("Cannot rank a benchmarking group: values[1] is NaN", e.getMessage());
  }
}
