package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.Fixtures.assertClose;
import static org.staffoutcomes.stats.Fixtures.num;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RandomEffects#derSimonianLaird} against R's
 * {@code metafor::rma(yi = atanh(r), vi = 1 / (n - 3), method = "DL")}
 * ({@code stats-fixtures/meta-analysis/}, see {@code make_meta_fixtures.R}).
 */
class RandomEffectsFixtureTest {

  private static final Map<String, List<Map<String, String>>> CASES =
      Fixtures.byCase("meta-analysis/cases.csv", "case");

  static Stream<Map<String, String>> pooled() {
    return Fixtures.read("meta-analysis/pooled_r.csv").stream();
  }

  @Test
  void fixturesCoverHeterogeneousHomogeneousAndSmallK() {
    Map<String, Map<String, String>> byCase = new LinkedHashMap<>();
    pooled().forEach(e -> byCase.put(e.get("case"), e));
    assertTrue(num(byCase.get("heterogeneous").get("tau2")) > 0);
    assertEquals(0.0, num(byCase.get("homogeneous").get("tau2")));
    assertEquals("2", byCase.get("k2").get("k"));
    assertTrue(num(byCase.get("k2").get("tau2")) > 0);
    assertEquals(0.0, num(byCase.get("k2_homogeneous").get("tau2")));
    assertEquals("1", byCase.get("k1").get("k"));
    assertEquals(9, CASES.get("excluded").size());
    assertEquals("5", byCase.get("excluded").get("k"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pooled")
  void matchesMetafor(Map<String, String> e) {
    String name = e.get("case");
    List<Map<String, String>> rows = CASES.get(name);
    double[] r = rows.stream().mapToDouble(row -> num(row.get("r"))).toArray();
    int[] n = rows.stream().mapToInt(row -> Integer.parseInt(row.get("n"))).toArray();
    PooledEstimate res = RandomEffects.derSimonianLaird(r, n);

    assertEquals(Integer.parseInt(e.get("k")), res.k(), name + " k");
    assertClose(num(e.get("estimate")), res.estimate(), name + " estimate");
    assertClose(num(e.get("ci_low")), res.ciLow(), name + " ci_low");
    assertClose(num(e.get("ci_high")), res.ciHigh(), name + " ci_high");
    Fixtures.assertPValue(num(e.get("p")), res.p(), 0, name + " p");
    assertClose(num(e.get("tau2")), res.tau2(), name + " tau2");
    assertClose(num(e.get("i2")), res.i2(), name + " I2");
    assertClose(num(e.get("q")), res.q(), name + " Q");
  }
}
