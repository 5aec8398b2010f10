package org.staffoutcomes.analysis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.staffoutcomes.config.Settings;
import org.staffoutcomes.lake.LakeException;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.lake.UnitMemo;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.CanonicalJson;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.MeasureInfo;

/**
 * The associations (staff measure, outcome) whose correlation and model rows can be taken from the
 * last analysis instead of being computed again: those whose inputs are exactly the same.
 *
 * <p>An association's rows are a function of its staff measure's column, weights and covariates,
 * its outcome's columns (both lags and the year before), each row's organisation, year and trust
 * type, and the catalog (minimum pairs, weights, covariates, which outcomes are ordinal); its key
 * is the digest of all of them, with the project version ({@link UnitMemo}). So after one outcome
 * file changed, only that outcome's associations are computed; after a change to the staff survey,
 * the organisations or the catalog, every association whose inputs moved is. What is computed over
 * all associations together (pooling, the false discovery adjustment, key findings, trends,
 * standing) is always computed whole: it is cheap.
 *
 * <p>Rows taken from the last analysis are read from its tables with their adjusted p cleared: the
 * adjustment is made again over the whole family.
 */
final class Reuse {

  /** Computes every association. */
  static final Reuse NONE = new Reuse(Map.of(), Map.of(), Map.of());

  private final Map<String, String> keys;
  private final Map<String, List<CorrelationRow>> correlations;
  private final Map<String, List<ModelRow>> models;

  private Reuse(Map<String, String> keys, Map<String, List<CorrelationRow>> correlations,
      Map<String, List<ModelRow>> models) {
    this.keys = keys;
    this.correlations = correlations;
    this.models = models;
  }

  /** An association's name in the memo: {@code engagement/shmi}. */
  static String unit(String staffMeasure, String outcome) {
    return staffMeasure + "/" + outcome;
  }

  /**
   * The associations of {@code panel} whose key equals their key in {@code last}, with their rows
   * from the analysis tables of {@code lake}; none when those tables cannot be read.
   */
  static Reuse of(Catalog catalog, PanelTable panel, UnitMemo last, LakePaths lake) {
    Map<String, String> keys = keys(catalog, panel);
    Map<String, List<CorrelationRow>> correlations = new HashMap<>();
    Map<String, List<ModelRow>> models = new HashMap<>();
    List<String> same = keys.entrySet().stream().filter(e -> last.same(e.getKey(), e.getValue()).isPresent())
        .map(Map.Entry::getKey).toList();
    if (!same.isEmpty()) {
      try {
        Map<String, List<CorrelationRow>> lastCorrelations = AnalysisTables.correlations(lake).stream()
            .collect(Collectors.groupingBy(c -> unit(c.staffMeasure(), c.outcome()),
                Collectors.mapping(c -> c.withPAdjusted(Double.NaN), Collectors.toList())));
        Map<String, List<ModelRow>> lastModels = AnalysisTables.models(lake).stream()
            .collect(Collectors.groupingBy(m -> unit(m.staffMeasure(), m.outcome()),
                Collectors.mapping(m -> m.withPAdjusted(Double.NaN), Collectors.toList())));
        for (String unit : same) {
          correlations.put(unit, lastCorrelations.getOrDefault(unit, List.of()));
          models.put(unit, lastModels.getOrDefault(unit, List.of()));
        }
      } catch (LakeException unreadable) {
        return new Reuse(keys, Map.of(), Map.of()); // computed whole, which is always safe
      }
    }
    return new Reuse(keys, correlations, models);
  }

  /** Each association's key: the digest of everything its rows are computed from. */
  static Map<String, String> keys(Catalog catalog, PanelTable panel) {
    Adjustments adjust = new Adjustments(panel, catalog.analysis());
    UnitMemo.Digest rows = new UnitMemo.Digest().text(Settings.projectVersion())
        .text(new String(CanonicalJson.of(catalog), java.nio.charset.StandardCharsets.UTF_8));
    for (int i = 0; i < panel.size(); i++) {
      rows.text(panel.org(i)).number(panel.year(i)).text(panel.text(PanelColumns.TRUST_TYPE, i));
    }
    String global = rows.hex();
    int[] all = java.util.stream.IntStream.range(0, panel.size()).toArray();
    Map<String, String> staff = new LinkedHashMap<>();
    for (MeasureInfo s : catalog.staffMeasures()) {
      UnitMemo.Digest d = new UnitMemo.Digest().text(s.name()).numbers(panel.numbers(PanelColumns.value(s.name())))
          .numbers(adjust.weights(s.name())).text(adjust.describeWeights(s.name()))
          .text(adjust.describeCovariates(s.name()));
      for (double[] c : adjust.covariates(s.name(), all)) {
        d.numbers(c);
      }
      staff.put(s.name(), d.hex());
    }
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (MeasureInfo o : catalog.outcomes()) {
      UnitMemo.Digest d = new UnitMemo.Digest().text(o.name()).text(Boolean.toString(o.ordinal()));
      for (int lag : AnalysisStage.LAGS) {
        d.numbers(panel.numbers(PanelColumns.lagged(o.name(), lag)));
      }
      String prev = PanelColumns.previous(o.name(), 1);
      d.numbers(panel.has(prev) ? panel.numbers(prev) : null);
      outcomes.put(o.name(), d.hex());
    }
    Map<String, String> keys = new LinkedHashMap<>();
    staff.forEach((s, sk) -> outcomes.forEach((o, ok) ->
        keys.put(unit(s, o), new UnitMemo.Digest().text(global).text(sk).text(ok).hex())));
    return keys;
  }

  /** The association's correlation rows from the last analysis (adjusted p cleared), when its inputs are the same. */
  Optional<List<CorrelationRow>> correlations(String staffMeasure, String outcome) {
    return Optional.ofNullable(correlations.get(unit(staffMeasure, outcome)));
  }

  /** The association's model rows from the last analysis (adjusted p cleared), when its inputs are the same. */
  Optional<List<ModelRow>> models(String staffMeasure, String outcome) {
    return Optional.ofNullable(models.get(unit(staffMeasure, outcome)));
  }

  /** How many associations are taken from the last analysis. */
  int reused() {
    return correlations.size();
  }

  /** How many associations there are. */
  int associations() {
    return keys.size();
  }

  /** The memo of this analysis: every association's key. */
  UnitMemo memo() {
    UnitMemo memo = UnitMemo.empty();
    keys.forEach((unit, key) -> memo.put(unit, Map.of(UnitMemo.KEY, key)));
    return memo;
  }
}
