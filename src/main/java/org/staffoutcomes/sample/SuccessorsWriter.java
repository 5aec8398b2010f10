package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code successors/succ.csv}: the mergers, in the layout of the organisation data service's
 * succession file (predecessor code, successor code, reason, effective date as {@code CCYYMMDD}),
 * with a header row. One row per predecessor, by effective date; a chain (A and B into C, later C
 * and D into E) has a row for each step. Written with its header alone when a run has no mergers.
 */
final class SuccessorsWriter {

  static final String DATASET = "successors";
  static final String FILE = "succ.csv";
  static final String REASON = "Merger";

  private SuccessorsWriter() {}

  /** {@code 20190401}: 1 April of the merger year. */
  static String effectiveDate(int year) {
    return String.format(Locale.ROOT, "%04d0401", year);
  }

  static SampleSummary.DatasetCount write(Path landingDir, SampleWorld world) throws IOException {
    long rows = 0;
    try (CSVPrinter out = Csv.open(landingDir.resolve("successors").resolve(FILE),
        "Predecessor Organisation Code", "Successor Organisation Code", "Succession Reason",
        "Effective Date")) {
      for (Successions.Merger m : world.successions().mergers()) {
        for (Organisation predecessor : m.predecessors()) {
          out.printRecord(predecessor.code(), m.successor().code(), REASON,
              effectiveDate(m.year()));
          rows++;
        }
      }
    }
    return new SampleSummary.DatasetCount(DATASET, 1, rows);
  }
}
