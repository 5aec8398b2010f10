package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code shmi/SHMI_APRyy_MARyy.csv}, one file per financial year, acute non-specialist trusts; and,
 * as NHS Digital also publishes them, rolling calendar-year periods ({@code SHMI_JANyy_DECyy.csv})
 * in the same folder and layout. Those straddle two financial years, so the pipeline keeps them in
 * the lake but aligns none of them to a survey year; their values blend the two financial years
 * (a quarter the earlier, three quarters the later) and are drawn from their own random stream, so
 * the financial-year files are as they would be without them.
 *
 * <p>Expected deaths are in the hundreds to thousands, so {@code OBSERVED = round(EXPECTED *
 * target SHMI)} reproduces the planted SHMI almost exactly. Control limits follow the
 * overdispersion form {@code 1 +- 2 * sqrt(1 / EXPECTED + 0.0025)}; the banding is 1 above the
 * upper limit, 3 below the lower, 2 between, and {@code *} (suppressed) in about 1% of rows.
 */
final class ShmiWriter {

  static final String DATASET = "shmi";

  private ShmiWriter() {}

  /** {@code APR19_MAR20} for the financial year starting April 2019. */
  static String period(int year) {
    return String.format(Locale.ROOT, "APR%02d_MAR%02d", year % 100, (year + 1) % 100);
  }

  /** {@code JAN19_DEC19} for the calendar year 2019. */
  static String calendarPeriod(int year) {
    return String.format(Locale.ROOT, "JAN%02d_DEC%02d", year % 100, year % 100);
  }

  static SampleSummary.DatasetCount write(Path landingDir, SampleWorld world) throws IOException {
    SampleOptions options = world.options();
    Rng rng = world.stream("shmi");
    long rows = 0;
    int files = 0;
    for (int year = options.firstYear(); year <= options.lastOutcomeYear(); year++) {
      String period = period(year);
      try (CSVPrinter out = open(landingDir, period)) {
        files++;
        for (Organisation org : world.organisations()) {
          if (world.coverage().outcomeRow(OutcomeSpec.SHMI, org, year)) {
            double[] deaths = deaths(world, org, year);
            print(out, period, org, world.outcome(OutcomeSpec.SHMI, org, year), deaths, rng);
            rows++;
          }
        }
      }
    }
    Rng calendar = world.stream("shmi-calendar");
    for (int year = options.firstYear() + 1; year <= options.lastOutcomeYear(); year++) {
      String period = calendarPeriod(year);
      try (CSVPrinter out = open(landingDir, period)) {
        files++;
        for (Organisation org : world.organisations()) {
          if (world.coverage().outcomeRow(OutcomeSpec.SHMI, org, year - 1)
              && world.coverage().outcomeRow(OutcomeSpec.SHMI, org, year)) {
            double blend = 0.25 * world.outcome(OutcomeSpec.SHMI, org, year - 1)
                + 0.75 * world.outcome(OutcomeSpec.SHMI, org, year);
            double target = blend * (1 + calendar.gaussian(0, 0.01));
            print(out, period, org, target, drawDeaths(org, year, calendar), calendar);
            rows++;
          }
        }
      }
    }
    return new SampleSummary.DatasetCount(DATASET, files, rows);
  }

  private static CSVPrinter open(Path landingDir, String period) throws IOException {
    return Csv.open(landingDir.resolve("shmi").resolve("SHMI_" + period + ".csv"),
        "TIME_PERIOD", "PROVIDER_CODE", "PROVIDER_NAME", "SHMI_VALUE", "SHMI_BANDING", "OD_LL",
        "OD_UL", "SPELLS", "OBSERVED", "EXPECTED");
  }

  /**
   * {spells, expected deaths} of the organisation's financial year, from a random stream of its
   * own, so that {@link PriorOutcomeEffect} knows the SHMI the files will show.
   */
  static double[] deaths(SampleWorld world, Organisation org, int year) {
    return drawDeaths(org, year,
        Rng.stream(world.options().seed(), "shmi-deaths|" + org.code() + "|" + year));
  }

  /** Expected deaths of the organisation's financial year, as {@link #deaths} draws them. */
  static double expected(SampleWorld world, Organisation org, int year) {
    return deaths(world, org, year)[1];
  }

  private static double[] drawDeaths(Organisation org, int year, Rng rng) {
    long spells = Math.round((25_000 + 9.0 * org.headcount())
        * (1 + 0.012 * (year - 2018)) * (1 + rng.gaussian(0, 0.04)));
    return new double[] {spells, Csv.round(spells * 0.027 * (1 + rng.gaussian(0, 0.08)), 2)};
  }

  private static void print(CSVPrinter out, String period, Organisation org, double target,
      double[] deaths, Rng rng) throws IOException {
    long spells = (long) deaths[0];
    double expected = deaths[1];
    long observed = Math.round(expected * target);
    double value = Csv.round(observed / expected, 4);
    double halfWidth = 2 * Math.sqrt(1 / expected + 0.0025);
    double lower = Csv.round(1 - halfWidth, 4);
    double upper = Csv.round(1 + halfWidth, 4);
    String banding = rng.chance(0.01) ? "*"
        : value > upper ? "1" : value < lower ? "3" : "2";
    out.printRecord(period, org.code(), org.name().toUpperCase(Locale.ROOT),
        Csv.fixed(value, 4), banding, Csv.fixed(lower, 4), Csv.fixed(upper, 4),
        Long.toString(spells), Long.toString(observed), Csv.fixed(expected, 2));
  }
}
