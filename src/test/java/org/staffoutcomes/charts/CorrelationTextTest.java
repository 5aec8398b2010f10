package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.schema.MeasureInfo;

class CorrelationTextTest {

  static final MeasureInfo STAFF =
      new MeasureInfo("engagement", "Staff engagement", "score 0-10", true, true);
  static final MeasureInfo SHMI = new MeasureInfo("shmi", "SHMI", "ratio", false, false);
  static final MeasureInfo RATING =
      new MeasureInfo("rating", "Patient rating", "score", true, false);

  static CorrelationRow row(String outcome, double r, double lo, double hi, double p) {
    return new CorrelationRow("engagement", outcome, 0, "all", "2023", "pearson", r, lo, hi, p,
        150, "");
  }

  @Test
  void negativeWithLowerIsBetterIsBetterOutcomes() {
    String c = CorrelationText.caption(STAFF, SHMI, row("shmi", -0.32, -0.46, -0.17, 0.00005));
    assertEquals("Across 150 trusts in 2023, with the outcome measured in the survey year:"
        + " trusts with higher staff engagement tended to have lower SHMI, that is better"
        + " outcomes (lower SHMI is better). Pearson r = -0.32 (95% CI -0.46 to -0.17),"
        + " p < 0.001, n = 150. This is an association across trusts, not evidence of cause.", c);
  }

  @Test
  void directionFollowsHigherIsBetter() {
    assertTrue(CorrelationText.caption(STAFF, SHMI, row("shmi", 0.3, 0.1, 0.5, 0.01))
        .contains("higher SHMI, that is worse outcomes"));
    assertTrue(CorrelationText.caption(STAFF, RATING, row("rating", 0.3, 0.1, 0.5, 0.01))
        .contains("higher patient rating, that is better outcomes"));
    assertTrue(CorrelationText.caption(STAFF, RATING, row("rating", -0.3, -0.5, -0.1, 0.01))
        .contains("lower patient rating, that is worse outcomes"));
  }

  @Test
  void uncertainDirectionAndMissingCoefficientAreSaid() {
    assertTrue(CorrelationText.caption(STAFF, SHMI, row("shmi", 0.05, -0.1, 0.2, 0.52))
        .contains("includes zero"));
    CorrelationRow none = new CorrelationRow("engagement", "shmi", 1, "all", "pooled",
        "pearson", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 2, "fewer than 3 pairs");
    String c = CorrelationText.caption(STAFF, SHMI, none);
    assertTrue(c.startsWith("Across 2 trust-years (all survey years pooled), with the outcome"
        + " measured one year after the survey: no coefficient was computed (fewer than 3"
        + " pairs)."), c);
    assertTrue(c.endsWith("not evidence of cause."));
  }

  @Test
  void pValues() {
    assertEquals("p < 0.001", CorrelationText.pText(0.0009));
    assertEquals("p = 0.042", CorrelationText.pText(0.0421));
    assertEquals("p = 0.35", CorrelationText.pText(0.3512));
    assertEquals("p = 0.004", CorrelationText.pText(0.004));
    assertEquals("p not computed", CorrelationText.pText(Double.NaN));
  }

  @Test
  void labelsAreLowerCasedInsideSentencesUnlessTheyAreNames() {
    assertEquals("sickness absence rate", CorrelationText.lowerFirst("Sickness absence rate"));
    assertEquals("share of trusts rated Good", CorrelationText.lowerFirst("Share of trusts rated Good"));
    assertEquals("Friends and Family Test", CorrelationText.lowerFirst("Friends and Family Test"));
    assertEquals("SHMI (observed / expected deaths)", CorrelationText.lowerFirst("SHMI (observed / expected deaths)"));
  }
}
