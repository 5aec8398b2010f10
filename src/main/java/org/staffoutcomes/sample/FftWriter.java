package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code fft/FFT_Inpatient_<Mon-yy>.csv}, inpatient Friends and Family Test, one file per month
 * from April 2013, acute trusts. As published: a whole-number percentage positive, {@code *}
 * (suppressed) where a month has fewer than 5 responses, and no files for April to November 2020
 * (collection paused in the pandemic).
 *
 * <p>The months of a financial year scatter the trust's share of negative answers around the
 * planted annual figure (worse in winter), scaled so that the response-weighted mean of the
 * published percentages over the unsuppressed months is the planted value; each month's rounding
 * error is carried into the next ({@link Monthly#wholePercentages}), so the annual value is exact
 * to a few hundredths of a point.
 */
final class FftWriter {

  static final String DATASET = "fft_inpatient";
  static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("MMM-yy", Locale.ENGLISH);

  /** Chance that a month has fewer than 5 responses (ward closures, late returns). */
  private static final double FEW_RESPONSES = 0.012;
  private static final double[] RESPONSES_SEASON =
      {0.98, 1.02, 1.00, 1.03, 0.97, 1.00, 1.03, 1.01, 0.90, 1.02, 0.96, 1.04};
  private static final double[] NEGATIVE_SEASON =
      {0.95, 0.95, 0.95, 0.95, 0.95, 1.00, 1.00, 1.05, 1.15, 1.15, 1.05, 1.00};

  private FftWriter() {}

  static String fileName(YearMonth month) {
    return "FFT_Inpatient_" + PERIOD.format(month) + ".csv";
  }

  /** Whether the month was published (not in the April-November 2020 pause). */
  static boolean published(YearMonth month) {
    return month.isBefore(YearMonth.of(2020, 4)) || month.isAfter(YearMonth.of(2020, 11));
  }

  static SampleSummary.DatasetCount write(Path landingDir, SampleWorld world) throws IOException {
    Rng rng = world.stream("fft");
    double[] volume = new double[world.organisations().size()];
    for (Organisation org : world.organisations()) {
      volume[org.index()] = org.headcount() * 0.2 * Math.exp(rng.gaussian(0, 0.25));
    }
    MonthlyRows rows = new MonthlyRows();
    SampleOptions options = world.options();
    for (int year = options.firstYear(); year <= options.lastOutcomeYear(); year++) {
      for (Organisation org : world.organisations()) {
        if (world.coverage().outcomeRow(OutcomeSpec.FFT_POSITIVE, org, year)) {
          addYear(rows, world, org, year, volume[org.index()], rng);
        }
      }
    }
    return rows.write(DATASET, landingDir.resolve("fft"), FftWriter::fileName,
        "Period", "Org code", "Org name", "Total responses", "Percentage positive");
  }

  private static void addYear(MonthlyRows rows, SampleWorld world, Organisation org, int year,
      double volume, Rng rng) {
    double target = world.outcome(OutcomeSpec.FFT_POSITIVE, org, year);
    YearMonth[] months = Monthly.financialYear(year);
    long[] responses = new long[12];
    boolean[] shown = new boolean[12];
    double[] negative = new double[12];
    double weightedNegative = 0;
    double weight = 0;
    for (int m = 0; m < 12; m++) {
      if (!published(months[m])) {
        continue;
      }
      boolean few = rng.chance(FEW_RESPONSES);
      double drawn = volume * RESPONSES_SEASON[m] * (1 + rng.gaussian(0, 0.08));
      responses[m] = few ? rng.intBetween(0, 4) : Math.max(5, Math.round(drawn));
      shown[m] = !few;
      negative[m] = NEGATIVE_SEASON[m] * Math.exp(rng.gaussian(0, 0.2));
      if (shown[m]) {
        weightedNegative += negative[m] * responses[m];
        weight += responses[m];
      }
    }
    double[] exact = new double[12];
    long[] weights = new long[12];
    for (int m = 0; m < 12; m++) {
      double share = weight > 0 ? negative[m] * weight / weightedNegative : 1;
      exact[m] = 100 - (100 - target) * share;
      weights[m] = shown[m] ? responses[m] : 0;
    }
    long[] percent = Monthly.wholePercentages(exact, weights);
    for (int m = 0; m < 12; m++) {
      if (published(months[m])) {
        rows.add(months[m], List.of(PERIOD.format(months[m]), org.code(), org.name(),
            Long.toString(responses[m]), shown[m] ? Long.toString(percent[m]) : "*"));
      }
    }
  }
}
