package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.jfree.svg.util.DoubleConverter;
import org.junit.jupiter.api.Test;

class SvgNumbersTest {

  @Test
  void writesWhatJFreeSvgsDecimalFormatWrites() {
    SplittableRandom random = new SplittableRandom(7);
    for (int digits = 1; digits <= 3; digits++) {
      SvgNumbers fast = new SvgNumbers(digits);
      DoubleConverter reference = new DoubleConverter(digits);
      for (int i = 0; i < 200_000; i++) {
        // chart coordinates: pixels with fractions, some negative, some far off the canvas
        double v = switch (i % 4) {
          case 0 -> random.nextDouble(-50, 1400);
          case 1 -> Math.round(random.nextDouble(0, 800)) / 4.0;
          case 2 -> random.nextDouble(-1e9, 1e9);
          default -> random.nextDouble(-1, 1) / 1000;
        };
        assertEquals(reference.apply(v), fast.apply(v), "value " + v + " to " + digits + " digits");
      }
    }
  }

  @Test
  void dropsTrailingZerosAndKeepsLeadingOnes() {
    SvgNumbers two = new SvgNumbers(2);
    assertEquals("3", two.apply(3.0));
    assertEquals("12.5", two.apply(12.5));
    assertEquals("0.07", two.apply(0.07));
    assertEquals("-0.07", two.apply(-0.07));
    assertEquals("-12", two.apply(-11.999));
    assertEquals("0", two.apply(0.004));
    assertEquals("-0", two.apply(-0.004));
    assertEquals("1005.01", two.apply(1005.01));
  }

  @Test
  void roundsTiesAsDecimalFormatDoesOnTheExactBinaryValue() {
    SvgNumbers two = new SvgNumbers(2);
    DoubleConverter reference = new DoubleConverter(2);
    // 0.125 and 0.375 are exact ties (half-even: 0.12, 0.38); 2.675 and 1.005 are just below one
    // in binary, 0.135 just above: rounding the scaled product alone gets some of these wrong.
    for (double v : new double[] {0.125, 0.375, -0.125, 2.675, 1.005, 0.135, 0.145, 1.115, 1e11 + 0.005}) {
      assertEquals(reference.apply(v), two.apply(v), "value " + v);
    }
  }

  @Test
  void leavesWhatALongCannotHoldToTheReference() {
    SvgNumbers two = new SvgNumbers(2);
    DoubleConverter reference = new DoubleConverter(2);
    for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -3e17}) {
      assertEquals(reference.apply(v), two.apply(v));
    }
  }
}
