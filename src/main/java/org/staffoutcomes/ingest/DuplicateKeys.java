package org.staffoutcomes.ingest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * The first line with each key (within its period) is kept; a later line with the same key is
 * quarantined with a reason pointing at the first. Lines must be offered in file then line order.
 *
 * <p>Holds every key seen, exactly (no hashing away of keys), in a few flat arrays rather than
 * one object per key: the key's characters in one growing character array, and per key its
 * start there, its hash and where it was first seen (file and line as one number), found through
 * an open-addressing table. About 40 bytes and no object per line plus the key's characters:
 * memory grows with the lines, so this check serves the file-order path ({@link DriverParse},
 * datasets small enough to hold), whose duplicates may cross files; a file streamed on its own
 * is checked in bounded memory by {@link FileDuplicates}, which makes the same decisions.
 */
final class DuplicateKeys {

  private static final char SEPARATOR = '\u0000';
  private static final int LINE_BITS = 40;

  private final DatasetDescriptor d;
  private final int[] keyIndex;
  private final List<String> files = new ArrayList<>();
  /** The key being looked up, reused line after line. */
  private final StringBuilder key = new StringBuilder();

  /** Every key's characters, one after another; key k is chars[start[k] .. start[k + 1]). */
  private char[] chars = new char[1 << 12];
  private int[] start = new int[1 << 8];
  private int[] hash = new int[1 << 8];
  private long[] firstSeen = new long[1 << 8];
  private int keys;
  /** Characters in use in {@link #chars}. */
  private int end;
  /** Open addressing, linear probing: 0 = empty, else key number + 1. Never more than half full. */
  private int[] slots = new int[1 << 9];

  DuplicateKeys(DatasetDescriptor d) {
    this.d = d;
    this.keyIndex = keyColumns(d);
  }

  /** The reason {@code line} is a duplicate, or null (first of its key, no key, or already rejected). */
  String reasonFor(ParsedLine line) {
    if (!line.kept() || keyIndex.length == 0) {
      return null;
    }
    key.setLength(0);
    appendKey(key, keyIndex, line);
    if (files.isEmpty() || !files.get(files.size() - 1).equals(line.sourceFile())) {
      files.add(line.sourceFile());
    }
    long where = ((long) (files.size() - 1) << LINE_BITS) | line.line();
    long first = putIfAbsent(where);
    if (first < 0) {
      return null;
    }
    return reason(d, keyIndex, line, files.get((int) (first >>> LINE_BITS)), first & ((1L << LINE_BITS) - 1));
  }

  /** The indexes of a dataset's key columns among its columns, in key order. */
  static int[] keyColumns(DatasetDescriptor d) {
    return d.key().stream().mapToInt(k -> indexOf(d, k)).toArray();
  }

  /**
   * Appends a kept line's key as text: each key value and a separator, then its period (months as
   * one character each). Two lines have the same key text exactly when their keys and periods are equal.
   */
  static void appendKey(StringBuilder key, int[] keyIndex, ParsedLine line) {
    for (int i : keyIndex) {
      key.append(line.values()[i]).append(SEPARATOR);
    }
    if (line.period() == null) {
      key.append('\u0001');
    } else {
      key.append('\u0002');
      month(key, line.period().start());
      month(key, line.period().end());
    }
  }

  /** The quarantine reason of a duplicate: its key, its period and where the key was first seen. */
  static String reason(DatasetDescriptor d, int[] keyIndex, ParsedLine line, String firstFile, long firstLine) {
    StringBuilder b = new StringBuilder("duplicate key (");
    for (int i = 0; i < keyIndex.length; i++) {
      b.append(i == 0 ? "" : ", ").append(d.key().get(i)).append('=').append(line.values()[keyIndex[i]]);
    }
    if (line.period() != null) {
      b.append(", period starting ").append(line.period().start());
    }
    return b.append("): first seen at ").append(firstFile).append(" line ").append(firstLine).toString();
  }

  /** Appends a month to the key as one character (year x 12 + month; years after 5460 as text). */
  private static void month(StringBuilder key, YearMonth m) {
    int n = m.getYear() * 12 + m.getMonthValue() - 1;
    if (n >= 0 && n < Character.MAX_VALUE) {
      key.append((char) n);
    } else {
      key.append('\uffff').append(m).append(SEPARATOR);
    }
  }

  /** Where {@link #key} was first seen, or -1 after recording it as seen at {@code where}. */
  private long putIfAbsent(long where) {
    int h = 0;
    for (int i = 0, n = key.length(); i < n; i++) {
      h = 31 * h + key.charAt(i);
    }
    int mask = slots.length - 1;
    int s = mix(h) & mask;
    for (int k; (k = slots[s] - 1) >= 0; s = (s + 1) & mask) {
      if (hash[k] == h && sameKey(k)) {
        return firstSeen[k];
      }
    }
    add(h, where);
    slots[s] = keys;
    if (keys * 2 > slots.length) {
      rehash();
    }
    return -1;
  }

  private boolean sameKey(int k) {
    int from = start[k];
    int length = (k + 1 < keys ? start[k + 1] : end) - from;
    if (length != key.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (chars[from + i] != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void add(int h, long where) {
    if (keys == start.length) {
      int grown = keys * 2;
      start = Arrays.copyOf(start, grown);
      hash = Arrays.copyOf(hash, grown);
      firstSeen = Arrays.copyOf(firstSeen, grown);
    }
    if (end + key.length() > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, end + key.length()));
    }
    key.getChars(0, key.length(), chars, end);
    start[keys] = end;
    hash[keys] = h;
    firstSeen[keys] = where;
    end += key.length();
    keys++;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int k = 0; k < keys; k++) {
      int s = mix(hash[k]) & mask;
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = k + 1;
    }
  }

  /** Spreads a string hash's bits (consecutive ids hash to consecutive numbers). */
  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static int indexOf(DatasetDescriptor d, String column) {
    for (int i = 0; i < d.columns().size(); i++) {
      if (d.columns().get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("key column '" + column + "' is not a column of dataset " + d.name());
  }
}
