package org.staffoutcomes.panel;

import java.time.LocalDate;
import java.util.Set;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.lake.TableRecord;

/**
 * One lake row as the panel reads it: its organisation code after the descriptor's code map (and,
 * when the catalog restates merged organisations, replaced by the final successor), and the row's
 * values. A restated row has no attributes: a predecessor's name, type, group and region are not
 * its successor's (else which predecessor's row is seen first would decide).
 *
 * @param org the panel's organisation code (null when the row has none)
 * @param restated true when the code was replaced by a successor's
 */
record SourceRow(String org, TableRecord record, boolean restated) {

  private static final Set<String> ATTRIBUTES = Set.of(PanelColumns.ATTRIBUTES);

  /** The column's value (null when missing, and for an attribute of a restated row). */
  Object value(String column) {
    if (restated && ATTRIBUTES.contains(column)) {
      return null;
    }
    return record.value(column);
  }

  /** The first month of the row's period (null when it has none). */
  LocalDate periodStart() {
    return (LocalDate) record.value(LakeRows.PERIOD_START);
  }

  LocalDate periodEnd() {
    return (LocalDate) record.value(LakeRows.PERIOD_END);
  }

  /**
   * A value as a double, as a cast to double reads it: a whole number converted, text parsed
   * (surrounding blanks ignored; null when it is not a number).
   */
  static Double asDouble(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    try {
      return Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
