package org.staffoutcomes.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.Function;
import org.staffoutcomes.lake.LocalFiles;
import org.staffoutcomes.lake.PartFiles;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * Runs on an executor: streams one input file (given by its index) through the parser and writes,
 * as it goes, either its kept rows or its quarantined rows as that file's part of a lake table
 * ({@link PartFiles}, part number = the file's index): a file never has to fit in memory, and no
 * row becomes a Spark row. Duplicate keys are checked within the file, which is complete when no
 * two files share a period (the caller decides). Returns the file's counts.
 */
final class ParseFiles implements Function<Integer, FileReport> {

  /** Which of a file's lines are written. */
  enum Emit {
    KEPT,
    QUARANTINED
  }

  private final DatasetDescriptor descriptor;
  private final List<InputFile> files;
  private final Emit emit;
  private final PartFiles out;

  ParseFiles(DatasetDescriptor descriptor, List<InputFile> files, Emit emit, PartFiles out) {
    this.descriptor = descriptor;
    this.files = List.copyOf(files);
    this.emit = emit;
    this.out = out;
  }

  @Override
  public FileReport call(Integer index) {
    InputFile file = files.get(index);
    DuplicateKeys keys = new DuplicateKeys(descriptor);
    int columns = descriptor.columns().size();
    long read = 0;
    long kept = 0;
    Configuration conf = LocalFiles.configuration();
    try (Reader reader = InputFiles.reader(file, Charset.forName(descriptor.csv().encoding()), conf);
        PartFiles.Writer rows = out.open(index, conf)) {
      for (Iterator<ParsedLine> lines = CsvFileParser.stream(descriptor, file.relativePath(), reader); lines.hasNext(); ) {
        ParsedLine line = lines.next();
        read++;
        String duplicate = keys.reasonFor(line);
        boolean isKept = line.kept() && duplicate == null;
        if (isKept) {
          kept++;
        }
        if (isKept && emit == Emit.KEPT) {
          rows.write(LakeRows.keptValues(line, columns));
        } else if (!isKept && emit == Emit.QUARANTINED) {
          rows.write(LakeRows.quarantineValues(descriptor, line, duplicate == null ? line.reason() : duplicate));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.relativePath(), e);
    }
    return new FileReport(descriptor.name(), file.relativePath(), file.sha256(), file.bytes(), read, kept, read - kept);
  }
}
