package org.staffoutcomes.ingest;

import java.nio.charset.Charset;
import java.util.Iterator;
import org.staffoutcomes.lake.LocalFiles;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * Runs on an executor: every line of one file, streamed, as a row of {@link LakeRows#parsedSchema} (values,
 * provenance, raw text and reason), for the path that finds duplicate keys across files.
 */
final class ParseAllLines implements FlatMapFunction<InputFile, Row> {

  private final DatasetDescriptor descriptor;

  ParseAllLines(DatasetDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  @Override
  public Iterator<Row> call(InputFile file) {
    java.io.Reader reader = InputFiles.reader(file, Charset.forName(descriptor.csv().encoding()),
        LocalFiles.configuration());
    Iterator<ParsedLine> lines = CsvFileParser.stream(descriptor, file.relativePath(), reader);
    int columns = descriptor.columns().size();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (lines.hasNext()) {
          return true;
        }
        try {
          reader.close();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("Cannot close " + file.relativePath(), e);
        }
        return false;
      }

      @Override
      public Row next() {
        return LakeRows.toRow(lines.next(), columns);
      }
    };
  }
}
