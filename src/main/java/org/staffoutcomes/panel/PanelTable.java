package org.staffoutcomes.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trust x year panel held by the driver for the analysis: small by construction (one row per
 * organisation and year; a few thousand rows), collected once, so that every statistic is a pure
 * function of arrays. Rows are ordered by organisation code, then year. Safe to read from several
 * threads.
 */
public final class PanelTable {

  private final Map<String, Integer> index = new HashMap<>();
  private final List<Object[]> rows;
  private final Map<String, double[]> numbers = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param columns the column names
   * @param rows each row's values in column order (null for missing; numbers as any {@link Number})
   */
  public PanelTable(List<String> columns, List<Object[]> rows) {
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i), i);
    }
    int org = column(PanelColumns.ORG_CODE);
    int year = column(PanelColumns.SURVEY_YEAR);
    this.rows = new ArrayList<>(rows);
    this.rows.sort(Comparator.<Object[], String>comparing(r -> (String) r[org])
        .thenComparingInt(r -> ((Number) r[year]).intValue()));
  }

  private int column(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("Cannot analyse the panel: it has no column '" + name + "'");
    }
    return i;
  }

  public int size() {
    return rows.size();
  }

  public boolean has(String column) {
    return index.containsKey(column);
  }

  public String org(int row) {
    return text(PanelColumns.ORG_CODE, row);
  }

  public int year(int row) {
    return ((Number) rows.get(row)[column(PanelColumns.SURVEY_YEAR)]).intValue();
  }

  /** A text column's value; null when missing. */
  public String text(String column, int row) {
    Object v = rows.get(row)[column(column)];
    return v == null ? null : v.toString();
  }

  /** A numeric column's values, NaN where missing (a boolean reads as 1 or 0). */
  public double[] numbers(String column) {
    return numbers.computeIfAbsent(column, c -> {
      int i = column(c);
      double[] out = new double[rows.size()];
      for (int r = 0; r < out.length; r++) {
        Object v = rows.get(r)[i];
        out[r] = v == null ? Double.NaN : v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
      }
      return out;
    });
  }
}
