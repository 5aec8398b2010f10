package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.Fixtures.assertClose;
import static org.staffoutcomes.stats.Fixtures.num;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FalseDiscovery#benjaminiHochberg} against R's {@code p.adjust(p, method = "BH")}
 * ({@code stats-fixtures/fdr/bh_r.csv}, see {@code make_fdr_fixtures.R}), plus what R cannot
 * show in a file (an empty vector) and the argument checks.
 */
class FalseDiscoveryFixtureTest {

  /** case -> {p, adjusted}. */
  private static final Map<String, double[][]> CASES = new LinkedHashMap<>();

  static {
    Fixtures.byCase("fdr/bh_r.csv", "case").forEach((name, l) -> CASES.put(name, new double[][] {
        l.stream().mapToDouble(r -> num(r.get("p"))).toArray(),
        l.stream().mapToDouble(r -> num(r.get("adjusted"))).toArray()}));
  }

  static List<String> cases() {
    return new ArrayList<>(CASES.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPAdjust(String name) {
    double[] p = CASES.get(name)[0];
    double[] expected = CASES.get(name)[1];
    double[] before = p.clone();
    double[] adjusted = FalseDiscovery.benjaminiHochberg(p);
    assertEquals(expected.length, adjusted.length);
    for (int i = 0; i < expected.length; i++) {
      assertClose(expected[i], adjusted[i], name + "[" + i + "]");
    }
    assertArrayEquals(before, p, name + ": input not modified");
  }

  @Test
  void fixturesHaveTiesZerosOnesAndMissingValues() {
    assertTrue(CASES.keySet().containsAll(List.of("ties", "zeros_and_ones", "with_na", "all_na")));
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertArrayEquals(new double[0], FalseDiscovery.benjaminiHochberg(new double[0]));
  }

  @Test
  void tiesGetOneAdjustedValueAndZeroAndOneStay() {
    double[] adjusted = FalseDiscovery.benjaminiHochberg(new double[] {0.02, 0, 0.02, 1});
    // sorted 0, .02, .02, 1: (4/4)*1 = 1, (4/3)*.02, (4/2)*.02 -> cummin .02666..., 0
    assertEquals(adjusted[0], adjusted[2]);
    assertEquals(4.0 / 3 * 0.02, adjusted[0], 1e-17);
    assertEquals(0.0, adjusted[1]);
    assertEquals(1.0, adjusted[3]);
  }

  @Test
  void invalidValuesAreRejectedWithCannot() {
    for (double bad : new double[] {-0.1, 1.5, Double.POSITIVE_INFINITY}) {
      CorrelationTest.assertMessage("Cannot adjust p-values: p[1] is " + bad
          + "; p-values must be in [0, 1]",
          () -> FalseDiscovery.benjaminiHochberg(new double[] {0.5, bad}));
    }
  }
}
