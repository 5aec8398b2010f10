package org.staffoutcomes.sample;

import java.time.YearMonth;

/**
 * Splitting a planted annual figure over the twelve months of a financial year so that the annual
 * figure the pipeline forms from the published months (a ratio of summed counts, or a weighted
 * mean of rounded percentages) is the planted one up to the last unit.
 */
final class Monthly {

  private Monthly() {}

  /** April of {@code year} to March of {@code year + 1}. */
  static YearMonth[] financialYear(int year) {
    YearMonth[] months = new YearMonth[12];
    for (int m = 0; m < 12; m++) {
      months[m] = YearMonth.of(year, 4).plusMonths(m);
    }
    return months;
  }

  /**
   * {@code total} split in proportion to {@code weights} (largest remainder), none above its
   * {@code cap}: the parts sum to {@code total} exactly (when the caps allow it).
   */
  static long[] apportion(long total, double[] weights, long[] caps) {
    int n = weights.length;
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    long[] parts = new long[n];
    double[] remainder = new double[n];
    long assigned = 0;
    for (int m = 0; m < n; m++) {
      double exact = sum > 0 ? total * weights[m] / sum : 0;
      parts[m] = Math.min(caps[m], (long) Math.floor(exact));
      remainder[m] = exact - parts[m];
      assigned += parts[m];
    }
    while (assigned < total) {
      int best = -1;
      for (int m = 0; m < n; m++) {
        if (parts[m] < caps[m] && (best < 0 || remainder[m] > remainder[best])) {
          best = m;
        }
      }
      if (best < 0) {
        break;
      }
      parts[best]++;
      remainder[best] -= 1;
      assigned++;
    }
    return parts;
  }

  /**
   * The part of each month's {@code totals} meeting a standard such that {@code 100 *
   * sum(part) / sum(total)} is {@code percent} up to one unit in the total: the shortfall (the
   * total not meeting it) is split over the months in proportion to {@code totals[m] *
   * shortfallProfile[m]} by {@link #apportion}.
   */
  static long[] meeting(long[] totals, double percent, double[] shortfallProfile) {
    long sum = 0;
    double[] weights = new double[totals.length];
    for (int m = 0; m < totals.length; m++) {
      sum += totals[m];
      weights[m] = totals[m] * shortfallProfile[m];
    }
    long shortfall = Math.round(sum * (100 - percent) / 100);
    long[] missed = apportion(shortfall, weights, totals);
    long[] met = new long[totals.length];
    for (int m = 0; m < totals.length; m++) {
      met[m] = totals[m] - missed[m];
    }
    return met;
  }

  /** {@code total} events scattered at random over the months with probabilities ∝ weights. */
  static long[] scatter(long total, double[] weights, Rng rng) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    long[] counts = new long[weights.length];
    for (long k = 0; k < total; k++) {
      double u = rng.uniform() * sum;
      int m = 0;
      while (m < weights.length - 1 && u >= weights[m]) {
        u -= weights[m];
        m++;
      }
      counts[m]++;
    }
    return counts;
  }

  /**
   * Whole-number percentages for the months such that their {@code weights}-weighted mean is as
   * close as rounding allows to that of {@code exact}: each month's rounding error is carried into
   * the next (error diffusion), so the annual error is at most half a point times the last
   * month's share of the weight. Months with weight 0 get their value rounded on its own.
   */
  static long[] wholePercentages(double[] exact, long[] weights) {
    long[] out = new long[exact.length];
    double carry = 0;
    for (int m = 0; m < exact.length; m++) {
      if (weights[m] <= 0) {
        out[m] = Math.round(exact[m]);
        continue;
      }
      double wanted = exact[m] + carry / weights[m];
      out[m] = Math.max(0, Math.min(100, Math.round(wanted)));
      carry += (exact[m] - out[m]) * weights[m];
    }
    return out;
  }
}
