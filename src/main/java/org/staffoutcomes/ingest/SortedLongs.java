package org.staffoutcomes.ingest;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.PriorityQueue;

/**
 * Longs added in any order and read back in ascending order, in bounded memory (an external merge
 * sort): held in memory up to {@code runLongs}, each full run sorted and spilled to its own
 * temporary file ({@link LongSpill}), the runs merged when read. Memory is {@code runLongs} longs
 * and a read buffer per run, however many longs are added.
 */
final class SortedLongs implements Closeable {

  private final int runLongs;
  private final List<LongSpill> runs = new ArrayList<>();
  private long[] held = new long[1 << 10];
  private int inMemory;

  SortedLongs(int runLongs) {
    if (runLongs < 1) {
      throw new IllegalArgumentException("runLongs < 1");
    }
    this.runLongs = runLongs;
  }

  void add(long value) {
    if (inMemory == runLongs) {
      Arrays.sort(held, 0, inMemory);
      LongSpill run = new LongSpill(0);
      runs.add(run);
      for (int i = 0; i < inMemory; i++) {
        run.add(held[i]);
      }
      inMemory = 0;
    }
    if (inMemory == held.length) {
      held = Arrays.copyOf(held, Math.min(held.length * 2, runLongs));
    }
    held[inMemory++] = value;
  }

  /** How many runs went to temporary files. */
  int spilledRuns() {
    return runs.size();
  }

  /** Every long added, ascending (signed order); read once, after the last {@link #add}. */
  PrimitiveIterator.OfLong sorted() {
    Arrays.sort(held, 0, inMemory);
    if (runs.isEmpty()) {
      return Arrays.stream(held, 0, inMemory).iterator();
    }
    PriorityQueue<Head> heads = new PriorityQueue<>();
    for (LongSpill run : runs) {
      Head.push(heads, run.read());
    }
    Head.push(heads, Arrays.stream(held, 0, inMemory).iterator());
    return new PrimitiveIterator.OfLong() {
      @Override
      public boolean hasNext() {
        return !heads.isEmpty();
      }

      @Override
      public long nextLong() {
        Head h = heads.poll();
        if (h == null) {
          throw new NoSuchElementException();
        }
        long value = h.value;
        Head.push(heads, h.rest);
        return value;
      }
    };
  }

  /** The smallest unread long of one run, and the run's rest. */
  private record Head(long value, PrimitiveIterator.OfLong rest) implements Comparable<Head> {
    static void push(PriorityQueue<Head> heads, PrimitiveIterator.OfLong run) {
      if (run.hasNext()) {
        heads.add(new Head(run.nextLong(), run));
      }
    }

    @Override
    public int compareTo(Head o) {
      return Long.compare(value, o.value);
    }
  }

  @Override
  public void close() {
    RuntimeException failed = null;
    for (LongSpill run : runs) {
      try {
        run.close();
      } catch (RuntimeException e) {
        failed = failed == null ? e : failed;
      }
    }
    runs.clear();
    held = new long[0];
    inMemory = 0;
    if (failed != null) {
      throw failed;
    }
  }
}
