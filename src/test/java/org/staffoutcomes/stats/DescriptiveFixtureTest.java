package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.staffoutcomes.stats.Fixtures.assertClose;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Descriptive} against R's {@code mean}, {@code min}, {@code max}, {@code quantile}
 * (type 7), NumPy's {@code mean}, {@code min}, {@code max}, {@code quantile} (linear), and the
 * exact rational mean.
 */
class DescriptiveFixtureTest {

  private static final Map<String, double[][]> CASES = Fixtures.cases();
  private static final double[] PROBS = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1};
  private static final String[] PROB_NAMES = {"q0", "q10", "q25", "q50", "q75", "q90", "q100"};

  static Stream<Arguments> samples() {
    return Stream.of("r", "scipy", "exact").flatMap(source -> CASES.keySet().stream()
        .flatMap(c -> Stream.of(Arguments.of(source, c, "x"), Arguments.of(source, c, "y"))));
  }

  @ParameterizedTest(name = "{1} {2} vs {0}")
  @MethodSource("samples")
  void summaryAndQuantilesMatchReference(String source, String name, String var) {
    Map<String, Double> e = Fixtures.expected("expected_" + source + ".csv").get(name);
    double[] v = CASES.get(name)[var.equals("x") ? 0 : 1];
    String p = var + "_";
    String what = source + " " + name + " " + var + " ";
    Summary s = Descriptive.summarize(v);

    assertEquals(v.length, s.n(), what + "n");
    assertClose(e.get(p + "mean"), s.mean(), what + "mean");
    assertClose(e.get(p + "mean"), Descriptive.mean(v), what + "mean()");
    if (source.equals("exact")) {
      return; // the exact file only holds the means
    }
    assertClose(e.get(p + "min"), s.min(), what + "min");
    assertClose(e.get(p + "max"), s.max(), what + "max");
    assertClose(e.get(p + "q25"), s.q1(), what + "q1");
    assertClose(e.get(p + "q50"), s.median(), what + "median");
    assertClose(e.get(p + "q75"), s.q3(), what + "q3");

    double[] sorted = v.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < PROBS.length; i++) {
      assertClose(e.get(p + PROB_NAMES[i]), Descriptive.quantile(sorted, PROBS[i]),
          what + "quantile " + PROBS[i]);
    }
  }
}
