package org.staffoutcomes.standing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.stats.BenchmarkPosition;
import org.staffoutcomes.trends.TrendRow;

/**
 * Benchmark position: each organisation's value of a measure against the other members of its
 * benchmarking group (the panel's {@code benchmark_group}; all organisations together, as in the
 * trends, when the panel has none) in the same year.
 */
final class Positions {

  private Positions() {}

  /** Rows by year, group and panel order, for one measure. */
  static List<PositionRow> of(PanelTable panel, MeasureInfo m) {
    double[] value = panel.numbers(PanelColumns.value(m.name()));
    boolean grouped = panel.has(PanelColumns.BENCHMARK_GROUP);
    Map<Integer, Map<String, List<Integer>>> members = new TreeMap<>();
    for (int i = 0; i < panel.size(); i++) {
      if (!Double.isNaN(value[i])) {
        String group = grouped ? panel.text(PanelColumns.BENCHMARK_GROUP, i) : null;
        members.computeIfAbsent(panel.year(i), y -> new TreeMap<>())
            .computeIfAbsent(group == null ? TrendRow.ALL_GROUPS : group, g -> new ArrayList<>()).add(i);
      }
    }
    List<PositionRow> out = new ArrayList<>();
    members.forEach((year, groups) -> groups.forEach((group, rows) -> {
      double[] v = rows.stream().mapToDouble(r -> value[r]).toArray();
      BenchmarkPosition.Group g = BenchmarkPosition.of(v, m.higherIsBetter());
      for (int k = 0; k < rows.size(); k++) {
        out.add(new PositionRow(panel.org(rows.get(k)), m.name(), year, group, v[k], g.best(), g.median(), g.worst(),
            g.quintile()[k], g.rank()[k], g.n()));
      }
    }));
    return out;
  }
}
