package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffoutcomes.stats.CorrelationTest.assertMessage;

import org.junit.jupiter.api.Test;

/** Edge cases and argument validation for {@link RandomEffects}. */
class RandomEffectsTest {

  @Test
  void oneCorrelationIsItsOwnFisherInterval() {
    PooledEstimate res = RandomEffects.derSimonianLaird(new double[] {0.42}, new int[] {37});
    CorrelationResult single = Correlation.tested(37, 0.42, 35, 34, 0.95);
    assertEquals(1, res.k());
    assertEquals(0.42, res.estimate(), 1e-15);
    assertEquals(single.ciLow(), res.ciLow(), 1e-15);
    assertEquals(single.ciHigh(), res.ciHigh(), 1e-15);
    assertEquals(0.0, res.tau2());
    assertEquals(0.0, res.i2());
    assertEquals(0.0, res.q());
  }

  @Test
  void equalCorrelationsHaveNoHeterogeneity() {
    PooledEstimate res =
        RandomEffects.derSimonianLaird(new double[] {0.3, 0.3, 0.3}, new int[] {20, 50, 100});
    assertEquals(0.3, res.estimate(), 1e-15);
    assertEquals(0.0, res.q(), 1e-28);
    assertEquals(0.0, res.tau2());
    assertEquals(0.0, res.i2());
  }

  @Test
  void nothingUsableGivesNaN() {
    PooledEstimate res = RandomEffects.derSimonianLaird(
        new double[] {0.5, Double.NaN, 0.2}, new int[] {3, 100, -4});
    assertEquals(0, res.k());
    for (double v : new double[] {res.estimate(), res.ciLow(), res.ciHigh(), res.p(), res.tau2(),
        res.i2(), res.q()}) {
      assertTrue(Double.isNaN(v), res.toString());
    }
  }

  @Test
  void invalidInputIsRejectedWithCannot() {
    assertMessage("Cannot pool correlations: r has 2 values but n has 1",
        () -> RandomEffects.derSimonianLaird(new double[] {0.1, 0.2}, new int[] {10}));
    for (double bad : new double[] {1, -1, 1.2, Double.NEGATIVE_INFINITY}) {
      assertMessage("Cannot pool correlations: r[1] is " + bad
          + "; |r| must be below 1 for a finite Fisher z",
          () -> RandomEffects.derSimonianLaird(new double[] {0.1, bad}, new int[] {10, 20}));
    }
    assertThrows(NullPointerException.class,
        () -> RandomEffects.derSimonianLaird(null, new int[0]));
  }
}
