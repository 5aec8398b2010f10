package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.Fixtures.assertClose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.staffoutcomes.stats.Proportion.ProportionResult;

/**
 * {@link Proportion} against R: Wilson intervals from {@code prop.test(x, n, correct = FALSE)}
 * ({@code proportion_r.csv}) and quintiles from {@code cut(x, quantile(x, 0:5 / 5),
 * include.lowest = TRUE)} ({@code quintiles_r.csv}); see {@code make_proportion_fixtures.R}. Plus
 * the cases R cannot give (n = 0) and the argument checks.
 */
class ProportionFixtureTest {

  private static final Map<String, Map<String, Double>> WILSON =
      Fixtures.expected("proportion_r.csv");
  private static final Map<String, QuintileCase> QUINTILES = readQuintiles();

  /** One input vector and R's quintile of each value. */
  record QuintileCase(double[] x, int[] quintile) {}

  static Set<String> wilsonCases() {
    return WILSON.keySet();
  }

  static Set<String> quintileCases() {
    return QUINTILES.keySet();
  }

  @Test
  void fixturesCoverTheEdgeCases() {
    assertTrue(WILSON.keySet().containsAll(List.of("x0_n10", "x10_n10", "x0_n1", "x1_n1",
        "x0_n137", "x45_n137", "x137_n137")), WILSON.keySet().toString());
    assertTrue(QUINTILES.keySet().containsAll(List.of("ties41", "ties50", "dup_cuts")),
        QUINTILES.keySet().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wilsonCases")
  void wilsonMatchesPropTestWithoutCorrection(String name) {
    Map<String, Double> e = WILSON.get(name);
    long x = e.get("x").longValue();
    long n = e.get("n").longValue();
    ProportionResult p = Proportion.wilson(x, n, e.get("conf_level"));
    assertEquals(x, p.successes(), name + " successes");
    assertEquals(n, p.n(), name + " n");
    assertClose(e.get("estimate"), p.share(), name + " share");
    assertClose(e.get("ci_low"), p.ciLow(), name + " ci_low");
    assertClose(e.get("ci_high"), p.ciHigh(), name + " ci_high");
    assertTrue(p.ciLow() <= p.share() && p.share() <= p.ciHigh(), name + " share inside CI");
  }

  @Test
  void allOrNoneGiveExactBoundsOfZeroAndOne() {
    assertEquals(0.0, Proportion.wilson(0, 137, 0.95).ciLow());
    assertEquals(1.0, Proportion.wilson(137, 137, 0.95).ciHigh());
    ProportionResult one = Proportion.wilson(1, 1, 0.95);
    assertEquals(1.0, one.share());
    assertEquals(1.0, one.ciHigh());
    assertTrue(one.ciLow() > 0.2 && one.ciLow() < 0.21, "x = n = 1: " + one);
  }

  @Test
  void noTrialsGiveNaNShareAndBounds() {
    ProportionResult p = Proportion.wilson(0, 0, 0.95);
    assertEquals(0, p.successes());
    assertEquals(0, p.n());
    assertTrue(Double.isNaN(p.share()));
    assertTrue(Double.isNaN(p.ciLow()));
    assertTrue(Double.isNaN(p.ciHigh()));
  }

  @Test
  void invalidCountsAndLevelsAreRejectedWithCannot() {
    for (Runnable call : List.<Runnable>of(
        () -> Proportion.wilson(-1, 10, 0.95),
        () -> Proportion.wilson(11, 10, 0.95),
        () -> Proportion.wilson(1, 0, 0.95),
        () -> Proportion.wilson(0, -1, 0.95),
        () -> Proportion.wilson(1, 10, 0),
        () -> Proportion.wilson(1, 10, 1),
        () -> Proportion.wilson(1, 10, 95),
        () -> Proportion.wilson(1, 10, Double.NaN))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
      assertTrue(e.getMessage().startsWith("Cannot "), e.getMessage());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quintileCases")
  void quintilesMatchRCut(String name) {
    QuintileCase c = QUINTILES.get(name);
    double[] before = c.x().clone();
    assertArrayEquals(c.quintile(), Proportion.quintiles(c.x()), name);
    assertArrayEquals(before, c.x(), name + ": input not modified");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quintileCases")
  void valuesEqualToACutPointGoToTheLowerQuintile(String name) {
    double[] x = QUINTILES.get(name).x();
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double[] cuts = {Descriptive.quantile(sorted, 0.2), Descriptive.quantile(sorted, 0.4),
        Descriptive.quantile(sorted, 0.6), Descriptive.quantile(sorted, 0.8)};
    int[] q = Proportion.quintiles(x);
    for (int i = 0; i < x.length; i++) {
      int expected = 1;
      while (expected <= 4 && x[i] > cuts[expected - 1]) {
        expected++;
      }
      assertEquals(expected, q[i], name + " x[" + i + "] = " + x[i]);
    }
  }

  @Test
  void tiesInTheFixturesReallyHitCutPoints() {
    // ties41 (n = 41) has whole-number quantile indices, so its cut points are data values.
    double[] x = QUINTILES.get("ties41").x();
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double q20 = Descriptive.quantile(sorted, 0.2);
    long atCut = Arrays.stream(x).filter(v -> v == q20).count();
    assertTrue(atCut >= 2, "values equal to q20: " + atCut);
    // dup_cuts has q20 = q40, so quintile 2 is empty.
    assertTrue(Arrays.stream(Proportion.quintiles(QUINTILES.get("dup_cuts").x()))
        .noneMatch(v -> v == 2));
  }

  @Test
  void smallAndDegenerateInputs() {
    assertArrayEquals(new int[0], Proportion.quintiles(new double[0]));
    assertArrayEquals(new int[] {1}, Proportion.quintiles(new double[] {7.1}));
    assertArrayEquals(new int[] {1, 1, 1}, Proportion.quintiles(new double[] {2, 2, 2}));
    // n = 5 distinct values: the cut points are 1.8, 2.6, 3.4, 4.2, one value in each quintile.
    assertArrayEquals(new int[] {5, 1, 4, 2, 3}, Proportion.quintiles(new double[] {5, 1, 4, 2,
        3}));
  }

  @Test
  void nonFiniteValuesAreRejectedWithCannot() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Proportion.quintiles(new double[] {1, Double.NaN}));
    assertEquals("Cannot assign quintiles: x[1] is NaN", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Proportion.quintiles(new double[] {Double.POSITIVE_INFINITY}));
  }

  /** {@code quintiles_r.csv} ({@code case,i,x,quintile}) by case, in file order. */
  private static Map<String, QuintileCase> readQuintiles() {
    String resource = "/stats-fixtures/quintiles_r.csv";
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    try (InputStream in = ProportionFixtureTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      assertEquals("case,i,x,quintile", reader.readLine(), resource + " header");
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split(",", -1);
        assertEquals(4, cells.length, resource + ": " + line);
        List<String[]> l = rows.computeIfAbsent(cells[0], k -> new ArrayList<>());
        assertEquals(l.size(), Integer.parseInt(cells[1]), resource + " row order: " + line);
        l.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, QuintileCase> cases = new LinkedHashMap<>();
    rows.forEach((name, l) -> cases.put(name, new QuintileCase(
        l.stream().mapToDouble(r -> Double.parseDouble(r[2])).toArray(),
        l.stream().mapToInt(r -> Integer.parseInt(r[3])).toArray())));
    return cases;
  }
}
