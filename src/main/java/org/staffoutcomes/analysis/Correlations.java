package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.stats.Correlation;
import org.staffoutcomes.stats.PartialCorrelation;

/**
 * Correlations: the panel in, one row per (staff measure, outcome, lag 0 and 1, scope, year,
 * method) out. Scopes are {@code all} and each trust type; years are each survey year and
 * {@code pooled} (every organisation-year together). Methods: Pearson and Spearman on the raw
 * values; for interval outcomes also the weighted Pearson r (weights from the catalog, default the
 * staff measure's base n) and the partial correlation controlling for the catalog's covariates
 * (default trust type and log base n). The lag is the outcome's window relative to
 * the survey year. Rows are ordered by staff measure, outcome, lag, scope, year and method.
 */
final class Correlations {

  static final Comparator<CorrelationRow> ORDER = Comparator.comparing(CorrelationRow::staffMeasure)
      .thenComparing(CorrelationRow::outcome).thenComparingInt(CorrelationRow::lag)
      .thenComparing(CorrelationRow::scope).thenComparing(CorrelationRow::year)
      .thenComparing(CorrelationRow::method);

  private Correlations() {}

  static List<CorrelationRow> of(Catalog catalog, PanelTable panel) {
    CorrelateGroup correlate = new CorrelateGroup(catalog.analysis().minPairs(),
        catalog.outcomes().stream().filter(MeasureInfo::ordinal).map(MeasureInfo::name).collect(Collectors.toSet()));
    Adjustments adjust = new Adjustments(panel, catalog.analysis());
    int minPairs = catalog.analysis().minPairs();
    // Each staff measure's rows are independent: computed in parallel, gathered in catalog order.
    List<CorrelationRow> out = new ArrayList<>(catalog.staffMeasures().parallelStream()
        .flatMap(s -> forStaffMeasure(s, catalog, panel, correlate, adjust, minPairs).stream()).toList());
    out.sort(ORDER);
    return out;
  }

  private static List<CorrelationRow> forStaffMeasure(MeasureInfo s, Catalog catalog, PanelTable panel,
      CorrelateGroup correlate, Adjustments adjust, int minPairs) {
    List<CorrelationRow> out = new ArrayList<>();
    double[] w = adjust.weights(s.name());
    String weights = "weights: " + adjust.describeWeights(s.name());
    String controls = "controls: " + adjust.describeCovariates(s.name());
    for (MeasureInfo o : catalog.outcomes()) {
      for (int lag : AnalysisStage.LAGS) {
        double[] x = panel.numbers(PanelColumns.value(s.name()));
        double[] y = panel.numbers(PanelColumns.lagged(o.name(), lag));
        for (Map.Entry<CorrelateGroup.GroupKey, List<Integer>> g : groups(panel, s, o, lag, x, y).entrySet()) {
          List<Integer> rows = g.getValue();
          CorrelateGroup.GroupKey key = g.getKey();
          out.addAll(correlate.rows(key, pick(x, rows), pick(y, rows)));
          if (o.ordinal()) {
            continue; // rank correlation only
          }
          List<Integer> weighted = rows.stream().filter(i -> w[i] > 0 && Double.isFinite(w[i])).toList();
          out.add(weighted.size() < minPairs
              ? key.row(CorrelationRow.PEARSON_WEIGHTED, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                  weighted.size(), CorrelateGroup.fewerThan(minPairs) + " with weights; " + weights)
              : key.row(CorrelationRow.PEARSON_WEIGHTED,
                  Correlation.weightedPearson(pick(x, weighted), pick(y, weighted), pick(w, weighted)), weights));
          double[][] all = adjust.covariates(s.name(), rows);
          List<Integer> complete = java.util.stream.IntStream.range(0, rows.size())
              .filter(j -> java.util.Arrays.stream(all).allMatch(c -> Double.isFinite(c[j])))
              .mapToObj(rows::get).toList();
          out.add(complete.size() < minPairs
              ? key.row(CorrelationRow.PARTIAL, Double.NaN, Double.NaN, Double.NaN, Double.NaN, complete.size(),
                  CorrelateGroup.fewerThan(minPairs) + " with every covariate; " + controls)
              : key.row(CorrelationRow.PARTIAL, PartialCorrelation.of(pick(x, complete), pick(y, complete),
                  complete.size() == rows.size() ? all : adjust.covariates(s.name(), complete)), controls));
        }
      }
    }
    return out;
  }

  /**
   * The rows with both values, grouped by scope ({@code all} and the row's trust type) and year
   * ({@code pooled} and the row's survey year); groups without a pair do not appear.
   */
  static Map<CorrelateGroup.GroupKey, List<Integer>> groups(PanelTable panel, MeasureInfo staff, MeasureInfo outcome,
      int lag, double[] x, double[] y) {
    Map<CorrelateGroup.GroupKey, List<Integer>> groups = new TreeMap<>(Comparator
        .comparing(CorrelateGroup.GroupKey::scope).thenComparing(CorrelateGroup.GroupKey::year));
    for (int i = 0; i < panel.size(); i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
        continue;
      }
      String type = panel.text(PanelColumns.TRUST_TYPE, i);
      for (String scope : type == null ? List.of(CorrelationRow.ALL_SCOPES) : List.of(CorrelationRow.ALL_SCOPES, type)) {
        for (String year : List.of(CorrelationRow.POOLED, Integer.toString(panel.year(i)))) {
          groups.computeIfAbsent(new CorrelateGroup.GroupKey(staff.name(), outcome.name(), lag, scope, year),
              k -> new ArrayList<>()).add(i);
        }
      }
    }
    return groups;
  }

  static double[] pick(double[] values, List<Integer> rows) {
    return rows.stream().mapToDouble(i -> values[i]).toArray();
  }
}
