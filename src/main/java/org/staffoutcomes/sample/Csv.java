package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV writing and fixed number formatting shared by the writers (UTF-8, LF line ends). */
final class Csv {

  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private Csv() {}

  /** A printer on a new file (parent folders created), the header written. */
  static CSVPrinter open(Path file, String... header) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setHeader(header)
        .setRecordSeparator("\n")
        .get();
    return new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format);
  }

  /** {@code v} rounded half away from zero to {@code decimals} places (0 to 6). */
  static double round(double v, int decimals) {
    return scaled(v, decimals) / (double) POWERS[decimals];
  }

  /**
   * {@code v} rounded as by {@link #round} and printed with exactly {@code decimals} places, e.g.
   * {@code 6.900}; no exponent, no locale.
   */
  static String fixed(double v, int decimals) {
    long scaled = scaled(v, decimals);
    String digits = Long.toString(Math.abs(scaled));
    if (decimals > 0) {
      if (digits.length() <= decimals) {
        digits = "0".repeat(decimals + 1 - digits.length()) + digits;
      }
      int point = digits.length() - decimals;
      digits = digits.substring(0, point) + "." + digits.substring(point);
    }
    return scaled < 0 ? "-" + digits : digits;
  }

  private static long scaled(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("not a finite number: " + v);
    }
    double s = Math.abs(v) * POWERS[decimals];
    long r = (long) Math.floor(s + 0.5);
    return v < 0 ? -r : r;
  }

  /** An integer, with comma thousands separators ({@code 6,513}) when asked. */
  static String integer(long v, boolean thousands) {
    return thousands ? String.format(Locale.ROOT, "%,d", v) : Long.toString(v);
  }
}
