package org.staffoutcomes.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * Parses one input file against its descriptor, keeping for every record its physical line
 * number and raw text (Spark's CSV reader gives neither), streaming: the text held at any time is
 * the record being read, never the file.
 *
 * <p>The rule for broken CSV, which never lets one bad line swallow good ones:
 *
 * <ul>
 *   <li>The first non-blank line is the header; it must be whole on its line.
 *   <li>A record is one physical line, unless a quoted field holds a line break: then the record
 *       goes on over the next lines until the quote closes. Such a record spanning several lines
 *       is read only if (a) none of its later lines reads as a record by itself (as many fields
 *       as the header, no quote left open, no text after a closing quote, no {@code "} inside an
 *       unquoted field), (b) it never has more fields than the header, (c) its quote closes
 *       before the end of the file and within {@value #MAX_RECORD_CHARS} characters, and (d) it
 *       then has exactly as many fields as the header, with no text after a closing quote.
 *       Otherwise (an unclosed quote, or a stray quote that swallowed a line break) the record's
 *       <b>first physical line alone</b> is quarantined, saying where the quote opened and why
 *       it was given up, and parsing restarts at the next physical line.
 *   <li>A one-line record with text after a closing quote, or longer than
 *       {@value #MAX_RECORD_CHARS} characters, is quarantined as that line; one with the wrong
 *       number of fields, or bad values, by {@link RecordParser}.
 *   <li>A record holding bytes not valid in the declared encoding (read through
 *       {@link DecodingReader}) is quarantined, naming line, column and byte offset.
 *   <li>Empty lines hold nothing and are skipped (a line of spaces is a record).
 * </ul>
 *
 * <p>So every physical line after the header is either blank, or part of exactly one record that
 * comes back kept or with a reason: rows read = rows kept + rows quarantined. Quarantined raw text
 * is cut to {@value ParsedLine#MAX_RAW_CHARS} characters, the reason saying how long it was.
 */
public final class CsvFileParser {

  /** The most characters one record may hold (and that a quoted field may run over lines for). */
  public static final int MAX_RECORD_CHARS = 1 << 20;

  private CsvFileParser() {}

  /** The header fields of a file's text, for checking before any work is shipped to executors. */
  public static List<String> header(DatasetDescriptor descriptor, String sourceFile, String text) {
    return readHeader(sourceFile, new PhysicalLines(new StringReader(text), MAX_RECORD_CHARS), null,
        new FieldSplitter(descriptor.csv().delimiterChar()));
  }

  /**
   * Every data record of a file read from {@code in}, parsed one by one as the iterator is
   * advanced; never throws for bad data rows (they come back with a reason). When {@code in} is
   * the {@link DecodingReader} of {@link InputFiles#reader}, bytes it could not decode quarantine
   * their record.
   *
   * <p>The header is read here, before this method returns: an empty file, a header that cannot be
   * read, or one the descriptor refuses throw {@link IngestException} from this call, never from
   * the iterator. {@code in} is read as far as needed and is not closed (the caller owns it).
   *
   * @throws IngestException when the file has no header or a bad one (from this call)
   * @throws UncheckedIOException when {@code in} fails (from this call or from the iterator)
   */
  public static Iterator<ParsedLine> stream(DatasetDescriptor descriptor, String sourceFile, Reader in) {
    return new Records(descriptor, sourceFile, in);
  }

  /** Every data record of the file, parsed; never throws for bad data rows. */
  public static List<ParsedLine> parse(DatasetDescriptor descriptor, String sourceFile, String fileText) {
    List<ParsedLine> out = new ArrayList<>();
    stream(descriptor, sourceFile, new StringReader(fileText)).forEachRemaining(out::add);
    return out;
  }

  /** The parsed records of one file. */
  private static final class Records implements Iterator<ParsedLine> {
    private final String sourceFile;
    private final PhysicalLines lines;
    private final DecodingReader decoding;
    private final FieldSplitter splitter;
    /** Reads a line alone, to see whether it would be a record by itself. */
    private final FieldSplitter probe;
    private final RecordParser recordParser;
    private ParsedLine next;
    private boolean done;

    Records(DatasetDescriptor descriptor, String sourceFile, Reader in) {
      this.sourceFile = sourceFile;
      this.lines = new PhysicalLines(in, MAX_RECORD_CHARS);
      this.decoding = in instanceof DecodingReader d ? d : null;
      this.splitter = new FieldSplitter(descriptor.csv().delimiterChar());
      this.probe = new FieldSplitter(descriptor.csv().delimiterChar());
      this.recordParser = new RecordParser(descriptor, sourceFile, readHeader(sourceFile, lines, decoding, splitter));
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        next = read();
        done = next == null;
      }
      return next != null;
    }

    @Override
    public ParsedLine next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ParsedLine p = next;
      next = null;
      return p;
    }

    /** The next record, or null at the end of the file. */
    private ParsedLine read() {
      PhysicalLines.Line first = nextNonBlank();
      if (first == null) {
        return null;
      }
      if (first.cut()) {
        return rejected(first, first.text().substring(0, ParsedLine.MAX_RAW_CHARS), "the line has " + first.length()
            + " characters, more than the " + MAX_RECORD_CHARS + " a record may hold (raw text: its first "
            + ParsedLine.MAX_RAW_CHARS + ")" + undecodableNote(List.of(first)));
      }
      splitter.begin();
      splitter.feed(first);
      List<PhysicalLines.Line> span = new ArrayList<>(1);
      span.add(first);
      long chars = first.length();
      String broken = null;
      while (splitter.open()) {
        if (splitter.fieldCount() > recordParser.headerSize()) {
          broken = "the quote opened at " + splitter.quoteStart() + " runs on into a record of more fields than the header's "
              + recordParser.headerSize();
          break;
        }
        PhysicalLines.Line more = nextLine();
        if (more == null) {
          broken = "the quote opened at " + splitter.quoteStart() + " is not closed by the end of the file";
          break;
        }
        chars += span.get(span.size() - 1).lineBreak().length() + more.length();
        span.add(more);
        if (more.cut() || chars > MAX_RECORD_CHARS) {
          broken = "the quote opened at " + splitter.quoteStart() + " is not closed within the " + MAX_RECORD_CHARS
              + " characters a record may hold";
          break;
        }
        if (standsAlone(more)) {
          broken = "the quote opened at " + splitter.quoteStart() + " is still open at line " + more.number()
              + ", which reads as a record by itself";
          break;
        }
        splitter.feed(more);
      }
      if (broken == null && span.size() > 1) {
        if (splitter.error() != null) {
          broken = "the quote opened at " + splitter.quoteStart() + " closes on a later line, where " + splitter.error();
        } else if (splitter.fieldCount() != recordParser.headerSize()) {
          broken = "the quote opened at " + splitter.quoteStart() + " closes on line " + span.get(span.size() - 1).number()
              + ", making a record of " + splitter.fieldCount() + " fields, the header has " + recordParser.headerSize();
        }
      }
      if (broken != null) {
        lines.pushBack(span.subList(1, span.size()));
        return rejected(first, first.text(), "malformed CSV: " + broken + "; this line alone is quarantined and reading"
            + " goes on at line " + (first.number() + 1) + undecodableNote(List.of(first)));
      }
      String raw = raw(span);
      if (splitter.error() != null) {
        return rejected(first, raw, "malformed CSV: " + splitter.error() + undecodableNote(span));
      }
      String undecodable = undecodable(decoding, span);
      if (undecodable != null) {
        return rejected(first, raw, undecodable);
      }
      return recordParser.parse(splitter.fields(), first.number(), raw);
    }

    /**
     * Whether a line, read alone, is a whole record: as many fields as the header, no quote left
     * open, no text after a closing quote and no {@code "} inside an unquoted field (the mark of
     * a line that closes a quote opened on an earlier one).
     */
    private boolean standsAlone(PhysicalLines.Line line) {
      probe.begin();
      probe.feed(line);
      return !probe.open() && probe.error() == null && !probe.hadStrayQuote()
          && probe.fieldCount() == recordParser.headerSize();
    }

    private ParsedLine rejected(PhysicalLines.Line first, String raw, String reason) {
      return new ParsedLine(sourceFile, first.number(), raw, null, null, reason);
    }

    private static String raw(List<PhysicalLines.Line> span) {
      if (span.size() == 1) {
        return span.get(0).text();
      }
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < span.size(); i++) {
        b.append(span.get(i).text()).append(i < span.size() - 1 ? span.get(i).lineBreak() : "");
      }
      return b.toString();
    }

    private String undecodableNote(List<PhysicalLines.Line> span) {
      String u = undecodable(decoding, span);
      return u == null ? "" : "; also " + u;
    }

    private PhysicalLines.Line nextNonBlank() {
      return CsvFileParser.nextNonBlank(sourceFile, lines);
    }

    private PhysicalLines.Line nextLine() {
      return CsvFileParser.nextLine(sourceFile, lines);
    }
  }

  /** The header's fields: the first non-blank line, which must be a whole record on its own. */
  private static List<String> readHeader(String sourceFile, PhysicalLines lines, DecodingReader decoding,
      FieldSplitter splitter) {
    PhysicalLines.Line line = nextNonBlank(sourceFile, lines);
    if (line == null) {
      throw new IngestException(sourceFile + " line 1: the file is empty (no header)");
    }
    String at = sourceFile + " line " + line.number() + ": cannot read the header: ";
    if (line.cut()) {
      throw new IngestException(at + "the line has " + line.length() + " characters, more than the "
          + MAX_RECORD_CHARS + " a record may hold");
    }
    String undecodable = undecodable(decoding, List.of(line));
    if (undecodable != null) {
      throw new IngestException(at + undecodable);
    }
    splitter.begin();
    splitter.feed(line);
    if (splitter.error() != null) {
      throw new IngestException(at + splitter.error());
    }
    if (splitter.open()) {
      throw new IngestException(at + "the quote opened at " + splitter.quoteStart() + " is not closed on that line");
    }
    return splitter.fields();
  }

  /**
   * What is undecodable in these lines (consecutive, in order), naming the first run's line,
   * column and byte offset, or null when all decoded (or {@code decoding} is null).
   */
  private static String undecodable(DecodingReader decoding, List<PhysicalLines.Line> span) {
    if (decoding == null) {
      return null;
    }
    long end = span.get(span.size() - 1).end();
    DecodingReader.Undecodable first = null;
    int count = 0;
    for (DecodingReader.Undecodable u = decoding.takeBefore(end); u != null; u = decoding.takeBefore(end)) {
      if (u.charPosition() >= span.get(0).start()) {
        first = first == null ? u : first;
        count++;
      }
    }
    if (first == null) {
      return null;
    }
    PhysicalLines.Line at = span.get(0);
    for (PhysicalLines.Line l : span) {
      if (l.start() <= first.charPosition()) {
        at = l;
      }
    }
    return "bytes not valid " + decoding.charsetName() + " at line " + at.number() + " column "
        + (first.charPosition() - at.start() + 1) + " (byte offset " + first.byteOffset() + ": " + first.hex() + ")"
        + (count > 1 ? " and " + (count - 1) + " more place(s) in this record" : "");
  }

  private static PhysicalLines.Line nextNonBlank(String sourceFile, PhysicalLines lines) {
    PhysicalLines.Line line = nextLine(sourceFile, lines);
    while (line != null && line.blank()) {
      line = nextLine(sourceFile, lines);
    }
    return line;
  }

  private static PhysicalLines.Line nextLine(String sourceFile, PhysicalLines lines) {
    try {
      return lines.next();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + sourceFile, e);
    }
  }
}
