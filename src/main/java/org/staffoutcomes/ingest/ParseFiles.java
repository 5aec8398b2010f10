package org.staffoutcomes.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.Function;
import org.staffoutcomes.lake.LocalFiles;
import org.staffoutcomes.lake.PartFiles;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * Runs on an executor: streams one input file (given by its index) through the parser and writes,
 * as it goes, either its kept rows or its quarantined rows as that file's part of a lake table
 * ({@link PartFiles}, part number = the file's index): a file never has to fit in memory, and no
 * row becomes a Spark row. Returns the file's counts.
 *
 * <p>Duplicate keys are checked within the file, which is complete when no two files share a
 * period (the caller decides), in bounded memory ({@link FileDuplicates}): the kept rows are
 * written as parsed, and only a file found to hold duplicates is read again to write its part
 * without them. The quarantine's pass checks again only the files the first pass found duplicates
 * in, and makes the same decisions.
 */
final class ParseFiles implements Function<Integer, ParseFiles.Counted> {

  /** Which of a file's lines are written. */
  enum Emit {
    KEPT,
    QUARANTINED
  }

  /** A file's counts, and how many of its quarantined lines repeat an earlier line's key. */
  record Counted(FileReport report, long duplicates) implements Serializable {}

  private final DatasetDescriptor descriptor;
  private final List<InputFile> files;
  private final Emit emit;
  private final PartFiles out;
  private final FileDuplicates.Limits limits;
  /** For {@link Emit#QUARANTINED}: the files whose first pass found duplicate keys. */
  private final Set<Integer> withDuplicates;

  private ParseFiles(DatasetDescriptor descriptor, List<InputFile> files, Emit emit, PartFiles out,
      FileDuplicates.Limits limits, Set<Integer> withDuplicates) {
    this.descriptor = descriptor;
    this.files = List.copyOf(files);
    this.emit = emit;
    this.out = out;
    this.limits = limits;
    this.withDuplicates = Set.copyOf(withDuplicates);
  }

  /** The first pass: each file's kept rows into {@code out}, its lines counted. */
  static ParseFiles kept(DatasetDescriptor d, List<InputFile> files, PartFiles out, FileDuplicates.Limits limits) {
    return new ParseFiles(d, files, Emit.KEPT, out, limits, Set.of());
  }

  /**
   * The second pass, over files with quarantined lines: their quarantined rows into {@code out};
   * duplicate keys are looked for again in the files of {@code withDuplicates} only.
   */
  static ParseFiles quarantined(DatasetDescriptor d, List<InputFile> files, PartFiles out,
      FileDuplicates.Limits limits, Set<Integer> withDuplicates) {
    return new ParseFiles(d, files, Emit.QUARANTINED, out, limits, withDuplicates);
  }

  @Override
  public Counted call(Integer index) {
    InputFile file = files.get(index);
    Configuration conf = LocalFiles.configuration();
    FileDuplicates.Lines lines = each -> forEachLine(file, conf, each);
    int columns = descriptor.columns().size();
    long[] read = {0};
    long[] kept = {0};
    try (FileDuplicates keys = new FileDuplicates(descriptor, limits)) {
      if (emit == Emit.KEPT) {
        try (PartFiles.Writer rows = out.open(index, conf)) {
          lines.forEach(line -> {
            read[0]++;
            keys.offer(line);
            if (line.kept()) {
              kept[0]++;
              rows.write(LakeRows.keptValues(line, columns));
            }
          });
        }
        try (FileDuplicates.Found duplicates = keys.find(lines)) {
          if (duplicates.count() > 0) {
            // The part again without them. Each duplicate has the period (so the partition) of a
            // line that stays, so the same files are met and overwritten: none is left behind.
            try (PartFiles.Writer rows = out.open(index, conf)) {
              lines.forEach(line -> {
                if (line.kept() && duplicates.reasonFor(line) == null) {
                  rows.write(LakeRows.keptValues(line, columns));
                }
              });
            }
          }
          return counted(file, read[0], kept[0] - duplicates.count(), duplicates.count());
        }
      }
      FileDuplicates.Found found = withDuplicates.contains(index) ? offeredAndFound(keys, lines) : null;
      try (PartFiles.Writer rows = out.open(index, conf)) {
        lines.forEach(line -> {
          read[0]++;
          String duplicate = found == null ? null : found.reasonFor(line);
          if (line.kept() && duplicate == null) {
            kept[0]++;
          } else {
            rows.write(LakeRows.quarantineValues(descriptor, line, duplicate == null ? line.reason() : duplicate));
          }
        });
      } finally {
        if (found != null) {
          found.close();
        }
      }
      return counted(file, read[0], kept[0], found == null ? 0 : found.count());
    }
  }

  /** The duplicates of a file read once to offer its keys (and again, if any hash repeats). */
  private static FileDuplicates.Found offeredAndFound(FileDuplicates keys, FileDuplicates.Lines lines) {
    lines.forEach(keys::offer);
    return keys.find(lines);
  }

  private Counted counted(InputFile file, long read, long kept, long duplicates) {
    return new Counted(new FileReport(descriptor.name(), file.relativePath(), file.sha256(), file.bytes(), read, kept,
        read - kept), duplicates);
  }

  /** One read of a file: each of its lines, parsed, in order. */
  private void forEachLine(InputFile file, Configuration conf, Consumer<ParsedLine> each) {
    try (Reader reader = InputFiles.reader(file, Charset.forName(descriptor.csv().encoding()), conf)) {
      for (Iterator<ParsedLine> lines = CsvFileParser.stream(descriptor, file.relativePath(), reader); lines.hasNext(); ) {
        each.accept(lines.next());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.relativePath(), e);
    }
  }
}
