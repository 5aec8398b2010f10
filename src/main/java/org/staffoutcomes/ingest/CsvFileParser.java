package org.staffoutcomes.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * Parses the text of one input file against its descriptor with Commons CSV, keeping for every
 * record its physical line number and raw text (Spark's CSV reader gives neither). A file whose CSV
 * structure breaks (an unclosed quote) has the rest of its text quarantined as one entry with the
 * line where parsing failed.
 */
public final class CsvFileParser {

  private CsvFileParser() {}

  /** The header fields of a file's text, for checking before any work is shipped to executors. */
  public static List<String> header(DatasetDescriptor descriptor, String sourceFile, String text) {
    try (CSVParser parser = CSVParser.parse(new StringReader(withoutBom(text)), format(descriptor))) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        throw new IngestException(sourceFile + " line 1: the file is empty (no header)");
      }
      return it.next().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new IngestException(sourceFile + " line 1: cannot read the header: " + rootMessage(e), e);
    }
  }

  /**
   * Every data record of a file read from {@code in}, parsed one by one as the iterator is
   * advanced (the same records and reasons as {@link #parse}). TODO(streaming): reads the text whole.
   */
  public static Iterator<ParsedLine> stream(DatasetDescriptor descriptor, String sourceFile, java.io.Reader in) {
    try {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[1 << 16];
      for (int n; (n = in.read(buf)) >= 0; ) {
        b.append(buf, 0, n);
      }
      return parse(descriptor, sourceFile, b.toString()).iterator();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + sourceFile, e);
    }
  }

  /** Every data record of the file, parsed; never throws for bad data rows. */
  public static List<ParsedLine> parse(DatasetDescriptor descriptor, String sourceFile, String fileText) {
    String text = withoutBom(fileText);
    LineIndex lines = new LineIndex(text);
    List<ParsedLine> out = new ArrayList<>();
    RecordParser recordParser = null;
    CSVRecord pending = null;
    long readUpTo = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format(descriptor))) {
      for (CSVRecord record : parser) {
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue; // a blank line holds no data
        }
        if (recordParser == null) {
          recordParser = new RecordParser(descriptor, sourceFile, record.toList());
        } else {
          if (pending != null) {
            out.add(parseRecord(recordParser, pending, lines, record.getCharacterPosition()));
          }
          pending = record;
        }
        readUpTo = lines.endOf(record);
      }
      if (pending != null) {
        out.add(parseRecord(recordParser, pending, lines, text.length()));
      }
    } catch (IOException | UncheckedIOException e) {
      if (recordParser == null) {
        throw new IngestException(sourceFile + " line 1: cannot read the header: " + rootMessage(e), e);
      }
      if (pending != null) {
        out.add(parseRecord(recordParser, pending, lines, readUpTo));
      }
      long from = lines.skipBlankLines(readUpTo);
      out.add(new ParsedLine(sourceFile, lines.lineOf(from), text.substring((int) from).strip(),
          null, null, "malformed CSV from this line to the end of the file: " + rootMessage(e)));
    }
    if (recordParser == null) {
      throw new IngestException(sourceFile + " line 1: the file is empty (no header)");
    }
    return out;
  }

  private static ParsedLine parseRecord(RecordParser parser, CSVRecord record, LineIndex lines, long end) {
    long start = record.getCharacterPosition();
    return parser.parse(record.toList(), lines.lineOf(start), lines.raw(start, end));
  }

  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static CSVFormat format(DatasetDescriptor descriptor) {
    return CSVFormat.RFC4180.builder()
        .setDelimiter(descriptor.csv().delimiterChar())
        .setIgnoreEmptyLines(false)
        .setTrim(false)
        .build();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Maps character positions to 1-based line numbers and cuts out a record's raw text. */
  private static final class LineIndex {
    private final String text;
    private final int[] lineStarts;

    LineIndex(String text) {
      this.text = text;
      int[] starts = new int[16];
      int n = 0;
      starts[n++] = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
          }
          starts[n++] = i + 1;
        }
      }
      lineStarts = Arrays.copyOf(starts, n);
    }

    long lineOf(long position) {
      int i = Arrays.binarySearch(lineStarts, (int) position);
      return (i >= 0 ? i : -i - 2) + 1;
    }

    /** Where the line after the record's last line starts (quoted fields may hold line breaks). */
    long endOf(CSVRecord record) {
      int lineBreaks = 0;
      for (String value : record) {
        lineBreaks += (int) value.chars().filter(c -> c == '\n').count();
      }
      int lastLine = (int) lineOf(record.getCharacterPosition()) + lineBreaks;
      return lastLine < lineStarts.length ? lineStarts[lastLine] : text.length();
    }

    /** The first position at or after {@code position} that starts a line with something on it. */
    long skipBlankLines(long position) {
      long p = position;
      while (p < text.length()) {
        int line = (int) lineOf(p);
        long next = line < lineStarts.length ? lineStarts[line] : text.length();
        if (!text.substring((int) p, (int) next).isBlank()) {
          break;
        }
        p = next;
      }
      return p;
    }

    String raw(long start, long end) {
      return text.substring((int) start, (int) end).replaceAll("[\\r\\n]+$", "");
    }
  }
}
