package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code sickness-absence/sickness_absence_FY<yyyy>-<yy>.csv}, one file per financial year, a row
 * per organisation, month (April to March) and staff group.
 *
 * <p>The "All staff groups" months carry a winter-high seasonal pattern and noise, then are scaled
 * so that {@code sum(days lost) / sum(days available)} over the year is the planted annual rate.
 * "Nursing and midwifery" and "Medical" rows cover part of the workforce, so their days add up to
 * less than all staff.
 */
final class SicknessAbsenceWriter {

  static final String DATASET = "sickness_absence";
  static final String ALL = "All staff groups";
  static final String NURSING = "Nursing and midwifery";
  static final String MEDICAL = "Medical";

  /** Relative sickness by month, April first. */
  private static final double[] SEASON =
      {0.95, 0.92, 0.90, 0.93, 0.92, 0.97, 1.03, 1.06, 1.15, 1.14, 1.05, 0.98};

  private SicknessAbsenceWriter() {}

  /** {@code sickness_absence_FY2019-20.csv} for the financial year starting April 2019. */
  static String fileName(int year) {
    return String.format(Locale.ROOT, "sickness_absence_FY%d-%02d.csv", year, (year + 1) % 100);
  }

  static SampleSummary.DatasetCount write(Path landingDir, SampleWorld world) throws IOException {
    SampleOptions options = world.options();
    Rng rng = world.stream("sickness-absence");
    long rows = 0;
    int files = 0;
    for (int year = options.firstYear(); year <= options.lastOutcomeYear(); year++) {
      try (CSVPrinter out = Csv.open(
          landingDir.resolve("sickness-absence").resolve(fileName(year)),
          "DATE", "ORG_CODE", "ORG_NAME", "BENCHMARK_GROUP", "STAFF_GROUP", "FTE_DAYS_LOST",
          "FTE_DAYS_AVAILABLE", "SICKNESS_ABSENCE_RATE_PERCENT")) {
        files++;
        String[] monthEnds = new String[12];
        for (int m = 0; m < 12; m++) {
          monthEnds[m] = YearMonth.of(year, 4).plusMonths(m).atEndOfMonth().toString();
        }
        for (Organisation org : world.organisations()) {
          if (world.coverage().outcomeRow(OutcomeSpec.SICKNESS_ABSENCE, org, year)) {
            rows += writeOrganisation(out, world, org, year, monthEnds, rng);
          }
        }
      }
    }
    return new SampleSummary.DatasetCount(DATASET, files, rows);
  }

  private static int writeOrganisation(CSVPrinter out, SampleWorld world, Organisation org,
      int year, String[] monthEnds, Rng rng) throws IOException {
    double rate = world.outcome(OutcomeSpec.SICKNESS_ABSENCE, org, year) / 100;
    double fte = org.headcount() * 0.86 * (1 + 0.015 * (year - 2018));
    double[] available = new double[12];
    double[] lost = new double[12];
    double sumAvailable = 0;
    double sumLost = 0;
    for (int m = 0; m < 12; m++) {
      YearMonth month = YearMonth.of(year, 4).plusMonths(m);
      available[m] = fte * month.lengthOfMonth() * (1 + rng.gaussian(0, 0.01));
      lost[m] = available[m] * rate * SEASON[m] * (1 + rng.gaussian(0, 0.04));
      sumAvailable += available[m];
      sumLost += lost[m];
    }
    double scale = rate * sumAvailable / sumLost;
    double[] nursingShare = shares(org.group());
    int rows = 0;
    for (int m = 0; m < 12; m++) {
      String date = monthEnds[m];
      rows += print(out, date, org, ALL, available[m], lost[m] * scale);
      double monthRate = lost[m] * scale / available[m];
      double nAvail = available[m] * nursingShare[0] * (1 + rng.gaussian(0, 0.02));
      double nLost = nAvail * monthRate * 1.12 * (1 + rng.gaussian(0, 0.05));
      rows += print(out, date, org, NURSING, nAvail, nLost);
      double mAvail = available[m] * nursingShare[1] * (1 + rng.gaussian(0, 0.02));
      double mLost = mAvail * monthRate * 0.38 * (1 + rng.gaussian(0, 0.08));
      rows += print(out, date, org, MEDICAL, mAvail, mLost);
    }
    return rows;
  }

  /** {nursing and midwifery, medical} shares of FTE days by group. */
  private static double[] shares(BenchmarkGroup group) {
    return switch (group) {
      case ACUTE -> new double[] {0.36, 0.12};
      case ACUTE_SPECIALIST -> new double[] {0.33, 0.14};
      case MENTAL_HEALTH -> new double[] {0.30, 0.06};
      case COMMUNITY -> new double[] {0.38, 0.03};
      case AMBULANCE -> new double[] {0.03, 0.005};
    };
  }

  private static int print(CSVPrinter out, String date, Organisation org, String staffGroup,
      double available, double lost) throws IOException {
    double a = Csv.round(available, 2);
    double l = Csv.round(Math.max(0, lost), 2);
    out.printRecord(date, org.code(), org.name(), org.group().label(), staffGroup,
        Csv.fixed(l, 2), Csv.fixed(a, 2), Csv.fixed(100 * l / a, 4));
    return 1;
  }
}
