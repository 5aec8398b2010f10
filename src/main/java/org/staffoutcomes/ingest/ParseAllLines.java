package org.staffoutcomes.ingest;

import java.nio.charset.Charset;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * Runs on an executor: every line of one file as a row of {@link LakeRows#parsedSchema} (values,
 * provenance, raw text and reason), for the path that finds duplicate keys across files.
 */
final class ParseAllLines implements FlatMapFunction<InputFile, Row> {

  private final DatasetDescriptor descriptor;

  ParseAllLines(DatasetDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  @Override
  public Iterator<Row> call(InputFile file) {
    String text = InputFiles.read(file, Charset.forName(descriptor.csv().encoding()), new Configuration());
    int columns = descriptor.columns().size();
    return CsvFileParser.parse(descriptor, file.relativePath(), text).stream()
        .map(line -> LakeRows.toRow(line, columns))
        .iterator();
  }
}
