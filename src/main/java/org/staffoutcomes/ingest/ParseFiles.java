package org.staffoutcomes.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * Runs on an executor: streams one input file through the parser and yields, as it goes, either
 * its kept rows or its quarantined rows (a file never has to fit in memory). Duplicate keys are
 * checked within the file, which is complete when no two files share a period (the caller
 * decides). When the file is exhausted its counts are added to an accumulator, if given.
 */
final class ParseFiles implements FlatMapFunction<InputFile, Row> {

  /** Which of a file's lines become rows. */
  enum Emit {
    KEPT,
    QUARANTINED
  }

  private final DatasetDescriptor descriptor;
  private final Emit emit;
  private final CollectionAccumulator<FileReport> counts;

  /** @param counts receives one report per file read, or null */
  ParseFiles(DatasetDescriptor descriptor, Emit emit, CollectionAccumulator<FileReport> counts) {
    this.descriptor = descriptor;
    this.emit = emit;
    this.counts = counts;
  }

  @Override
  public Iterator<Row> call(InputFile file) {
    Reader reader = InputFiles.reader(file, Charset.forName(descriptor.csv().encoding()), new Configuration());
    Iterator<ParsedLine> lines = CsvFileParser.stream(descriptor, file.relativePath(), reader);
    DuplicateKeys keys = new DuplicateKeys(descriptor);
    int columns = descriptor.columns().size();
    return new Iterator<>() {
      private Row next;
      private long read;
      private long kept;
      private boolean done;

      @Override
      public boolean hasNext() {
        while (next == null && !done) {
          if (!lines.hasNext()) {
            finish();
            break;
          }
          ParsedLine line = lines.next();
          read++;
          String duplicate = keys.reasonFor(line);
          boolean isKept = line.kept() && duplicate == null;
          if (isKept) {
            kept++;
          }
          if (isKept && emit == Emit.KEPT) {
            next = LakeRows.keptRow(line, columns);
          } else if (!isKept && emit == Emit.QUARANTINED) {
            next = LakeRows.quarantineRow(descriptor, line, duplicate == null ? line.reason() : duplicate);
          }
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }

      private void finish() {
        done = true;
        try {
          reader.close();
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot close " + file.relativePath(), e);
        }
        if (counts != null) {
          counts.add(new FileReport(descriptor.name(), file.relativePath(), file.sha256(), file.bytes(), read, kept,
              read - kept));
        }
      }
    };
  }
}
