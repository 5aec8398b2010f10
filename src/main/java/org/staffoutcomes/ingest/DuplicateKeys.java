package org.staffoutcomes.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * The first line with each key (within its period) is kept; a later line with the same key is
 * quarantined with a reason pointing at the first. Lines must be offered in file then line order.
 * Holds every key seen: one per kept line of the files it is offered.
 */
final class DuplicateKeys {

  private final DatasetDescriptor d;
  private final int[] keyIndex;
  private final Map<List<Object>, String> firstSeen = new HashMap<>();

  DuplicateKeys(DatasetDescriptor d) {
    this.d = d;
    this.keyIndex = d.key().stream().mapToInt(k -> indexOf(d, k)).toArray();
  }

  /** The reason {@code line} is a duplicate, or null (first of its key, no key, or already rejected). */
  String reasonFor(ParsedLine line) {
    if (!line.kept() || keyIndex.length == 0) {
      return null;
    }
    List<Object> key = new ArrayList<>(keyIndex.length + 1);
    for (int i : keyIndex) {
      key.add(line.values()[i]);
    }
    key.add(line.period());
    String first = firstSeen.putIfAbsent(key, line.sourceFile() + " line " + line.line());
    if (first == null) {
      return null;
    }
    StringBuilder b = new StringBuilder("duplicate key (");
    for (int i = 0; i < keyIndex.length; i++) {
      b.append(i == 0 ? "" : ", ").append(d.key().get(i)).append('=').append(key.get(i));
    }
    if (line.period() != null) {
      b.append(", period starting ").append(line.period().start());
    }
    return b.append("): first seen at ").append(first).toString();
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
