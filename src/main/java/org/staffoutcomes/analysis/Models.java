package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.stats.FixedEffects;
import org.staffoutcomes.stats.RegressionResult;
import org.staffoutcomes.stats.RegressionTerm;
import org.staffoutcomes.stats.WeightedLeastSquares;

/**
 * The researchers' regressions, per (staff measure, interval outcome, lag, scope), every survey
 * year together:
 *
 * <ul>
 *   <li>{@code wls}: outcome ~ staff, weighted least squares (weights from the catalog);
 *   <li>{@code wls_prior_outcome}: outcome ~ staff + outcome_prev1 (the outcome the year before),
 *       which separates "engaged staff go with good care" from "good trusts were already good";
 *   <li>{@code fixed_effects}: outcome ~ staff + trust effects + year effects (within-trust change),
 *       standard errors clustered by trust (CR1);
 *   <li>{@code fixed_effects_prior_outcome}: the same with outcome_prev1.
 * </ul>
 *
 * Ordinal outcomes (ratings) get no linear model. The statistics are the stats package's.
 */
final class Models {

  private Models() {}

  static List<ModelRow> of(Catalog catalog, PanelTable panel) {
    return of(catalog, panel, Reuse.NONE);
  }

  /** As {@link #of(Catalog, PanelTable)}, taking the rows of the associations {@code reuse} holds from it. */
  static List<ModelRow> of(Catalog catalog, PanelTable panel, Reuse reuse) {
    Adjustments adjust = new Adjustments(panel, catalog.analysis());
    int minPairs = catalog.analysis().minPairs();
    String[] orgs = new String[panel.size()];
    int[] years = new int[panel.size()];
    for (int i = 0; i < orgs.length; i++) {
      orgs[i] = panel.org(i);
      years[i] = panel.year(i);
    }
    Map<String, IntPredicate> scopes = scopes(panel);
    // Each staff measure's models are independent: fitted in parallel, gathered in catalog order.
    return catalog.staffMeasures().parallelStream()
        .flatMap(s -> forStaffMeasure(s, catalog, panel, adjust, minPairs, orgs, years, scopes, reuse).stream()).toList();
  }

  private static List<ModelRow> forStaffMeasure(MeasureInfo s, Catalog catalog, PanelTable panel, Adjustments adjust,
      int minPairs, String[] orgs, int[] years, Map<String, IntPredicate> scopes, Reuse reuse) {
    List<ModelRow> out = new ArrayList<>();
    double[] x = panel.numbers(PanelColumns.value(s.name()));
    double[] w = adjust.weights(s.name());
    String weights = adjust.describeWeights(s.name());
    for (MeasureInfo o : catalog.outcomes()) {
      if (o.ordinal()) {
        continue;
      }
      java.util.Optional<List<ModelRow>> last = reuse.models(s.name(), o.name());
      if (last.isPresent()) {
        out.addAll(last.get());
        continue;
      }
      String prevName = PanelColumns.previous(o.name(), 1);
      double[] prev = panel.has(prevName) ? panel.numbers(prevName) : null;
      for (int lag : AnalysisStage.LAGS) {
        double[] y = panel.numbers(PanelColumns.lagged(o.name(), lag));
        for (Map.Entry<String, IntPredicate> scope : scopes.entrySet()) {
          Fit fit = new Fit(s.name(), o.name(), lag, scope.getKey(), minPairs, out);
          IntPredicate base = i -> scope.getValue().test(i) && Double.isFinite(x[i]) && Double.isFinite(y[i]);
          IntPredicate weighted = i -> base.test(i) && w[i] > 0 && Double.isFinite(w[i]);
          IntPredicate withPrev = i -> prev != null && Double.isFinite(prev[i]);
          int[] r = rows(panel.size(), weighted);
          fit.add(ModelRow.WLS, weights, r, () -> WeightedLeastSquares.fit(pick(y, r), new double[][] {pick(x, r)},
              new String[] {s.name()}, pick(w, r)));
          int[] rp = rows(panel.size(), weighted.and(withPrev));
          fit.add(ModelRow.WLS_PRIOR_OUTCOME, weights, rp, () -> WeightedLeastSquares.fit(pick(y, rp),
              new double[][] {pick(x, rp), pick(prev, rp)}, new String[] {s.name(), prevName}, pick(w, rp)));
          int[] f = rows(panel.size(), base);
          fit.add(ModelRow.FIXED_EFFECTS, "none", f, () -> FixedEffects.twoWay(pick(y, f),
              new double[][] {pick(x, f)}, new String[] {s.name()}, pick(orgs, f), pick(years, f)));
          int[] fp = rows(panel.size(), base.and(withPrev));
          fit.add(ModelRow.FIXED_EFFECTS_PRIOR_OUTCOME, "none", fp, () -> FixedEffects.twoWay(pick(y, fp),
              new double[][] {pick(x, fp), pick(prev, fp)}, new String[] {s.name(), prevName}, pick(orgs, fp),
              pick(years, fp)));
        }
      }
    }
    return out;
  }

  /** {@code all}, then each trust type, as row filters. */
  private static Map<String, IntPredicate> scopes(PanelTable panel) {
    Map<String, IntPredicate> scopes = new LinkedHashMap<>();
    scopes.put(CorrelationRow.ALL_SCOPES, i -> true);
    String[] type = new String[panel.size()];
    java.util.TreeSet<String> types = new java.util.TreeSet<>();
    for (int i = 0; i < type.length; i++) {
      type[i] = panel.text(PanelColumns.TRUST_TYPE, i);
      if (type[i] != null) {
        types.add(type[i]);
      }
    }
    for (String t : types) {
      scopes.put(t, i -> t.equals(type[i]));
    }
    return scopes;
  }

  /** One association's models, appended to {@code out} term by term. */
  private record Fit(String staff, String outcome, int lag, String scope, int minPairs, List<ModelRow> out) {

    void add(String model, String weights, int[] rows, java.util.function.Supplier<RegressionResult> fit) {
      if (rows.length < minPairs) {
        out.add(new ModelRow(model, staff, outcome, lag, scope, weights, staff, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, rows.length, 0, Double.NaN,
            "fewer than " + minPairs + " observations"));
        return;
      }
      RegressionResult r = fit.get();
      for (RegressionTerm t : r.terms()) {
        String note = Double.isNaN(t.estimate()) ? "not estimable (no variation, or collinear)" : "";
        out.add(new ModelRow(model, staff, outcome, lag, scope, weights, t.name(), t.estimate(), t.se(), t.t(), t.p(),
            Double.NaN, t.ciLow(), t.ciHigh(), r.n(), r.nGroups(), r.r2(), note));
      }
    }
  }

  private static int[] rows(int n, IntPredicate keep) {
    return java.util.stream.IntStream.range(0, n).filter(keep).toArray();
  }

  private static double[] pick(double[] v, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = v[rows[i]];
    }
    return out;
  }

  private static String[] pick(String[] v, int[] rows) {
    return java.util.Arrays.stream(rows).mapToObj(i -> v[i]).toArray(String[]::new);
  }

  private static int[] pick(int[] v, int[] rows) {
    return java.util.Arrays.stream(rows).map(i -> v[i]).toArray();
  }
}
