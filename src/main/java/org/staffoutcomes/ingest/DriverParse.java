package org.staffoutcomes.ingest;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * A small dataset parsed in the driver, streamed once through each file: its kept rows, its quarantined
 * rows and a report per file, with no Spark job (Spark only writes the two tables). Duplicate keys
 * are found across all its files ({@link DuplicateKeys}), in file then line order.
 *
 * @param kept rows in {@link LakeRows#keptSchema} order
 * @param quarantined rows in {@link LakeRows#QUARANTINE_SCHEMA} order
 * @param files one report per input file, in the given order
 */
record DriverParse(List<Row> kept, List<Row> quarantined, List<FileReport> files) {

  static DriverParse of(DatasetDescriptor d, List<InputFile> inputs, Configuration conf) {
    List<Row> kept = new ArrayList<>();
    List<Row> quarantined = new ArrayList<>();
    List<FileReport> reports = new ArrayList<>();
    DuplicateKeys keys = new DuplicateKeys(d);
    int columns = d.columns().size();
    Charset charset = Charset.forName(d.csv().encoding());
    for (InputFile f : inputs) {
      long read = 0;
      long keptHere = 0;
      try (java.io.Reader in = InputFiles.reader(f, charset, conf)) {
        for (java.util.Iterator<ParsedLine> it = CsvFileParser.stream(d, f.relativePath(), in); it.hasNext(); ) {
          ParsedLine line = it.next();
          read++;
          String duplicate = keys.reasonFor(line);
          if (line.kept() && duplicate == null) {
            kept.add(LakeRows.keptRow(line, columns));
            keptHere++;
          } else {
            quarantined.add(LakeRows.quarantineRow(d, line, duplicate == null ? line.reason() : duplicate));
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("Cannot close " + f.relativePath(), e);
      }
      reports.add(new FileReport(d.name(), f.relativePath(), f.sha256(), f.bytes(), read, keptHere, read - keptHere));
    }
    return new DriverParse(kept, quarantined, reports);
  }
}
