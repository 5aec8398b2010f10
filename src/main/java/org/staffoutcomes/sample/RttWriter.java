package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code rtt/RTT_<Month>_<yyyy>.csv} (e.g. {@code RTT_April_2019.csv}), referral to treatment:
 * incomplete pathways at the month end and those waiting up to 18 weeks, one file per month, acute
 * trusts, provider names in capitals as published.
 *
 * <p>The waiting list grows over the years (sharply after 2020); the over-18-week pathways of a
 * financial year's twelve snapshots are the planted share of their sum, spread over the months, so
 * {@code 100 * sum(within) / sum(total)} over the year is the planted figure to one pathway.
 */
final class RttWriter {

  static final String DATASET = "rtt_waiting";
  static final DateTimeFormatter PERIOD =
      DateTimeFormatter.ofPattern("'RTT-'MMMM-yyyy", Locale.ENGLISH);
  static final DateTimeFormatter FILE =
      DateTimeFormatter.ofPattern("'RTT_'MMMM'_'yyyy'.csv'", Locale.ENGLISH);

  private RttWriter() {}

  static String fileName(YearMonth month) {
    return FILE.format(month);
  }

  static SampleSummary.DatasetCount write(Path landingDir, SampleWorld world) throws IOException {
    Rng rng = world.stream("rtt");
    double[] volume = new double[world.organisations().size()];
    for (Organisation org : world.organisations()) {
      volume[org.index()] = org.headcount() * 6.0 * Math.exp(rng.gaussian(0, 0.25));
    }
    MonthlyRows rows = new MonthlyRows();
    SampleOptions options = world.options();
    for (int year = options.firstYear(); year <= options.lastOutcomeYear(); year++) {
      for (Organisation org : world.organisations()) {
        if (world.coverage().outcomeRow(OutcomeSpec.RTT_18WK, org, year)) {
          addYear(rows, world, org, year, volume[org.index()], rng);
        }
      }
    }
    return rows.write(DATASET, landingDir.resolve("rtt"), RttWriter::fileName,
        "Period", "Provider Org Code", "Provider Org Name", "Total incomplete pathways",
        "Within 18 weeks");
  }

  /** Relative size of the waiting list in the month (index 0 = April of the year). */
  private static double listSize(int year, int month) {
    double t = year + month / 12.0;
    double size = 1 + 0.04 * (Math.min(t, 2020.0) - 2012);
    return t <= 2020.0 ? size : size * (1 + 0.09 * Math.min(t - 2020.0, 3.5));
  }

  private static void addYear(MonthlyRows rows, SampleWorld world, Organisation org, int year,
      double volume, Rng rng) {
    YearMonth[] months = Monthly.financialYear(year);
    long[] total = new long[12];
    double[] profile = new double[12];
    for (int m = 0; m < 12; m++) {
      total[m] = Math.round(volume * listSize(year, m) * (1 + rng.gaussian(0, 0.01)));
      profile[m] = Math.exp(rng.gaussian(0, 0.08)) * (m >= 8 ? 1.08 : 1.0);
    }
    long[] within = Monthly.meeting(total,
        world.outcome(OutcomeSpec.RTT_18WK, org, year), profile);
    String name = org.name().toUpperCase(Locale.ROOT);
    for (int m = 0; m < 12; m++) {
      rows.add(months[m], List.of(PERIOD.format(months[m]), org.code(), name,
          Long.toString(total[m]), Long.toString(within[m])));
    }
  }
}
