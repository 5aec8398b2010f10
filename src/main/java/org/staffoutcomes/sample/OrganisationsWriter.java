package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;

/** {@code organisations.csv}: the organisation reference. */
final class OrganisationsWriter {

  static final String DATASET = "organisations";

  private OrganisationsWriter() {}

  static SampleSummary.DatasetCount write(Path landingDir, SampleWorld world) throws IOException {
    long rows = 0;
    try (CSVPrinter out = Csv.open(landingDir.resolve("organisations.csv"),
        "ODS code", "Organisation name", "Trust type", "Benchmarking group", "Region")) {
      for (Organisation org : world.organisations()) {
        out.printRecord(org.code(), org.name(), org.trustType(), org.group().label(),
            org.region().label());
        rows++;
      }
    }
    return new SampleSummary.DatasetCount(DATASET, 1, rows);
  }
}
