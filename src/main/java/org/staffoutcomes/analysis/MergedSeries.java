package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.panel.Succession;
import org.staffoutcomes.schema.MeasureInfo;

/**
 * The merged-organisations chart's numbers: every survey year of each organisation formed by a
 * merger, for one staff measure. A year before the organisation's latest merger is restated (its
 * value combines its predecessors). Small by construction: a few organisations.
 */
final class MergedSeries {

  private MergedSeries() {}

  /**
   * @param successions the catalog's successions, when it restates merged organisations and its
   *     successors dataset dates the mergers; otherwise null (no series)
   */
  static List<MergedYear> of(PanelTable panel, MeasureInfo measure, Succession.Table successions) {
    if (successions == null) {
      return List.of();
    }
    Map<String, Integer> mergedIn = successions.formedIn();
    List<String> formed = Succession.finalSuccessors(successions.successorOf()).values().stream().distinct()
        .filter(mergedIn::containsKey).sorted().toList();
    double[] value = panel.numbers(PanelColumns.value(measure.name()));
    String baseColumn = PanelColumns.base(measure.name());
    double[] base = panel.has(baseColumn) ? panel.numbers(baseColumn) : null;
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < panel.size(); i++) {
      if (formed.contains(panel.org(i))) {
        rows.add(i);
      }
    }
    // The name of the organisation's latest year: its own, whatever earlier rows say.
    Map<String, String> names = new TreeMap<>();
    rows.forEach(i -> names.put(panel.org(i), panel.text(PanelColumns.ORG_NAME, i)));
    // The survey years: the panel also has rows for the outcome year after the last.
    int first = rows.stream().filter(i -> !Double.isNaN(value[i])).mapToInt(panel::year).min().orElse(0);
    int last = rows.stream().filter(i -> !Double.isNaN(value[i])).mapToInt(panel::year).max().orElse(-1);
    List<MergedYear> out = new ArrayList<>();
    for (int i : rows) {
      int year = panel.year(i);
      if (year >= first && year <= last) {
        String org = panel.org(i);
        String succession = panel.text(PanelColumns.SUCCESSION, i);
        out.add(new MergedYear(org, names.get(org), year, value[i], base == null ? Double.NaN : base[i],
            year < mergedIn.get(org), mergedIn.get(org), succession == null ? "" : succession));
      }
    }
    return out;
  }
}
