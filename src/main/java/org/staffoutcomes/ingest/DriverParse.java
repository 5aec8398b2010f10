package org.staffoutcomes.ingest;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * A small dataset parsed in the driver, in one pass over each file: its kept rows, its quarantined
 * rows and a report per file, with no Spark job (Spark only writes the two tables). Duplicate keys
 * are found with a map, in file then line order, exactly as the distributed path's window does:
 * the first occurrence of a key within its period is kept, every later one is quarantined with a
 * reason pointing at the first.
 *
 * @param kept rows in {@link LakeRows#keptSchema} order
 * @param quarantined rows of (dataset, source_file, source_line, raw, reason)
 * @param files one report per input file, in the given order
 */
record DriverParse(List<Row> kept, List<Row> quarantined, List<FileReport> files) {

  static DriverParse of(DatasetDescriptor d, List<InputFile> inputs, Configuration conf) {
    List<Row> kept = new ArrayList<>();
    List<Row> quarantined = new ArrayList<>();
    List<FileReport> reports = new ArrayList<>();
    Map<List<Object>, String> firstSeen = new HashMap<>();
    int columns = d.columns().size();
    int[] keyIndex = d.key().stream().mapToInt(k -> indexOf(d, k)).toArray();
    Charset charset = Charset.forName(d.csv().encoding());
    for (InputFile f : inputs) {
      long read = 0;
      long keptHere = 0;
      for (ParsedLine line : CsvFileParser.parse(d, f.relativePath(), InputFiles.read(f, charset, conf))) {
        read++;
        String reason = line.reason();
        if (reason == null && keyIndex.length > 0) {
          List<Object> key = new ArrayList<>(keyIndex.length + 1);
          for (int i : keyIndex) {
            key.add(line.values()[i]);
          }
          key.add(line.period());
          String first = firstSeen.putIfAbsent(key, f.relativePath() + " line " + line.line());
          if (first != null) {
            reason = duplicateReason(d, key, line, first);
          }
        }
        if (reason == null) {
          kept.add(keptRow(line, columns));
          keptHere++;
        } else {
          quarantined.add(RowFactory.create(d.name(), line.sourceFile(), line.line(), line.raw(), reason));
        }
      }
      reports.add(new FileReport(d.name(), f.relativePath(), f.sha256(), f.bytes(), read, keptHere, read - keptHere));
    }
    return new DriverParse(kept, quarantined, reports);
  }

  /** The same words as the distributed path's reason (IngestStage#markDuplicateKeys). */
  private static String duplicateReason(DatasetDescriptor d, List<Object> key, ParsedLine line, String first) {
    StringBuilder b = new StringBuilder("duplicate key (");
    for (int i = 0; i < d.key().size(); i++) {
      b.append(i == 0 ? "" : ", ").append(d.key().get(i)).append('=').append(key.get(i));
    }
    if (line.period() != null) {
      b.append(", period starting ").append(line.period().start());
    }
    return b.append("): first seen at ").append(first).toString();
  }

  private static Row keptRow(ParsedLine line, int columns) {
    Row full = LakeRows.toRow(line, columns);
    Object[] values = new Object[full.length() - 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = full.get(i);
    }
    return RowFactory.create(values);
  }

  private static int indexOf(DatasetDescriptor d, String column) {
    for (int i = 0; i < d.columns().size(); i++) {
      if (d.columns().get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("key column '" + column + "' is not a column of " + d.name()
        + " (" + Arrays.toString(d.columns().stream().map(c -> c.name()).toArray()) + ")");
  }
}
