package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code cqc/cqc_ratings.csv}: the full CQC ratings history in one file, a row per organisation,
 * inspection report and domain (Overall and the five key questions), dated by publication
 * ({@code dd/MM/yyyy}). See {@link CqcHistory} for how the ratings are drawn.
 */
final class CqcWriter {

  static final String DATASET = "cqc_ratings";
  static final String FILE = "cqc_ratings.csv";
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

  private CqcWriter() {}

  static SampleSummary.DatasetCount write(Path landingDir, CqcHistory history) throws IOException {
    long rows = 0;
    try (CSVPrinter out = Csv.open(landingDir.resolve("cqc").resolve(FILE),
        "Provider ODS Code", "Provider Name", "Domain", "Rating", "Publication Date")) {
      for (CqcHistory.Inspection i : history.inspections()) {
        for (int d = 0; d < CqcHistory.DOMAINS.size(); d++) {
          out.printRecord(i.org().code(), i.org().name(), CqcHistory.DOMAINS.get(d),
              CqcHistory.LEVELS.get(i.levels()[d] - 1), DATE.format(i.published()));
          rows++;
        }
      }
    }
    return new SampleSummary.DatasetCount(DATASET, 1, rows);
  }
}
