package org.staffoutcomes.charts;

import java.util.function.DoubleFunction;
import org.jfree.svg.util.DoubleConverter;

/**
 * Coordinates in an SVG as text: at most {@code digits} decimals, trailing zeros and a lone point
 * dropped, no exponent ({@code 12.5}, {@code 3}, {@code -0.07}) - the text JFreeSVG's own
 * {@link DoubleConverter} writes, which formats through {@link java.text.DecimalFormat} and was a
 * third of the time drawing an XmR chart took. Values within a thousandth of a unit of the last
 * digit of a tie, values of a trillion units or more, NaN and infinities are left to that converter,
 * so the text is the same for every value.
 */
final class SvgNumbers implements DoubleFunction<String> {

  private final int digits;
  private final double scale;
  private final DoubleConverter fallback;

  SvgNumbers(int digits) {
    if (digits < 1 || digits > 6) {
      throw new IllegalArgumentException("digits must be 1 to 6: " + digits);
    }
    this.digits = digits;
    this.scale = Math.pow(10, digits);
    this.fallback = new DoubleConverter(digits);
  }

  @Override
  public String apply(double value) {
    double product = value * scale;
    double scaled = Math.rint(product);
    // The product is rounded, the decimal value is not: within a hair of a tie, or too large for
    // the hair to be small, only DecimalFormat's exact arithmetic knows which way the value goes.
    if (!Double.isFinite(product) || Math.abs(product) >= 1e12 || Math.abs(Math.abs(product - scaled) - 0.5) < 1e-3) {
      synchronized (fallback) { // a DecimalFormat: not thread-safe, and charts draw on several threads
        return fallback.apply(value);
      }
    }
    long units = (long) scaled;
    if (units == 0) {
      return value < 0 || (value == 0 && 1 / value < 0) ? "-0" : "0";
    }
    StringBuilder s = new StringBuilder(24);
    if (units < 0) {
      s.append('-');
      units = -units;
    }
    long factor = (long) scale;
    s.append(units / factor);
    long fraction = units % factor;
    if (fraction != 0) {
      int shown = digits;
      while (fraction % 10 == 0) {
        fraction /= 10;
        shown--;
      }
      s.append('.');
      String f = Long.toString(fraction);
      for (int i = f.length(); i < shown; i++) {
        s.append('0');
      }
      s.append(f);
    }
    return s.toString();
  }
}
