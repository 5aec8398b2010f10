package org.staffoutcomes.sample;

import java.time.YearMonth;

/**
 * Occupied bed days of an acute trust per month of a financial year, and the infection case
 * counts they carry. Each organisation-year draws from its own random stream, so {@link
 * CorrelationFit} (before any file is written) and {@link HcaiWriter} see the same figures.
 */
final class BedDays {

  private static final double[] OCCUPANCY =
      {0.90, 0.90, 0.89, 0.89, 0.88, 0.90, 0.91, 0.92, 0.90, 0.95, 0.94, 0.93};

  private BedDays() {}

  /** Bed days of the twelve months, April first (fewer in 2020/21, when wards were closed). */
  static long[] monthly(SampleWorld world, Organisation org, int year) {
    long seed = world.options().seed();
    double beds = org.headcount() / 7.5
        * Math.exp(Rng.stream(seed, "beds|" + org.code()).gaussian(0, 0.12));
    Rng rng = Rng.stream(seed, "bed-days|" + org.code() + "|" + year);
    double pandemic = year == 2020 ? 0.85 : 1.0;
    YearMonth[] months = Monthly.financialYear(year);
    long[] days = new long[12];
    for (int m = 0; m < 12; m++) {
      days[m] = Math.round(beds * OCCUPANCY[m] * pandemic * months[m].lengthOfMonth()
          * (1 + rng.gaussian(0, 0.02)));
    }
    return days;
  }

  static long annual(SampleWorld world, Organisation org, int year) {
    long sum = 0;
    for (long d : monthly(world, org, year)) {
      sum += d;
    }
    return sum;
  }

  /** Cases in a year: the rate per 100,000 bed days times the year's bed days, rounded. */
  static long cases(double rate, long bedDays) {
    return Math.round(rate * bedDays / 100_000);
  }

  /** The rate the published counts show: {@code 100000 * cases / bed days}. */
  static double publishedRate(double rate, long bedDays) {
    return 100_000.0 * cases(rate, bedDays) / bedDays;
  }
}
