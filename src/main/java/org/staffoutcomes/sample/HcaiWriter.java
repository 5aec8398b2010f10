package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code hcai/hcai_<yyyy>.csv}, healthcare-associated infections, one file per calendar year with a
 * row per month and acute trust: hospital-onset MRSA bacteraemia and C. difficile cases and
 * occupied bed days. Files of odd years print bed days with thousands separators (quoted).
 *
 * <p>Per financial year the annual case count is the planted rate times the bed days ({@link
 * BedDays}), rounded (no Poisson noise), and the cases are scattered over the months at random
 * (C. difficile a little more in winter); so {@code 100000 * sum(cases) / sum(bed days)} is the
 * planted rate up to the rounding of one count. C. difficile has about 35 cases a trust a year;
 * MRSA is rare (2-3 a year, mostly 0 or 1 a month), so the rounding is large for its rate, and
 * {@link CorrelationFit} fits the planted correlations on the rates the rounded counts show.
 */
final class HcaiWriter {

  static final String DATASET = "hcai";
  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private static final double[] CDIFF_SEASON =
      {0.95, 0.95, 0.90, 0.90, 0.90, 0.95, 1.00, 1.05, 1.10, 1.15, 1.10, 1.05};

  private HcaiWriter() {}

  static String fileName(YearMonth month) {
    return "hcai_" + month.getYear() + ".csv";
  }

  static SampleSummary.DatasetCount write(Path landingDir, SampleWorld world) throws IOException {
    Rng rng = world.stream("hcai");
    MonthlyRows rows = new MonthlyRows();
    SampleOptions options = world.options();
    for (int year = options.firstYear(); year <= options.lastOutcomeYear(); year++) {
      for (Organisation org : world.organisations()) {
        if (world.coverage().outcomeRow(OutcomeSpec.CDIFF_RATE, org, year)) {
          addYear(rows, world, org, year, rng);
        }
      }
    }
    return rows.write(DATASET, landingDir.resolve("hcai"), HcaiWriter::fileName,
        "Month", "Trust code", "Trust name", "MRSA hospital-onset", "C. difficile hospital-onset",
        "Occupied bed days");
  }

  private static void addYear(MonthlyRows rows, SampleWorld world, Organisation org, int year,
      Rng rng) {
    YearMonth[] months = Monthly.financialYear(year);
    long[] bedDays = BedDays.monthly(world, org, year);
    double[] bedWeights = new double[12];
    double[] cdiffWeights = new double[12];
    long total = 0;
    for (int m = 0; m < 12; m++) {
      bedWeights[m] = bedDays[m];
      cdiffWeights[m] = bedDays[m] * CDIFF_SEASON[m];
      total += bedDays[m];
    }
    long mrsa = BedDays.cases(world.outcome(OutcomeSpec.MRSA_RATE, org, year), total);
    long cdiff = BedDays.cases(world.outcome(OutcomeSpec.CDIFF_RATE, org, year), total);
    long[] mrsaMonths = Monthly.scatter(mrsa, bedWeights, rng);
    long[] cdiffMonths = Monthly.scatter(cdiff, cdiffWeights, rng);
    for (int m = 0; m < 12; m++) {
      boolean thousands = months[m].getYear() % 2 != 0;
      rows.add(months[m], List.of(MONTH.format(months[m]), org.code(), org.name(),
          Long.toString(mrsaMonths[m]), Long.toString(cdiffMonths[m]),
          Csv.integer(bedDays[m], thousands)));
    }
  }
}
