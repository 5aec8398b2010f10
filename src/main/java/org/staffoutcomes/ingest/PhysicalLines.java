package org.staffoutcomes.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The physical lines of a text read from a {@link Reader}, one at a time: each with its 1-based
 * number, its position, its text and the line break that ends it ({@code \n}, {@code \r\n} or a
 * lone {@code \r}; none for a last line without one). A leading byte-order mark is dropped. Lines
 * handed out can be pushed back, to be handed out again in the same order, which is how the CSV
 * parser restarts after a record it could not read.
 *
 * <p>A line longer than {@code maxChars} is read to its end but only its first {@code maxChars}
 * characters are held ({@link Line#cut}), so a 50 MB line costs no more memory than a short one.
 */
final class PhysicalLines {

  /**
   * One physical line.
   *
   * @param number 1-based line number
   * @param start position of its first character in the text read (counting a byte-order mark)
   * @param text its characters, without the line break (the first {@code maxChars} when cut)
   * @param lineBreak the line break ending it, empty at the end of the text
   * @param length how many characters it has, also when cut
   */
  record Line(long number, long start, String text, String lineBreak, long length) {

    boolean cut() {
      return length > text.length();
    }

    boolean blank() {
      return length == 0;
    }

    /** The position just after its line break. */
    long end() {
      return start + length + lineBreak.length();
    }
  }

  private static final int BUFFER_CHARS = 1 << 16;

  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[BUFFER_CHARS];
  private int pos;
  private int lim;
  private boolean ended;
  private long position;
  private long nextNumber = 1;
  private final StringBuilder text = new StringBuilder();
  private final ArrayDeque<Line> pushedBack = new ArrayDeque<>();

  PhysicalLines(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line, or null at the end of the text. */
  Line next() throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.pollFirst();
    }
    if (!available()) {
      return null;
    }
    if (position == 0 && buf[pos] == '\uFEFF') {
      pos++;
      position++;
    }
    long start = position;
    long length = 0;
    text.setLength(0);
    String lineBreak = "";
    while (available()) {
      int i = pos;
      while (i < lim && buf[i] != '\n' && buf[i] != '\r') {
        i++;
      }
      int n = i - pos;
      if (length < maxChars) {
        text.append(buf, pos, (int) Math.min(n, maxChars - length));
      }
      length += n;
      position += n;
      pos = i;
      if (i < lim) {
        lineBreak = buf[pos] == '\n' ? "\n" : "\r";
        pos++;
        position++;
        if (lineBreak.equals("\r") && available() && buf[pos] == '\n') {
          lineBreak = "\r\n";
          pos++;
          position++;
        }
        break;
      }
    }
    return new Line(nextNumber++, start, text.toString(), lineBreak, length);
  }

  /** Hands these lines (in this order) out again before any line not yet read. */
  void pushBack(List<Line> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      pushedBack.addFirst(lines.get(i));
    }
  }

  /** Whether a character is there to read at {@code buf[pos]}, reading more when needed. */
  private boolean available() throws IOException {
    while (pos == lim && !ended) {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        ended = true;
      } else {
        pos = 0;
        lim = n;
      }
    }
    return pos < lim;
  }
}
