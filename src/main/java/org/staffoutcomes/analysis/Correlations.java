package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
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
    return of(catalog, panel, Reuse.NONE);
  }

  /** As {@link #of(Catalog, PanelTable)}, taking the rows of the associations {@code reuse} holds from it. */
  static List<CorrelationRow> of(Catalog catalog, PanelTable panel, Reuse reuse) {
    CorrelateGroup correlate = new CorrelateGroup(catalog.analysis().minPairs(),
        catalog.outcomes().stream().filter(MeasureInfo::ordinal).map(MeasureInfo::name).collect(Collectors.toSet()));
    Adjustments adjust = new Adjustments(panel, catalog.analysis());
    int minPairs = catalog.analysis().minPairs();
    Groups groups = Groups.of(panel);
    // Each staff measure's rows are independent: computed in parallel, gathered in catalog order.
    List<CorrelationRow> out = new ArrayList<>(catalog.staffMeasures().parallelStream()
        .flatMap(s -> forStaffMeasure(s, catalog, panel, groups, correlate, adjust, minPairs, reuse).stream()).toList());
    out.sort(ORDER);
    return out;
  }

  private static List<CorrelationRow> forStaffMeasure(MeasureInfo s, Catalog catalog, PanelTable panel, Groups groups,
      CorrelateGroup correlate, Adjustments adjust, int minPairs, Reuse reuse) {
    List<CorrelationRow> out = new ArrayList<>();
    double[] w = adjust.weights(s.name());
    String weights = "weights: " + adjust.describeWeights(s.name());
    String controls = "controls: " + adjust.describeCovariates(s.name());
    double[] x = panel.numbers(PanelColumns.value(s.name()));
    for (MeasureInfo o : catalog.outcomes()) {
      java.util.Optional<List<CorrelationRow>> last = reuse.correlations(s.name(), o.name());
      if (last.isPresent()) {
        out.addAll(last.get());
        continue;
      }
      for (int lag : AnalysisStage.LAGS) {
        double[] y = panel.numbers(PanelColumns.lagged(o.name(), lag));
        int[][] members = groups.rows(x, y);
        for (int g = 0; g < members.length; g++) {
          int[] rows = members[g];
          if (rows.length == 0) {
            continue;
          }
          CorrelateGroup.GroupKey key = new CorrelateGroup.GroupKey(s.name(), o.name(), lag, groups.scope(g),
              groups.year(g));
          out.addAll(correlate.rows(key, pick(x, rows), pick(y, rows)));
          if (o.ordinal()) {
            continue; // rank correlation only
          }
          int[] weighted = java.util.Arrays.stream(rows).filter(i -> w[i] > 0 && Double.isFinite(w[i])).toArray();
          out.add(weighted.length < minPairs
              ? key.row(CorrelationRow.PEARSON_WEIGHTED, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                  weighted.length, CorrelateGroup.fewerThan(minPairs) + " with weights; " + weights)
              : key.row(CorrelationRow.PEARSON_WEIGHTED,
                  Correlation.weightedPearson(pick(x, weighted), pick(y, weighted), pick(w, weighted)), weights));
          double[][] all = adjust.covariates(s.name(), rows);
          int[] complete = java.util.stream.IntStream.range(0, rows.length)
              .filter(j -> java.util.Arrays.stream(all).allMatch(c -> Double.isFinite(c[j])))
              .map(j -> rows[j]).toArray();
          out.add(complete.length < minPairs
              ? key.row(CorrelationRow.PARTIAL, Double.NaN, Double.NaN, Double.NaN, Double.NaN, complete.length,
                  CorrelateGroup.fewerThan(minPairs) + " with every covariate; " + controls)
              : key.row(CorrelationRow.PARTIAL, PartialCorrelation.of(pick(x, complete), pick(y, complete),
                  complete.length == rows.length ? all : adjust.covariates(s.name(), complete)), controls));
        }
      }
    }
    return out;
  }

  /**
   * The groups a pair can fall in, scope ({@code all} and each trust type) by year ({@code pooled}
   * and each survey year), numbered in (scope, year) order, and each panel row's groups: worked
   * out once per panel, not once per association.
   */
  record Groups(String[] scopes, String[] years, int[][] ofRow) {

    static Groups of(PanelTable panel) {
      List<List<String>> rowScopes = new ArrayList<>();
      List<List<String>> rowYears = new ArrayList<>();
      for (int i = 0; i < panel.size(); i++) {
        String type = panel.text(PanelColumns.TRUST_TYPE, i);
        rowScopes.add(type == null ? List.of(CorrelationRow.ALL_SCOPES) : List.of(CorrelationRow.ALL_SCOPES, type));
        rowYears.add(List.of(CorrelationRow.POOLED, Integer.toString(panel.year(i))));
      }
      List<String> scopes = List.copyOf(new TreeSet<>(rowScopes.stream().flatMap(List::stream).toList()));
      List<String> years = List.copyOf(new TreeSet<>(rowYears.stream().flatMap(List::stream).toList()));
      int[][] ofRow = new int[panel.size()][];
      for (int i = 0; i < ofRow.length; i++) {
        List<String> ys = rowYears.get(i);
        ofRow[i] = rowScopes.get(i).stream().flatMapToInt(sc -> ys.stream()
            .mapToInt(y -> scopes.indexOf(sc) * years.size() + years.indexOf(y))).distinct().toArray();
      }
      return new Groups(scopes.toArray(String[]::new), years.toArray(String[]::new), ofRow);
    }

    String scope(int group) {
      return scopes[group / years.length];
    }

    String year(int group) {
      return years[group % years.length];
    }

    /** Each group's rows with both values, in row order; empty for a group without a pair. */
    int[][] rows(double[] x, double[] y) {
      int[] count = new int[scopes.length * years.length];
      for (int i = 0; i < ofRow.length; i++) {
        if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
          for (int g : ofRow[i]) {
            count[g]++;
          }
        }
      }
      int[][] out = new int[count.length][];
      for (int g = 0; g < count.length; g++) {
        out[g] = new int[count[g]];
        count[g] = 0;
      }
      for (int i = 0; i < ofRow.length; i++) {
        if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
          for (int g : ofRow[i]) {
            out[g][count[g]++] = i;
          }
        }
      }
      return out;
    }
  }

  static double[] pick(double[] values, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }
}
