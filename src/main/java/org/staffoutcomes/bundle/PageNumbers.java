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

  /**
   * {@code value} by {@code pattern} ({@code 0.000}, {@code 0.00}, {@code 0.0} or {@code #,##0}),
   * rounded half up: worked out with longs, which is what the pages' tens of thousands of numbers
   * cost most in DecimalFormat; a value within a hair of a tie, or too large, goes to
   * DecimalFormat's exact arithmetic, so the text is the same for every value.
   */
  static String format(String pattern, double value) {
    int digits = switch (pattern) {
      case "0.000" -> 3;
      case "0.00" -> 2;
      case "0.0" -> 1;
      case "#,##0" -> 0;
      default -> -1;
    };
    double scaled = Math.abs(value) * POWERS[Math.max(digits, 0)];
    double whole = Math.floor(scaled);
    if (digits < 0 || !(scaled < 1e12) || Math.abs(scaled - whole - 0.5) < 1e-6) {
      return formatExactly(pattern, value);
    }
    long units = (long) whole + (scaled - whole > 0.5 ? 1 : 0);
    if (units == 0) {
      return digits == 0 ? "0" : "0." + "0".repeat(digits); // a value rounding to zero has no sign
    }
    long factor = (long) POWERS[digits];
    StringBuilder text = new StringBuilder(20);
    if (value < 0) {
      text.append('-');
    }
    String integer = Long.toString(units / factor);
    if (digits == 0) {
      int first = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
      text.append(integer, 0, first);
      for (int i = first; i < integer.length(); i += 3) {
        text.append(',').append(integer, i, i + 3);
      }
      return text.toString();
    }
    String fraction = Long.toString(units % factor);
    text.append(integer).append('.');
    for (int i = fraction.length(); i < digits; i++) {
      text.append('0');
    }
    return text.append(fraction).toString();
  }

  private static final double[] POWERS = {1, 10, 100, 1000};

  /** {@link #format} by DecimalFormat itself. */
  static String formatExactly(String pattern, double value) {
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
