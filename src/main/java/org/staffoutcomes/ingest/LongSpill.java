package org.staffoutcomes.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * Longs added in order and read back in that order, in bounded memory: the first ones held in
 * memory up to a limit, and whenever the limit is reached the held ones are appended to a
 * temporary file (created then; deleted by {@link #close}). Read only after the last {@link #add}.
 */
final class LongSpill implements Closeable {

  private static final int BUFFER_BYTES = 1 << 16;

  private final int memoryLongs;
  private long[] held = new long[16];
  private int inMemory;
  private Path file;
  private DataOutputStream out;
  private long inFile;
  private final List<DataInputStream> readers = new ArrayList<>();

  /** @param memoryLongs the most longs held in memory (0: every long goes to the file) */
  LongSpill(int memoryLongs) {
    if (memoryLongs < 0) {
      throw new IllegalArgumentException("memoryLongs < 0");
    }
    this.memoryLongs = memoryLongs;
  }

  void add(long value) {
    try {
      if (inMemory == memoryLongs) {
        spill();
        if (memoryLongs == 0) {
          out.writeLong(value);
          inFile++;
          return;
        }
      }
      if (inMemory == held.length) {
        held = Arrays.copyOf(held, Math.min(held.length * 2, memoryLongs));
      }
      held[inMemory++] = value;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the temporary file " + file, e);
    }
  }

  /** How many longs were added. */
  long size() {
    return inFile + inMemory;
  }

  /** True when some longs went to a temporary file. */
  boolean spilled() {
    return file != null;
  }

  /** Every long added, in the order added (the file's, then the held ones). */
  PrimitiveIterator.OfLong read() {
    DataInputStream in;
    try {
      if (out != null) {
        out.flush();
      }
      in = file == null ? null : new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the temporary file " + file, e);
    }
    if (in != null) {
      readers.add(in);
    }
    long fromFile = inFile;
    long[] memory = held;
    int fromMemory = inMemory;
    return new PrimitiveIterator.OfLong() {
      private long read;

      @Override
      public boolean hasNext() {
        return read < fromFile + fromMemory;
      }

      @Override
      public long nextLong() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          return read < fromFile ? in.readLong() : memory[(int) (read - fromFile)];
        } catch (EOFException e) {
          throw new IllegalStateException("The temporary file " + file + " is shorter than written", e);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read the temporary file " + file, e);
        } finally {
          read++;
        }
      }
    };
  }

  /** Appends the held longs to the file (created on the first spill). */
  private void spill() throws IOException {
    if (file == null) {
      file = Files.createTempFile("staff-outcomes-spill-", ".bin");
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES));
    }
    for (int i = 0; i < inMemory; i++) {
      out.writeLong(held[i]);
    }
    inFile += inMemory;
    inMemory = 0;
  }

  /** Deletes the temporary file, if any; the longs are gone. */
  @Override
  public void close() {
    IOException failed = null;
    for (DataInputStream in : readers) {
      try {
        in.close();
      } catch (IOException e) {
        failed = failed == null ? e : failed;
      }
    }
    readers.clear();
    try {
      if (out != null) {
        out.close();
      }
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      failed = failed == null ? e : failed;
    }
    out = null;
    file = null;
    held = new long[0];
    inMemory = 0;
    inFile = 0;
    if (failed != null) {
      throw new UncheckedIOException("Cannot remove a temporary file", failed);
    }
  }
}
