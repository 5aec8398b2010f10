package org.staffoutcomes.trends;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.stats.Descriptive;
import org.staffoutcomes.stats.Summary;

/**
 * Trends: the panel in, the distribution of every measure across organisations out, per
 * benchmarking group and survey year and for all organisations together (n, mean, median,
 * quartiles, min, max; quantiles by R's type 7). Ordered by measure, group and year.
 */
public final class TrendStage {

  private TrendStage() {}

  public static List<TrendRow> trends(Catalog catalog, PanelTable panel) {
    List<TrendRow> out = new ArrayList<>();
    boolean grouped = panel.has(PanelColumns.BENCHMARK_GROUP);
    for (MeasureInfo m : catalog.allMeasures()) {
      double[] v = panel.numbers(PanelColumns.value(m.name()));
      Map<String, Map<Integer, List<Double>>> groups = new TreeMap<>();
      for (int i = 0; i < panel.size(); i++) {
        if (Double.isNaN(v[i])) {
          continue;
        }
        String group = grouped ? panel.text(PanelColumns.BENCHMARK_GROUP, i) : null;
        for (String g : group == null ? List.of(TrendRow.ALL_GROUPS) : List.of(TrendRow.ALL_GROUPS, group)) {
          groups.computeIfAbsent(g, k -> new TreeMap<>()).computeIfAbsent(panel.year(i), k -> new ArrayList<>())
              .add(v[i]);
        }
      }
      groups.forEach((group, years) -> years.forEach((year, values) -> {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        Summary s = Descriptive.summarize(sorted);
        out.add(new TrendRow(m.name(), group, year, s.n(), s.mean(), s.median(), s.q1(), s.q3(), s.min(), s.max()));
      }));
    }
    out.sort(Comparator.comparing(TrendRow::measure).thenComparing(TrendRow::group).thenComparingInt(TrendRow::year));
    return out;
  }
}
