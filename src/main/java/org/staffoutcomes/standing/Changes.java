package org.staffoutcomes.standing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.stats.ChangeTest;

/**
 * Significance of change: each organisation's staff measures against the previous survey year and
 * five survey years before, tested at 5% two-sided. A percentage (a measure whose unit begins with
 * {@code %}) is tested by the pooled two-proportion z-test on its base n; a mean score is not
 * tested, because the panel holds no standard error for it (the row says so).
 */
final class Changes {

  /** How many survey years back the long comparison looks. */
  static final int FIVE_YEARS = 5;

  static final String NO_STANDARD_ERROR = "not tested: no standard error";
  static final String NO_BASE = "not tested: no base n";
  static final String NO_VARIANCE = "not tested: 0% or 100% in both years";

  private Changes() {}

  /** The panel's row of each organisation and year, for {@link #of}. */
  static Map<String, Integer> rows(PanelTable panel) {
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < panel.size(); i++) {
      rowOf.put(key(panel.org(i), panel.year(i)), i);
    }
    return rowOf;
  }

  /**
   * Rows by organisation and year (the panel's order), for one staff measure.
   *
   * @param rowOf the panel's {@link #rows}
   */
  static List<ChangeRow> of(PanelTable panel, Map<String, Integer> rowOf, MeasureInfo m) {
    double[] value = panel.numbers(PanelColumns.value(m.name()));
    String baseColumn = PanelColumns.base(m.name());
    double[] base = panel.has(baseColumn) ? panel.numbers(baseColumn) : null;
    boolean percentage = isPercentage(m);
    List<ChangeRow> out = new ArrayList<>();
    for (int i = 0; i < panel.size(); i++) {
      if (Double.isNaN(value[i])) {
        continue;
      }
      int year = panel.year(i);
      Compared previous = compare(panel, rowOf, value, base, i, year - 1, percentage, m.higherIsBetter());
      Compared five = compare(panel, rowOf, value, base, i, year - FIVE_YEARS, percentage, m.higherIsBetter());
      out.add(new ChangeRow(panel.org(i), m.name(), year, value[i], base == null ? Double.NaN : base[i], year - 1,
          previous.earlier(), previous.change(), previous.p(), previous.significance(), five.change(), five.p(),
          five.significance()));
    }
    return out;
  }

  /** A share of respondents, tested as a proportion: the unit begins with {@code %}. */
  static boolean isPercentage(MeasureInfo m) {
    return m.unit().startsWith("%");
  }

  private record Compared(double earlier, double change, double p, String significance) {}

  private static Compared compare(PanelTable panel, Map<String, Integer> rowOf, double[] value, double[] base, int i,
      int earlierYear, boolean percentage, boolean higherIsBetter) {
    Integer j = rowOf.get(key(panel.org(i), earlierYear));
    if (j == null || Double.isNaN(value[j])) {
      return new Compared(Double.NaN, Double.NaN, Double.NaN, "not tested: no value in " + earlierYear);
    }
    double change = value[i] - value[j];
    if (!percentage) {
      return new Compared(value[j], change, Double.NaN, NO_STANDARD_ERROR);
    }
    if (base == null || !(base[i] > 0) || !(base[j] > 0)) {
      return new Compared(value[j], change, Double.NaN, NO_BASE);
    }
    ChangeTest.Result t = ChangeTest.twoProportions(value[j] / 100, base[j], value[i] / 100, base[i]);
    if (Double.isNaN(t.p())) {
      return new Compared(value[j], change, Double.NaN, NO_VARIANCE);
    }
    return new Compared(value[j], change, t.p(), ChangeTest.flag(t, higherIsBetter, ChangeTest.ALPHA).label());
  }

  private static String key(String org, int year) {
    return org + "\u0000" + year;
  }
}
