package org.staffoutcomes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;

/**
 * Decodes a file's bytes in its declared character set and remembers every run of bytes that is
 * not valid in it (a Latin-1 byte in a UTF-8 file), with its byte offset in the file and the
 * character position where it stands: the parser quarantines the record holding it instead of
 * keeping a silent U+FFFD. The undecodable bytes come out as one U+FFFD each run, so that the
 * rest of the line still parses and its raw text can be shown.
 */
final class DecodingReader extends Reader {

  /**
   * Bytes that could not be decoded.
   *
   * @param charPosition the position of the U+FFFD standing for them in the decoded text
   * @param byteOffset their offset in the file (0-based)
   * @param hex the bytes, e.g. {@code 0xE9}
   */
  record Undecodable(long charPosition, long byteOffset, String hex) {}

  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final String charsetName;
  /** The file's name and its size when it was listed, or -1 when not known. */
  private final String sourceFile;
  private final long listedBytes;
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES).flip();
  /** The file offset of {@code bytes.array()[0]}. */
  private long bufferOffset;
  /** Characters handed out so far. */
  private long produced;
  private boolean inputEnded;
  private boolean ended;
  private final ArrayDeque<Undecodable> undecodable = new ArrayDeque<>();

  /**
   * @param sourceFile the file's name, for messages
   * @param listedBytes its size when it was listed and hashed, or -1: reaching its end at
   *     another size means it changed while being read ({@link IngestException})
   */
  DecodingReader(InputStream in, Charset charset, String sourceFile, long listedBytes) {
    this.in = in;
    this.sourceFile = sourceFile;
    this.listedBytes = listedBytes;
    this.charsetName = charset.name();
    this.decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** The declared character set's name, for messages. */
  String charsetName() {
    return charsetName;
  }

  /** Removes and returns the first undecodable run before {@code charPosition}, or null. */
  Undecodable takeBefore(long charPosition) {
    Undecodable first = undecodable.peekFirst();
    return first != null && first.charPosition() < charPosition ? undecodable.pollFirst() : null;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (ended) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (true) {
      CoderResult r = decoder.decode(bytes, out, inputEnded);
      if (r.isError()) {
        if (!out.hasRemaining()) {
          break; // reported again by the next read
        }
        undecodable.add(new Undecodable(produced + out.position() - off, bufferOffset + bytes.position(),
            hex(bytes, r.length())));
        bytes.position(bytes.position() + r.length());
        out.put('\uFFFD');
        continue;
      }
      if (r.isOverflow() || out.position() > off) {
        break;
      }
      if (inputEnded) {
        decoder.flush(out);
        if (out.position() == off) {
          ended = true;
          return -1;
        }
        break;
      }
      fill();
    }
    int n = out.position() - off;
    produced += n;
    return n;
  }

  private void fill() throws IOException {
    bufferOffset += bytes.position();
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      inputEnded = true;
      long read = bufferOffset + bytes.position();
      if (listedBytes >= 0 && read != listedBytes) {
        throw new IngestException(sourceFile + ": the file changed while it was being read (" + listedBytes
            + " bytes when hashed, " + read + " when read to its end); nothing of it is kept: run again once it is complete");
      }
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private static String hex(ByteBuffer b, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(i == 0 ? "0x" : " 0x").append(String.format("%02X", b.get(b.position() + i) & 0xFF));
    }
    return s.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
