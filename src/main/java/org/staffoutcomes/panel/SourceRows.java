package org.staffoutcomes.panel;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.lake.SmallTables;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.MeasureSpec;

/**
 * A dataset's lake rows as the panel reads them, one at a time ({@link SourceRow}): the
 * descriptor's code map applied, a restated organisation's code replaced by its final successor,
 * and only the rows that meet the descriptor's filter.
 */
final class SourceRows {

  private final DatasetDescriptor d;
  private final CodeMap codes;
  private final Map<String, String> finalSuccessor;
  private final boolean filtered;

  /**
   * @param finalSuccessor old code -> final successor for a restated dataset; empty to keep
   *     every code
   */
  SourceRows(DatasetDescriptor d, Map<String, String> finalSuccessor) {
    this(d, finalSuccessor, true);
  }

  private SourceRows(DatasetDescriptor d, Map<String, String> finalSuccessor, boolean filtered) {
    this.d = d;
    this.codes = CodeMap.of(d);
    this.finalSuccessor = finalSuccessor;
    this.filtered = filtered;
  }

  /** Every row with its code mapped: no filter, no successor (the organisations reference). */
  static SourceRows unfiltered(DatasetDescriptor d) {
    return new SourceRows(d, Map.of(), false);
  }

  /** Passes the table's rows that meet the filter to {@code each}, in file order. */
  void forEach(String table, Consumer<SourceRow> each) {
    SmallTables.forEach(table, columns(d), record -> {
      Object published = record.value(d.organisation());
      String code = codes.apply(published == null ? null : published.toString());
      String successor = code == null ? null : finalSuccessor.get(code);
      // The code map is applied again to the code in place (as to every dataset's codes).
      SourceRow row = new SourceRow(codes.apply(successor != null ? successor : code), record, successor != null);
      if (!filtered || meetsFilter(row)) {
        each.accept(row);
      }
    });
  }

  /** The columns the panel reads of a dataset's rows (the others are not decoded). */
  static Set<String> columns(DatasetDescriptor d) {
    Set<String> out = new HashSet<>(List.of(d.organisation(), LakeRows.PERIOD_START, LakeRows.PERIOD_END,
        LakeRows.SOURCE_FILE, LakeRows.SOURCE_LINE));
    out.addAll(d.filter().keySet());
    out.addAll(List.of(PanelColumns.ATTRIBUTES));
    for (MeasureSpec m : d.measures()) {
      for (String c : new String[] {m.value(), m.base(), m.numerator(), m.denominator()}) {
        if (c != null) {
          out.add(c);
        }
      }
      if (m.distribution() != null) {
        out.addAll(m.distribution().columns());
      }
    }
    return out;
  }

  /** Every {@code column = value} of the filter holds (a number compared as a number). */
  private boolean meetsFilter(SourceRow row) {
    for (Map.Entry<String, String> f : d.filter().entrySet()) {
      Object v = row.value(f.getKey());
      if (v == null) {
        return false;
      }
      if (v instanceof Number) {
        Double wanted = SourceRow.asDouble(f.getValue());
        if (wanted == null || wanted.doubleValue() != ((Number) v).doubleValue()) {
          return false;
        }
      } else if (!v.toString().equals(f.getValue())) {
        return false;
      }
    }
    return true;
  }
}
