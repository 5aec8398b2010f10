package org.staffoutcomes.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the trust pages word a CSV cell, and what they link it to. */
class PageNumbersTest {

  @Test
  void valuesAreRoundedByTheirSizeAndKind() {
    assertEquals("7.12", PageNumbers.shown("value", 7.12345));
    assertEquals("65.4", PageNumbers.shown("value", 65.44));
    assertEquals("-12.3", PageNumbers.shown("change", -12.34));
    assertEquals("12,346", PageNumbers.shown("group_best", 12_345.6));
    assertEquals("0.00", PageNumbers.shown("change", -0.001), "no sign on a value that rounds to zero");
    assertEquals("<0.001", PageNumbers.shown("p", 0.0004));
    assertEquals("0.012", PageNumbers.shown("five_year_p", 0.01234));
    assertEquals("-0.26", PageNumbers.shown("r", -0.256));
    assertEquals("3", PageNumbers.shown("quintile", 3));
    assertEquals("1,204", PageNumbers.shown("n", 1204));
    assertEquals(PageNumbers.MISSING, PageNumbers.shown("value", Double.NaN));
    assertEquals("+1.50", PageNumbers.signed("change", 1.5));
    assertEquals("-1.50", PageNumbers.signed("change", -1.5));
  }

  @Test
  void aNumberLinksToItsLineAndColumnAndAMissingOneToNothing() {
    RowLink link = RowLink.of("positions.csv", 0);
    assertEquals(2, link.line(), "the first row after the header");
    assertEquals("<a href=\"../data/positions.csv#row=2&amp;col=value\">7.12</a>",
        link.number("value", 7.123));
    assertEquals(PageNumbers.MISSING, link.number("value", Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new RowLink("positions.csv", 1));
  }

  @Test
  void aCodeThatCannotBeAFileNameIsSpelledInHex() {
    assertEquals("RA1.html", TrustPages.fileName("RA1"));
    assertEquals("org-2e2e2f78.html", TrustPages.fileName("../x"));
    assertEquals("org-696e646578.html", TrustPages.fileName("index"));
    assertEquals("org-3c623e.html", TrustPages.fileName("<b>"));
  }

  @Test
  void writesWhatDecimalFormatWritesRoundingHalfUp() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (String pattern : List.of("0.000", "0.00", "0.0", "#,##0")) {
      for (int i = 0; i < 100_000; i++) {
        double v = switch (i % 5) {
          case 0 -> random.nextDouble(-1, 1);
          case 1 -> random.nextDouble(-100, 100);
          case 2 -> random.nextDouble(-1e7, 1e7);
          case 3 -> Math.round(random.nextDouble(-5000, 5000)) / 8.0; // exact ties: 0.125, 2.5, ...
          default -> random.nextDouble(0, 1e-3) * (random.nextBoolean() ? 1 : -1); // rounds to zero
        };
        assertEquals(PageNumbers.formatExactly(pattern, v), PageNumbers.format(pattern, v), pattern + " of " + v);
      }
      for (double v : new double[] {2.675, 1.005, 0.0005, 0.125, -0.125, 999.95, 1e15, -0.0}) {
        assertEquals(PageNumbers.formatExactly(pattern, v), PageNumbers.format(pattern, v), pattern + " of " + v);
      }
    }
  }
}
