package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code ae/AE_<yyyy>-<MM>.csv}, A&E attendances at type 1 (major) departments and those seen
 * within four hours, one file per month, acute non-specialist trusts.
 *
 * <p>Attendances follow the trust's size, a summer peak, national growth and the 2020 lockdown
 * dip; the breaches (attendances over four hours) of a financial year are the planted share of
 * the year's attendances, spread over the months with a winter peak, so {@code 100 * sum(within) /
 * sum(total)} over the year is the planted performance to one attendance.
 */
final class AeWriter {

  static final String DATASET = "ae_attendances";
  static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

  private static final double[] ATTENDANCE_SEASON =
      {0.99, 1.06, 1.04, 1.06, 0.99, 0.99, 1.00, 0.97, 0.98, 0.95, 0.90, 1.03};
  private static final double[] BREACH_SEASON =
      {0.85, 0.85, 0.80, 0.85, 0.85, 0.90, 1.00, 1.10, 1.30, 1.35, 1.20, 1.15};
  private static final double[] LOCKDOWN_2020 =
      {0.55, 0.70, 0.80, 0.85, 0.88, 0.88, 0.85, 0.80, 0.80, 0.70, 0.78, 0.90};

  private AeWriter() {}

  static String fileName(YearMonth month) {
    return "AE_" + PERIOD.format(month) + ".csv";
  }

  static SampleSummary.DatasetCount write(Path landingDir, SampleWorld world) throws IOException {
    Rng rng = world.stream("ae");
    double[] volume = new double[world.organisations().size()];
    for (Organisation org : world.organisations()) {
      volume[org.index()] = org.headcount() * 1.6 * Math.exp(rng.gaussian(0, 0.2));
    }
    MonthlyRows rows = new MonthlyRows();
    SampleOptions options = world.options();
    for (int year = options.firstYear(); year <= options.lastOutcomeYear(); year++) {
      for (Organisation org : world.organisations()) {
        if (world.coverage().outcomeRow(OutcomeSpec.AE_4HR, org, year)) {
          addYear(rows, world, org, year, volume[org.index()], rng);
        }
      }
    }
    return rows.write(DATASET, landingDir.resolve("ae"), AeWriter::fileName,
        "Period", "Org Code", "Org Name", "Total attendances", "Attendances within 4 hours");
  }

  private static void addYear(MonthlyRows rows, SampleWorld world, Organisation org, int year,
      double volume, Rng rng) {
    YearMonth[] months = Monthly.financialYear(year);
    double growth = 1 + 0.012 * (Math.min(year, 2019) - 2016);
    long[] total = new long[12];
    double[] profile = new double[12];
    for (int m = 0; m < 12; m++) {
      double lockdown = year == 2020 ? LOCKDOWN_2020[m] : 1.0;
      total[m] = Math.round(volume * growth * lockdown * ATTENDANCE_SEASON[m]
          * (1 + rng.gaussian(0, 0.03)));
      profile[m] = BREACH_SEASON[m] * Math.exp(rng.gaussian(0, 0.1));
    }
    long[] within = Monthly.meeting(total,
        world.outcome(OutcomeSpec.AE_4HR, org, year), profile);
    for (int m = 0; m < 12; m++) {
      rows.add(months[m], List.of(PERIOD.format(months[m]), org.code(), org.name(),
          Long.toString(total[m]), Long.toString(within[m])));
    }
  }
}
