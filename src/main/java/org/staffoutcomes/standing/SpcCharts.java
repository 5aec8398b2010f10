package org.staffoutcomes.standing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.stats.XmrChart;

/**
 * XmR charts: one per organisation and measure, over the survey years in which it has a value
 * (a year without one is left out, not filled), with Making Data Count's rules at their default
 * runs of 7.
 */
final class SpcCharts {

  /** NHSRplotthedots warns below this many points: the limits rest on too few moving ranges. */
  static final int MIN_RELIABLE_POINTS = 12;

  static final String COMMON = "common cause";
  static final String IMPROVEMENT = "special cause improvement";
  static final String CONCERN = "special cause concern";

  private SpcCharts() {}

  /** Points by organisation and year, for one measure. */
  static List<SpcRow> of(PanelTable panel, MeasureInfo m) {
    double[] value = panel.numbers(PanelColumns.value(m.name()));
    List<SpcRow> out = new ArrayList<>();
    int start = 0;
    while (start < panel.size()) {
      int end = start;
      while (end < panel.size() && panel.org(end).equals(panel.org(start))) {
        end++;
      }
      List<Integer> rows = new ArrayList<>();
      for (int i = start; i < end; i++) {
        if (!Double.isNaN(value[i])) {
          rows.add(i);
        }
      }
      if (!rows.isEmpty()) {
        chart(panel, m, value, rows, out);
      }
      start = end;
    }
    return out;
  }

  private static void chart(PanelTable panel, MeasureInfo m, double[] value, List<Integer> rows, List<SpcRow> out) {
    XmrChart.Chart c = XmrChart.of(rows.stream().mapToDouble(r -> value[r]).toArray());
    String note = rows.size() >= MIN_RELIABLE_POINTS ? ""
        : "only " + rows.size() + " points: limits rest on few moving ranges (at least " + MIN_RELIABLE_POINTS
            + " advised)";
    for (int k = 0; k < rows.size(); k++) {
      XmrChart.Point p = c.points().get(k);
      String variation = !p.specialCause() ? COMMON
          : XmrChart.improvement(p, m.higherIsBetter()) ? IMPROVEMENT : CONCERN;
      out.add(new SpcRow(panel.org(rows.get(k)), m.name(), panel.year(rows.get(k)), p.value(), p.movingRange(),
          c.mean(), c.lowerLimit(), c.upperLimit(), c.nearLower(), c.nearUpper(),
          p.rules().stream().map(XmrChart.Rule::word).collect(Collectors.joining(";")), variation, note));
    }
  }
}
