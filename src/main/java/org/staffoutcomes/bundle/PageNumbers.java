package org.staffoutcomes.bundle;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the trust pages show a number of a bundle CSV, by its column: the page shows exactly this
 * text of the CSV cell it links to, so a reader (and a test) can find the value in the row.
 */
final class PageNumbers {

  /** Columns holding a p-value: three decimals, or {@code <0.001}. */
  static final Set<String> P_COLUMNS = Set.of("p", "p_adjusted", "five_year_p");
  /** Columns holding a correlation coefficient or its bounds: two decimals. */
  static final Set<String> R_COLUMNS = Set.of("r", "ci_low", "ci_high");
  /** Columns holding a count or a rank: a whole number. */
  static final Set<String> WHOLE_COLUMNS = Set.of("n", "quintile", "rank", "group_n");

  /** Shown in place of a missing number (an empty CSV cell); never linked. */
  static final String MISSING = "\u2013";

  private PageNumbers() {}

  /**
   * The text for {@code value} of {@code column}: p-values to 3 decimals ({@code <0.001} below),
   * coefficients to 2, counts and ranks whole, any other value to 2 decimals below 10, 1 below
   * 1,000 and none from there (with thousands separators); {@link #MISSING} for NaN.
   */
  static String shown(String column, double value) {
    if (Double.isNaN(value)) {
      return MISSING;
    }
    if (P_COLUMNS.contains(column)) {
      return value < 0.001 ? "<0.001" : format("0.000", value);
    }
    if (R_COLUMNS.contains(column)) {
      return format("0.00", value);
    }
    if (WHOLE_COLUMNS.contains(column)) {
      return format("#,##0", value);
    }
    double size = Math.abs(value);
    return size < 10 ? format("0.00", value) : size < 1000 ? format("0.0", value) : format("#,##0", value);
  }

  /** A change, with its sign: {@code +1.25}, {@code -0.40}. */
  static String signed(String column, double value) {
    String text = shown(column, value);
    return !Double.isNaN(value) && value > 0 ? "+" + text : text;
  }

  /** One formatter per pattern and thread (a {@link DecimalFormat} is not thread-safe; pages are many). */
  private static final ThreadLocal<Map<String, DecimalFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

  private static String format(String pattern, double value) {
    DecimalFormat f = FORMATS.get().computeIfAbsent(pattern, p -> {
      DecimalFormat d = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.UK));
      d.setRoundingMode(RoundingMode.HALF_UP);
      return d;
    });
    String text = f.format(value);
    // -0.00 and the like: a value that rounds to zero is shown without a sign
    return text.startsWith("-") && text.chars().allMatch(c -> c == '-' || c == '0' || c == '.' || c == ',')
        ? text.substring(1) : text;
  }
}
