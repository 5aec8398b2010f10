package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code finance/trust_accounts.csv}: one file, a row per organisation and financial year
 * ({@code 2019/20}), with the surplus or deficit and the operating income in £000, printed with
 * thousands separators (so quoted) and deficits as plain negative numbers ({@code "-1,234"}).
 *
 * <p>Income follows the workforce and grows about 4.5% a year in cash terms; the surplus is the
 * planted percentage of income rounded to the £000, so {@code 100 * surplus / income} is the
 * planted value to about 0.0002 points.
 */
final class FinanceWriter {

  static final String DATASET = "trust_finance";
  static final String FILE = "trust_accounts.csv";

  private FinanceWriter() {}

  /** {@code 2019/20} for the financial year starting April 2019. */
  static String financialYear(int year) {
    return String.format(Locale.ROOT, "%d/%02d", year, (year + 1) % 100);
  }

  static SampleSummary.DatasetCount write(Path landingDir, SampleWorld world) throws IOException {
    Rng rng = world.stream("finance");
    double[] scale = new double[world.organisations().size()];
    for (Organisation org : world.organisations()) {
      double perHead = org.group() == BenchmarkGroup.ACUTE_SPECIALIST ? 75 : 58;
      scale[org.index()] = org.headcount() * perHead * Math.exp(rng.gaussian(0, 0.08));
    }
    long rows = 0;
    SampleOptions options = world.options();
    try (CSVPrinter out = Csv.open(landingDir.resolve("finance").resolve(FILE),
        "Financial year", "Organisation code", "Organisation name", "Surplus/(deficit) £000",
        "Operating income £000")) {
      for (int year = options.firstYear(); year <= options.lastOutcomeYear(); year++) {
        for (Organisation org : world.organisations()) {
          if (!world.coverage().outcomeRow(OutcomeSpec.SURPLUS_PCT, org, year)) {
            continue;
          }
          double cash = Math.pow(1.045, year - 2012) * (year >= 2020 ? 1.06 : 1.0);
          long income = Math.round(scale[org.index()] * cash * (1 + rng.gaussian(0, 0.02)));
          long surplus =
              Math.round(income * world.outcome(OutcomeSpec.SURPLUS_PCT, org, year) / 100);
          out.printRecord(financialYear(year), org.code(), org.name(),
              Csv.integer(surplus, true), Csv.integer(income, true));
          rows++;
        }
      }
    }
    return new SampleSummary.DatasetCount(DATASET, 1, rows);
  }
}
