package org.staffoutcomes.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * Parses one input file against its descriptor with Commons CSV, keeping for every record its
 * physical line number and raw text (Spark's CSV reader gives neither). A file whose CSV structure
 * breaks (an unclosed quote) has the rest of its text quarantined as one entry with the line where
 * parsing failed.
 *
 * <p>Records are parsed as they are read ({@link #stream}): the text held at any time is the
 * record being cut out plus Commons CSV's read-ahead, not the file. Only a malformed tail, which
 * becomes one quarantine entry, is held whole.
 */
public final class CsvFileParser {

  private static final int WINDOW_CHARS = 1 << 16;

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
   * advanced; never throws for bad data rows (they come back with a reason, and a CSV structure
   * error quarantines the rest of the file as one entry). A leading byte-order mark is dropped and
   * blank lines are skipped.
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

  private static boolean blank(CSVRecord record) {
    return record.size() == 1 && record.get(0).isEmpty();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /**
   * The parsed lines of one file. A data record is handed out once the next non-blank record (or
   * the end of the file) is read, because its raw text runs up to where that record starts.
   */
  private static final class Records implements Iterator<ParsedLine> {
    private final String sourceFile;
    private final Window text;
    private final Iterator<CSVRecord> records;
    private final RecordParser recordParser;
    private final ArrayDeque<ParsedLine> ready = new ArrayDeque<>(2);
    /** The last data record read, not yet handed out, with its start and line. */
    private CSVRecord pending;
    private long pendingStart;
    private long pendingLine;
    /** The last record read of any kind (header and blank lines too), with its start. */
    private CSVRecord last;
    private long lastStart;
    private boolean done;

    Records(DatasetDescriptor descriptor, String sourceFile, Reader in) {
      this.sourceFile = sourceFile;
      this.text = new Window(in);
      CSVRecord header = null;
      Iterator<CSVRecord> it;
      try {
        it = CSVParser.parse(text, format(descriptor)).iterator();
        while (header == null && it.hasNext()) {
          CSVRecord record = it.next();
          read(record);
          if (!blank(record)) {
            header = record;
          }
        }
      } catch (IOException | UncheckedIOException e) {
        text.rethrowReadFailure(sourceFile);
        throw new IngestException(sourceFile + " line 1: cannot read the header: " + rootMessage(e), e);
      }
      if (header == null) {
        throw new IngestException(sourceFile + " line 1: the file is empty (no header)");
      }
      this.records = it;
      this.recordParser = new RecordParser(descriptor, sourceFile, header.toList());
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && !done) {
        advance();
      }
      return !ready.isEmpty();
    }

    @Override
    public ParsedLine next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void read(CSVRecord record) {
      last = record;
      lastStart = record.getCharacterPosition();
      text.keepFrom(pending != null ? pendingStart : lastStart);
    }

    /** Reads one more record, handing out what it completes. */
    private void advance() {
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          done = true;
          if (pending != null) {
            handOutPending(text.end());
          }
          return;
        }
        record = records.next();
      } catch (UncheckedIOException e) {
        text.rethrowReadFailure(sourceFile);
        done = true;
        quarantineTheRest(e);
        return;
      }
      read(record);
      if (blank(record)) {
        return; // a blank line holds no data
      }
      if (pending != null) {
        handOutPending(lastStart);
      }
      pending = record;
      pendingStart = lastStart;
      pendingLine = text.lineOf(pendingStart);
      text.keepFrom(pendingStart);
    }

    private void handOutPending(long end) {
      ready.add(recordParser.parse(pending.toList(), pendingLine, text.rawUpTo(pendingStart, end)));
      pending = null;
    }

    /** The good record before the break, then the rest of the file from its first non-blank line. */
    private void quarantineTheRest(UncheckedIOException e) {
      text.readToEnd(sourceFile);
      int lineBreaks = 0;
      for (String value : last) {
        for (int i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) {
          lineBreaks++;
        }
      }
      long readUpTo = text.afterLineBreaks(lastStart, lineBreaks + 1);
      if (pending != null) {
        handOutPending(readUpTo);
      }
      long from = text.skipBlankLines(readUpTo);
      ready.add(new ParsedLine(sourceFile, text.lineOf(from), text.substring(from, text.end()).strip(),
          null, null, "malformed CSV from this line to the end of the file: " + rootMessage(e)));
    }
  }

  /**
   * The reader Commons CSV parses: passes on the characters of {@code in} (less a leading
   * byte-order mark) and keeps those from {@link #keepFrom} on, so that records can be cut out by
   * their character positions and line numbers counted as positions advance. Positions count
   * characters of the text without its byte-order mark.
   */
  private static final class Window extends Reader {
    private final Reader in;
    private char[] buf = new char[WINDOW_CHARS];
    /** The text position of {@code buf[0]}, and how many characters from there are held. */
    private long base;
    private int length;
    /** Characters before this position may be dropped. */
    private long keep;
    /** How many '\n' the text holds before position {@code counted}. */
    private long counted;
    private long lineBreaks;
    private boolean started;
    private boolean ended;
    private IOException failure;

    Window(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n;
      try {
        n = in.read(cbuf, off, len);
        if (!started && n > 0) {
          started = true;
          if (cbuf[off] == '\uFEFF') {
            System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
            n = n > 1 ? n - 1 : in.read(cbuf, off, len);
          }
        }
      } catch (IOException e) {
        failure = e;
        throw e;
      }
      if (n > 0) {
        append(cbuf, off, n);
      } else if (n < 0) {
        ended = true;
      }
      return n;
    }

    /** Commons CSV is never closed here: {@code in} belongs to the caller. */
    @Override
    public void close() {}

    void rethrowReadFailure(String sourceFile) {
      if (failure != null) {
        throw new UncheckedIOException("Cannot read " + sourceFile, failure);
      }
    }

    /** Reads what Commons CSV left unread, for a quarantined tail. */
    void readToEnd(String sourceFile) {
      char[] chunk = new char[8192];
      try {
        while (!ended) {
          read(chunk, 0, chunk.length);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + sourceFile, e);
      }
    }

    private void append(char[] cbuf, int off, int n) {
      if (length + n > buf.length) {
        int drop = (int) (keep - base);
        if (drop > 0) {
          System.arraycopy(buf, drop, buf, 0, length - drop);
          length -= drop;
          base = keep;
        }
        if (2L * (length + n) > buf.length) { // keep every compaction freeing at least half
          buf = Arrays.copyOf(buf, Math.max(2 * buf.length, 2 * (length + n)));
        }
      }
      System.arraycopy(cbuf, off, buf, length, n);
      length += n;
    }

    /** Where the text read so far ends. */
    long end() {
      return base + length;
    }

    /** Lets go of the text before {@code position} (which must not go back). */
    void keepFrom(long position) {
      countTo(position);
      keep = position;
    }

    /** The 1-based line of {@code position}; positions asked must not go back. */
    long lineOf(long position) {
      countTo(position);
      return lineBreaks + 1;
    }

    private void countTo(long position) {
      if (position <= counted) {
        return;
      }
      long n = lineBreaks;
      for (int i = (int) (counted - base), to = (int) (position - base); i < to; i++) {
        if (buf[i] == '\n') {
          n++;
        }
      }
      lineBreaks = n;
      counted = position;
    }

    /** The text from {@code start} to {@code end} without the line breaks that end it. */
    String rawUpTo(long start, long end) {
      int s = (int) (start - base);
      int e = (int) (end - base);
      while (e > s && (buf[e - 1] == '\n' || buf[e - 1] == '\r')) {
        e--;
      }
      return new String(buf, s, e - s);
    }

    String substring(long start, long end) {
      return new String(buf, (int) (start - base), (int) (end - start));
    }

    /** Just after the {@code count}th '\n' from {@code position} on, or the end of the text. */
    long afterLineBreaks(long position, int count) {
      int seen = 0;
      for (int i = (int) (position - base); i < length; i++) {
        if (buf[i] == '\n' && ++seen == count) {
          return base + i + 1;
        }
      }
      return end();
    }

    /** The first position at or after {@code position} that starts a line with something on it. */
    long skipBlankLines(long position) {
      long p = position;
      while (p < end()) {
        long next = afterLineBreaks(p, 1);
        for (int i = (int) (p - base), to = (int) (next - base); i < to; i++) {
          if (!Character.isWhitespace(buf[i])) {
            return p;
          }
        }
        p = next;
      }
      return p;
    }
  }
}
