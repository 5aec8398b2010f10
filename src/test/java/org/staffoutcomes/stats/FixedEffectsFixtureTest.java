package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.Fixtures.assertClose;
import static org.staffoutcomes.stats.Fixtures.num;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FixedEffects#twoWay} against R: plm's two-way within estimates and within R^2, and
 * {@code sandwich::vcovCL} (HC0, cluster adjustment) on the dummy regression times
 * {@code (N-1)/(N-K)} ({@code stats-fixtures/fixed-effects/}, see
 * {@code make_fixed_effects_fixtures.R}).
 */
class FixedEffectsFixtureTest {

  /** One panel: rows in file order. */
  record Panel(String[] unit, int[] time, Map<String, double[]> values) {}

  private static final Map<String, Panel> PANELS = readPanels();
  private static final List<Map<String, String>> MODELS =
      Fixtures.read("fixed-effects/models_r.csv");
  private static final Map<String, List<Map<String, String>>> TERMS =
      Fixtures.read("fixed-effects/terms_r.csv").stream()
          .collect(Collectors.groupingBy(r -> r.get("model")));

  static Stream<Map<String, String>> models() {
    return MODELS.stream();
  }

  @Test
  void unbalancedPanelHasASingletonAGapAndAMissingYear() {
    Panel p = PANELS.get("unbalanced");
    Map<String, List<Integer>> years = new LinkedHashMap<>();
    for (int i = 0; i < p.unit().length; i++) {
      years.computeIfAbsent(p.unit()[i], u -> new ArrayList<>()).add(p.time()[i]);
    }
    assertEquals(List.of(2017), years.get("S01"));
    assertEquals(List.of(2014, 2015, 2021, 2022), years.get("S02"));
    assertTrue(years.values().stream().noneMatch(l -> l.contains(2019)), "no unit in 2019");
    assertTrue(years.values().stream().map(List::size).distinct().count() > 3, "unbalanced");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void twoWayMatchesR(Map<String, String> m) {
    String name = m.get("model");
    Panel p = PANELS.get(m.get("dataset"));
    String[] names = m.get("predictors").split(" ");
    double[][] x = Stream.of(names).map(p.values()::get).toArray(double[][]::new);
    RegressionResult res = FixedEffects.twoWay(p.values().get("y"), x, names, p.unit(), p.time());

    assertEquals(Integer.parseInt(m.get("n")), res.n(), name + " n");
    assertEquals(Integer.parseInt(m.get("n_groups")), res.nGroups(), name + " nGroups");
    assertEquals(Integer.parseInt(m.get("df")), res.dfResidual(), name + " df");
    assertClose(num(m.get("r2")), res.r2(), name + " within r2");
    List<Map<String, String>> expected = TERMS.get(name);
    assertEquals(expected.size(), res.terms().size(), name + " terms");
    for (int j = 0; j < expected.size(); j++) {
      assertEquals(expected.get(j).get("term"), res.terms().get(j).name());
      Fixtures.assertTerm(expected.get(j), res.terms().get(j),
          name + " " + expected.get(j).get("term"));
    }
  }

  private static Map<String, Panel> readPanels() {
    Map<String, Panel> panels = new LinkedHashMap<>();
    Fixtures.byCase("fixed-effects/panels.csv", "dataset").forEach((name, l) -> {
      Map<String, double[]> values = new LinkedHashMap<>();
      for (String v : List.of("y", "x1", "x2")) {
        values.put(v, l.stream().mapToDouble(r -> num(r.get(v))).toArray());
      }
      panels.put(name, new Panel(l.stream().map(r -> r.get("unit")).toArray(String[]::new),
          l.stream().mapToInt(r -> Integer.parseInt(r.get("time"))).toArray(), values));
    });
    return panels;
  }
}
