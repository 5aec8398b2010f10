package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.Fixtures.assertClose;
import static org.staffoutcomes.stats.Fixtures.num;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.stats.FunnelLimits.Model;

/**
 * {@link FunnelLimits} against base R's {@code qpois}/{@code ppois} and {@code qbinom}/{@code pbinom}
 * with Spiegelhalter's interpolation ({@code trust-views/funnel_r.csv}): SHMI-sized expected
 * deaths, infection rates per bed day, and proportions, at 95% and 99.8%.
 */
class FunnelLimitsFixtureTest {

  private static final List<Map<String, String>> CASES = Fixtures.read("trust-views/funnel_r.csv");

  @Test
  void everyLimitMatchesR() {
    assertTrue(CASES.size() >= 100, "cases: " + CASES.size());
    for (Map<String, String> c : CASES) {
      double limit = FunnelLimits.limit(Model.named(c.get("model")), num(c.get("target")), num(c.get("volume")),
          num(c.get("p")));
      assertClose(num(c.get("limit")), limit, c.get("case") + " p = " + c.get("p"));
    }
  }

  @Test
  void limitsNarrowAsTheVolumeGrows() {
    double previousWidth = Double.POSITIVE_INFINITY;
    for (double expected : new double[] {5, 50, 500, 5000}) {
      double width = FunnelLimits.limit(Model.POISSON, 1, expected, 0.999)
          - FunnelLimits.limit(Model.POISSON, 1, expected, 0.001);
      assertTrue(width < previousWidth, "width at " + expected + ": " + width);
      previousWidth = width;
    }
    assertTrue(FunnelLimits.limit(Model.POISSON, 1, 5000, 0.025) < 1);
    assertTrue(FunnelLimits.limit(Model.POISSON, 1, 5000, 0.975) > 1);
  }

  @Test
  void badArgumentsAreRejectedWithCannotOrInvalid() {
    for (Runnable call : List.<Runnable>of(
        () -> FunnelLimits.limit(Model.BINOMIAL, 0.5, 10.5, 0.025),
        () -> FunnelLimits.limit(Model.BINOMIAL, 1, 10, 0.025),
        () -> FunnelLimits.limit(Model.POISSON, 0, 10, 0.025),
        () -> FunnelLimits.limit(Model.POISSON, 1, 0, 0.025),
        () -> FunnelLimits.limit(Model.POISSON, 1, 10, 1),
        () -> Model.named("normal"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
      assertTrue(e.getMessage().startsWith("Cannot ") || e.getMessage().startsWith("Invalid "), e.getMessage());
    }
    assertEquals(Model.BINOMIAL, Model.named("binomial"));
  }
}
