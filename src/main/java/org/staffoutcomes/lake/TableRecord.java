package org.staffoutcomes.lake;

import java.util.Map;

/**
 * One row of a small lake table read without Spark, its values looked up by column name. A
 * missing double reads as NaN; a missing value of another type is an error naming the column.
 */
public final class TableRecord {

  private final Map<String, Integer> index;
  private final Object[] values;
  private final String table;

  TableRecord(String table, Map<String, Integer> index, Object[] values) {
    this.table = table;
    this.index = index;
    this.values = values;
  }

  /** True when the table has the column. */
  public boolean has(String column) {
    return index.containsKey(column);
  }

  /** The row's values in column order (a copy). */
  Object[] values() {
    return values.clone();
  }

  /**
   * The column's value as read (String, Integer, Long, Double, Boolean, LocalDate), or null when
   * missing.
   */
  public Object value(String column) {
    Integer i = index.get(column);
    if (i == null) {
      throw new LakeException("Cannot read column '" + column + "' of " + table + ": the table has no such column"
          + " (written by an older version? re-run the stage that writes it)");
    }
    return values[i];
  }

  private Object present(String column) {
    Object v = value(column);
    if (v == null) {
      throw new LakeException("Cannot read column '" + column + "' of " + table + ": a row has no value");
    }
    return v;
  }

  public String string(String column) {
    return (String) present(column);
  }

  /** A text column's value, or null when it is missing. */
  public String optionalText(String column) {
    return (String) value(column);
  }

  public int integer(String column) {
    return ((Number) present(column)).intValue();
  }

  public long longInt(String column) {
    return ((Number) present(column)).longValue();
  }

  public boolean bool(String column) {
    return (Boolean) present(column);
  }

  /** The column's value, or NaN when it is missing. */
  public double optionalDouble(String column) {
    Object v = value(column);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }
}
