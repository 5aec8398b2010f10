package org.staffoutcomes.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * The first line with each key (within its period) is kept; a later line with the same key is
 * quarantined with a reason pointing at the first. Lines must be offered in file then line order.
 * Holds every key seen, as one string and a number (file and line) per kept line: compact enough
 * for a file of half a million respondents.
 */
final class DuplicateKeys {

  private static final char SEPARATOR = '\u0000';
  private static final int LINE_BITS = 40;

  private final DatasetDescriptor d;
  private final int[] keyIndex;
  private final Map<String, Long> firstSeen = new HashMap<>();
  private final List<String> files = new ArrayList<>();

  DuplicateKeys(DatasetDescriptor d) {
    this.d = d;
    this.keyIndex = d.key().stream().mapToInt(k -> indexOf(d, k)).toArray();
  }

  /** The reason {@code line} is a duplicate, or null (first of its key, no key, or already rejected). */
  String reasonFor(ParsedLine line) {
    if (!line.kept() || keyIndex.length == 0) {
      return null;
    }
    StringBuilder key = new StringBuilder();
    for (int i : keyIndex) {
      key.append(line.values()[i]).append(SEPARATOR);
    }
    key.append(line.period());
    if (files.isEmpty() || !files.get(files.size() - 1).equals(line.sourceFile())) {
      files.add(line.sourceFile());
    }
    long where = ((long) (files.size() - 1) << LINE_BITS) | line.line();
    Long first = firstSeen.putIfAbsent(key.toString(), where);
    if (first == null) {
      return null;
    }
    StringBuilder b = new StringBuilder("duplicate key (");
    for (int i = 0; i < keyIndex.length; i++) {
      b.append(i == 0 ? "" : ", ").append(d.key().get(i)).append('=').append(line.values()[keyIndex[i]]);
    }
    if (line.period() != null) {
      b.append(", period starting ").append(line.period().start());
    }
    return b.append("): first seen at ").append(files.get((int) (first >>> LINE_BITS)))
        .append(" line ").append(first & ((1L << LINE_BITS) - 1)).toString();
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
