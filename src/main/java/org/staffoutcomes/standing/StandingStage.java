package org.staffoutcomes.standing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.schema.MeasureSpec;
import org.staffoutcomes.stats.FunnelLimits;

/**
 * Where each organisation stands: the panel in, {@link Standing} out. Changes for every staff
 * measure; benchmark positions for every staff measure and every outcome that is not ordinal; XmR
 * charts for the catalog's {@code analysis.spc_measures} (default: the headline measure and every
 * outcome that is not ordinal); funnel plots for the catalog's {@code analysis.funnels}. Every
 * statistic is a pure function in {@code stats}.
 */
public final class StandingStage {

  private StandingStage() {}

  public static Standing of(Catalog catalog, PanelTable panel) {
    List<MeasureInfo> measures = catalog.allMeasures();
    ToIntFunction<String> order = order(measures);
    Comparator<PositionRow> byOrg = Comparator.comparing(PositionRow::orgCode)
        .thenComparingInt(r -> order.applyAsInt(r.measure())).thenComparingInt(PositionRow::year);
    List<ChangeRow> changes = new ArrayList<>();
    List<PositionRow> positions = new ArrayList<>();
    Map<String, Integer> rowOf = Changes.rows(panel);
    for (MeasureInfo m : catalog.staffMeasures()) {
      changes.addAll(Changes.of(panel, rowOf, m));
    }
    for (MeasureInfo m : measures) {
      if (!m.ordinal()) {
        positions.addAll(Positions.of(panel, m));
      }
    }
    changes.sort(Comparator.comparing(ChangeRow::orgCode).thenComparingInt(r -> order.applyAsInt(r.measure()))
        .thenComparingInt(ChangeRow::year));
    positions.sort(byOrg);
    List<SpcRow> spc = new ArrayList<>();
    for (MeasureInfo m : spcMeasures(catalog)) {
      spc.addAll(SpcCharts.of(panel, m));
    }
    spc.sort(Comparator.comparing(SpcRow::orgCode).thenComparingInt(r -> order.applyAsInt(r.measure()))
        .thenComparingInt(SpcRow::year));
    List<FunnelRow> funnels = new ArrayList<>();
    Map<String, String> declared = catalog.analysis().funnels();
    for (MeasureInfo o : catalog.outcomes()) {
      if (declared.containsKey(o.name())) {
        funnels.addAll(Funnels.of(panel, o.name(), FunnelLimits.Model.named(declared.get(o.name())), scale(catalog, o)));
      }
    }
    return new Standing(changes, positions, spc, funnels);
  }

  /** The catalog's {@code analysis.spc_measures}, or the headline measure and every interval outcome. */
  static List<MeasureInfo> spcMeasures(Catalog catalog) {
    List<String> named = catalog.analysis().spcMeasures();
    if (named != null) {
      return named.stream().map(n -> catalog.measure(n).orElseThrow()).toList();
    }
    List<MeasureInfo> out = new ArrayList<>();
    out.add(catalog.measure(catalog.analysis().headlineMeasure()).orElseThrow());
    catalog.outcomes().stream().filter(o -> !o.ordinal()).forEach(out::add);
    return out;
  }

  private static double scale(Catalog catalog, MeasureInfo m) {
    return catalog.datasets().stream().flatMap(d -> d.measures().stream()).filter(s -> s.name().equals(m.name()))
        .findFirst().map(MeasureSpec::scale).orElse(1.0);
  }

  /**
   * A measure's place in {@code measures} by name (the first, when named twice), and after all of
   * them for a name not there: looked up in a map, as the sorts above ask it for both rows of every
   * comparison.
   */
  private static ToIntFunction<String> order(List<MeasureInfo> measures) {
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < measures.size(); i++) {
      at.putIfAbsent(measures.get(i).name(), i);
    }
    return name -> at.getOrDefault(name, measures.size());
  }
}
