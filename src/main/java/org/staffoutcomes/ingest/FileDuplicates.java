package org.staffoutcomes.ingest;

import java.io.Closeable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * Duplicate keys within one file, found in bounded memory however many lines the file has: the
 * check of the streamed ingest path ({@link ParseFiles}). Same decisions and reasons as {@link
 * DuplicateKeys} (the first line with a key is kept, each later one is a duplicate of it), which
 * holds every key and so grows with the file.
 *
 * <p>While the file is read and its rows written, {@link #offer} reduces each kept line's key to a
 * 64-bit hash; the hashes are sorted in runs of bounded size, full runs spilled to temporary files
 * ({@link SortedLongs}). After the file, {@link #find} merges them: when no hash was seen twice the
 * file has no duplicate key (the usual case), and nothing more is read. Otherwise the file is read
 * again and the lines whose hash was seen twice are told apart by their exact key text - a hash
 * collision is never taken for a duplicate - a bounded number of hashes per pass, so a file with
 * millions of duplicates still fits. The duplicates found (line, first line) are kept in line
 * order ({@link LongSpill}) for the pass that writes the file's rows without them, or its
 * quarantine with them ({@link Found#reasonFor}).
 */
final class FileDuplicates implements Closeable {

  /**
   * How much is held in memory.
   *
   * @param hashRun key hashes sorted in memory before a run is spilled (8 bytes each)
   * @param hashesPerPass repeated hashes whose lines are compared in one pass over the file (each
   *     costs a few hundred bytes in that pass: its key's text and first line)
   * @param heldDuplicates duplicates found held in memory before they are spilled (16 bytes each)
   */
  record Limits(int hashRun, int hashesPerPass, int heldDuplicates) implements Serializable {
    /** 8 MB of hashes (a file of a million respondents sorts them in memory), 2^18 keys a pass. */
    static final Limits DEFAULT = new Limits(1 << 20, 1 << 18, 1 << 16);

    Limits {
      if (hashRun < 1 || hashesPerPass < 1 || heldDuplicates < 0) {
        throw new IllegalArgumentException("Invalid limits " + hashRun + ", " + hashesPerPass + ", " + heldDuplicates);
      }
    }
  }

  /** The file's lines again, from its first, in order: a new read of the file. */
  interface Lines {
    void forEach(Consumer<ParsedLine> each);
  }

  private final DatasetDescriptor d;
  private final int[] keyIndex;
  private final Limits limits;
  private final ToLongFunction<CharSequence> hash;
  private final StringBuilder key = new StringBuilder();
  private final SortedLongs hashes;

  FileDuplicates(DatasetDescriptor d, Limits limits) {
    this(d, limits, FileDuplicates::hash64);
  }

  /** @param hash the 64-bit hash of a key's text (tests pass a poor one to force collisions) */
  FileDuplicates(DatasetDescriptor d, Limits limits, ToLongFunction<CharSequence> hash) {
    this.d = d;
    this.keyIndex = DuplicateKeys.keyColumns(d);
    this.limits = limits;
    this.hash = hash;
    this.hashes = new SortedLongs(limits.hashRun());
  }

  /** Notes a line of the file's first read (lines in file order; rejected and key-less lines are ignored). */
  void offer(ParsedLine line) {
    if (line.kept() && keyIndex.length > 0) {
      hashes.add(hash.applyAsLong(keyText(line)));
    }
  }

  /**
   * The duplicates among the lines offered: none without reading the file again when no key hash
   * repeats; otherwise {@code again} is read once per {@link Limits#hashesPerPass} repeated hashes.
   */
  Found find(Lines again) {
    LongSpill repeated = new LongSpill(limits.hashesPerPass());
    try {
      PrimitiveIterator.OfLong sorted = hashes.sorted();
      boolean any = false;
      long previous = 0;
      boolean added = false;
      while (sorted.hasNext()) {
        long h = sorted.nextLong();
        if (any && h == previous) {
          if (!added) {
            repeated.add(h);
            added = true;
          }
        } else {
          added = false;
        }
        previous = h;
        any = true;
      }
      hashes.close();
      List<LongSpill> passes = new ArrayList<>();
      PrimitiveIterator.OfLong candidates = repeated.read();
      while (candidates.hasNext()) {
        long[] chunk = new long[(int) Math.min(limits.hashesPerPass(), repeated.size())];
        int n = 0;
        while (n < chunk.length && candidates.hasNext()) {
          chunk[n++] = candidates.nextLong();
        }
        passes.add(duplicatesAmong(Arrays.copyOf(chunk, n), again));
      }
      return new Found(passes);
    } finally {
      repeated.close();
    }
  }

  /**
   * One pass over the file: among the lines whose key hash is in {@code chunk} (ascending), each
   * whose exact key text was seen on an earlier line, as (line, first line) pairs in line order.
   */
  private LongSpill duplicatesAmong(long[] chunk, Lines again) {
    LongSpill found = new LongSpill(2 * limits.heldDuplicates());
    Map<String, Long> firstSeen = new HashMap<>();
    again.forEach(line -> {
      if (!line.kept() || keyIndex.length == 0) {
        return;
      }
      CharSequence k = keyText(line);
      if (Arrays.binarySearch(chunk, hash.applyAsLong(k)) >= 0) {
        Long first = firstSeen.putIfAbsent(k.toString(), line.line());
        if (first != null) {
          found.add(line.line());
          found.add(first);
        }
      }
    });
    return found;
  }

  private CharSequence keyText(ParsedLine line) {
    key.setLength(0);
    DuplicateKeys.appendKey(key, keyIndex, line);
    return key;
  }

  /** A 64-bit hash of a key's text (FNV-1a over its characters, then MurmurHash3's finaliser). */
  static long hash64(CharSequence s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0, n = s.length(); i < n; i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  @Override
  public void close() {
    hashes.close();
  }

  /** The duplicates of one file, read back in line order. */
  final class Found implements Closeable {
    private final List<LongSpill> passes;
    private final PrimitiveIterator.OfLong[] readers;
    /** Each pass's next duplicate line and its first line; line -1 when the pass has no more. */
    private final long[] nextLine;
    private final long[] firstLine;
    private final long count;

    private Found(List<LongSpill> passes) {
      this.passes = passes;
      this.readers = new PrimitiveIterator.OfLong[passes.size()];
      this.nextLine = new long[passes.size()];
      this.firstLine = new long[passes.size()];
      long pairs = 0;
      for (int p = 0; p < readers.length; p++) {
        readers[p] = passes.get(p).read();
        advance(p);
        pairs += passes.get(p).size() / 2;
      }
      this.count = pairs;
    }

    /** How many lines are duplicates. */
    long count() {
      return count;
    }

    /**
     * The reason {@code line} is a duplicate, or null; asked of the file's lines in file order, as
     * read again (each line at most once).
     */
    String reasonFor(ParsedLine line) {
      if (!line.kept()) {
        return null;
      }
      for (int p = 0; p < readers.length; p++) {
        while (nextLine[p] >= 0 && nextLine[p] < line.line()) {
          advance(p);
        }
        if (nextLine[p] == line.line()) {
          long first = firstLine[p];
          advance(p);
          return DuplicateKeys.reason(d, keyIndex, line, line.sourceFile(), first);
        }
      }
      return null;
    }

    private void advance(int p) {
      if (readers[p].hasNext()) {
        nextLine[p] = readers[p].nextLong();
        firstLine[p] = readers[p].nextLong();
      } else {
        nextLine[p] = -1;
      }
    }

    @Override
    public void close() {
      passes.forEach(LongSpill::close);
    }
  }
}
