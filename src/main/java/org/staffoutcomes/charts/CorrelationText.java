package org.staffoutcomes.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.schema.MeasureInfo;

/** Plain-language wording of a correlation for captions and alt texts. */
public final class CorrelationText {

  private CorrelationText() {}

  /**
   * A caption such as: "Across 150 trusts in 2023, trusts with higher staff engagement tended to
   * have lower SHMI, that is better outcomes (lower SHMI is better). Pearson r = -0.32 (95% CI
   * -0.46 to -0.17), p < 0.001, n = 150. This is an association across trusts, not evidence of
   * cause."
   */
  public static String caption(MeasureInfo staff, MeasureInfo outcome, CorrelationRow c) {
    StringBuilder s = new StringBuilder();
    boolean pooled = CorrelationRow.POOLED.equals(c.year());
    String units = pooled ? "trust-years" : "trusts";
    s.append("Across ").append(c.n()).append(' ').append(units)
        .append(pooled ? " (all survey years pooled)" : " in " + c.year())
        .append(", with the outcome ").append(lagText(c.lag())).append(": ");
    if (!Double.isFinite(c.r())) {
      s.append("no coefficient was computed");
      if (c.note() != null && !c.note().isBlank()) {
        s.append(" (").append(c.note()).append(')');
      }
      s.append('.');
    } else {
      s.append(direction(staff, outcome, c.r())).append(' ')
          .append(statistics(c)).append('.');
      if (crossesZero(c)) {
        s.append(" The confidence interval includes zero, so even the direction is uncertain.");
      }
    }
    s.append(" This is an association across trusts, not evidence of cause.");
    return s.toString();
  }

  /** "trusts with higher X tended to have lower Y, that is better outcomes (lower Y is better)." */
  static String direction(MeasureInfo staff, MeasureInfo outcome, double r) {
    String y = lowerFirst(outcome.label());
    String better = (outcome.higherIsBetter() ? "higher " : "lower ") + y + " is better";
    if (r == 0) {
      return "there was no linear association between " + lowerFirst(staff.label()) + " and "
          + y + " (" + better + ").";
    }
    boolean higher = r > 0;
    boolean good = higher == outcome.higherIsBetter();
    return "trusts with higher " + lowerFirst(staff.label()) + " tended to have "
        + (higher ? "higher " : "lower ") + y + ", that is " + (good ? "better" : "worse")
        + " outcomes (" + better + ").";
  }

  /** "Pearson r = 0.32 (95% CI 0.17 to 0.46), p < 0.001, n = 150". */
  public static String statistics(CorrelationRow c) {
    StringBuilder s = new StringBuilder(methodSymbol(c.method())).append(" = ")
        .append(ChartStyle.fixed2(c.r()));
    if (Double.isFinite(c.ciLow()) && Double.isFinite(c.ciHigh())) {
      s.append(" (95% CI ").append(ChartStyle.fixed2(c.ciLow())).append(" to ")
          .append(ChartStyle.fixed2(c.ciHigh())).append(')');
    }
    s.append(", ").append(pText(c.p())).append(", n = ").append(c.n());
    return s.toString();
  }

  /** "Pearson r" or "Spearman rank correlation". */
  public static String methodSymbol(String method) {
    if (CorrelationRow.SPEARMAN.equalsIgnoreCase(method)) {
      return "Spearman's rho";
    }
    if (CorrelationRow.PEARSON.equalsIgnoreCase(method)) {
      return "Pearson r";
    }
    return method + " r";
  }

  /** "p < 0.001", "p = 0.042", "p = 0.35", "p not computed". */
  public static String pText(double p) {
    if (!Double.isFinite(p)) {
      return "p not computed";
    }
    if (p < 0.001) {
      return "p < 0.001";
    }
    return "p = " + new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros()
        .toPlainString();
  }

  /** "in the survey year", "one year after the survey", "2 years after the survey". */
  public static String lagText(int lag) {
    if (lag == 0) {
      return "measured in the survey year";
    }
    if (lag == 1) {
      return "measured one year after the survey";
    }
    return "measured " + lag + " years after the survey";
  }

  private static boolean crossesZero(CorrelationRow c) {
    return Double.isFinite(c.ciLow()) && Double.isFinite(c.ciHigh())
        && c.ciLow() <= 0 && c.ciHigh() >= 0;
  }

  /** "Staff engagement" becomes "staff engagement"; "SHMI" stays. */
  public static String lowerFirst(String label) {
    // A name whose next words are capitalised too ("Friends and Family Test") is a proper noun.
    boolean properNoun = java.util.Arrays.stream(label.split(" ")).skip(1).limit(2)
        .anyMatch(w -> !w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !w.equals(w.toUpperCase(Locale.ROOT)));
    if (!properNoun && label.length() >= 2 && Character.isUpperCase(label.charAt(0))
        && Character.isLowerCase(label.charAt(1))) {
      return label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }
    return label;
  }
}
