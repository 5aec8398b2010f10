package org.staffoutcomes.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Panel regressions with fixed effects. */
public final class FixedEffects {

  private static final String ACTION = "fit fixed effects";

  private FixedEffects() {}

  /**
   * Two-way fixed effects (a unit effect and a time effect) on a possibly unbalanced panel, with
   * standard errors clustered by unit:
   *
   * <pre>
   *   y_it = x_it' b + a_i + g_t + e_it
   * </pre>
   *
   * <p><b>Estimate (exact, no iteration).</b> By Frisch-Waugh-Lovell: y, each predictor and the
   * dummies of every period but the first are demeaned within unit, and the demeaned y is
   * regressed on the demeaned dummies and predictors (Householder QR, see {@link HouseholderQr}).
   * The predictors' coefficients and the residuals are those of the dummy regression
   * {@code lm(y ~ x + factor(unit) + factor(time))}, which R's
   * {@code plm(..., effect = "twoways", model = "within")} and {@code fixest::feols(y ~ x | unit +
   * time)} also give. A period whose dummy is aliased after the demeaning (e.g. observed only in
   * units of one observation) is dropped, as R's {@code lm} reports it NA.
   *
   * <p><b>Standard errors: CR1, clustered by unit, with fixest's default small-sample
   * correction</b> ({@code ssc(adj = TRUE, fixef.K = "nested", cluster.adj = TRUE)}):
   *
   * <pre>
   *   V = G/(G-1) * (N-1)/(N-K) * (Z'Z)^-1 (sum_g Z_g' u_g u_g' Z_g) (Z'Z)^-1     (predictor block)
   *   K = number of predictors + number of identified period effects (T - 1 when all are)
   * </pre>
   *
   * where Z holds the demeaned dummies and predictors, u the residuals, G the number of units
   * (clusters) and N the number of observations. The unit effects are nested in the clusters and
   * are not counted in K. Each term is tested on a t distribution with G - 1 degrees of freedom
   * (fixest's {@code t(G-1)} for clustered standard errors), which {@code dfResidual} reports. This
   * equals R's {@code sandwich::vcovCL(lm(y ~ x + factor(unit) + factor(time)), cluster = ~unit,
   * type = "HC0", cadjust = TRUE) * (N-1)/(N-K)}. Stata's {@code xtreg, fe vce(cluster unit)} with
   * {@code i.time} counts the constant too (K + 1), so its standard errors are larger by the factor
   * {@code sqrt((N-K)/(N-K-1))}; plm's {@code vcovHC(method = "arellano", type = "sss")} counts
   * only the predictors (K = number of predictors), so its are smaller. We match fixest.
   *
   * <p><b>R^2</b> is the within R^2 of fixest and plm: {@code 1 - RSS / TSS}, where TSS is the sum
   * of squares of y after projecting out both the unit and the time effects.
   *
   * <p><b>Units with one observation</b> (singletons) are kept, as R's {@code lm} and plm keep
   * them (fixest drops them only when asked): their demeaned values are all zero, so they do not
   * move the estimate, but they count in N and in G (so in the corrections above).
   *
   * <p><b>Undefined models give NaN terms and R^2, not an exception</b>: fewer than 2 units; no
   * residual degrees of freedom ({@code N - G - K < 1}); a predictor without variation within
   * units and periods, or collinear with the others (aliased by R's rule).
   *
   * @param y the response
   * @param predictors {@code predictors[j][i]} is the value of predictor j for observation i
   * @param names the predictors' names, distinct
   * @param unit each observation's unit (e.g. trust code), not null
   * @param time each observation's period (e.g. year)
   * @return one term per predictor, in the given order (no intercept, no effects);
   *     {@code nGroups} = G, {@code dfResidual} = G - 1, {@code r2} the within R^2
   * @throws IllegalArgumentException if a length differs, a value is NaN or infinite, a name
   *     repeats, a unit is null, or a unit has two observations in one period
   */
  public static RegressionResult twoWay(double[] y, double[][] predictors, String[] names,
      String[] unit, int[] time) {
    Checks.design(ACTION, y, predictors, names, "predictor");
    int n = y.length;
    int[] group = units(unit, n);
    int groups = Arrays.stream(group).max().orElse(-1) + 1;
    Objects.requireNonNull(time, "time");
    if (time.length != n) {
      throw new IllegalArgumentException(
          "Cannot " + ACTION + ": time has " + time.length + " values but y has " + n);
    }
    int[] periods = Arrays.stream(time).distinct().sorted().toArray();
    requireOnePerPeriod(unit, group, time);

    int p = predictors.length;
    int dummies = Math.max(0, periods.length - 1);
    double[][] columns = new double[dummies + p][];
    for (int t = 0; t < dummies; t++) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = time[i] == periods[t + 1] ? 1 : 0;
      }
      columns[t] = demeaned(d, group, groups);
    }
    for (int j = 0; j < p; j++) {
      columns[dummies + j] = demeaned(predictors[j], group, groups);
    }
    double[] yd = demeaned(y, group, groups);
    HouseholderQr.Fit fit = HouseholderQr.fit(columns, yd);
    int[] kept = fit.kept();
    int m = kept.length;
    int k = m; // predictors + identified period effects, when no predictor is aliased
    boolean predictorsKept = p == 0 || (m >= p && kept[m - p] == dummies);
    if (groups < 2 || !predictorsKept || n - groups - k < 1) {
      return RegressionResult.undefined(names, n, groups, groups - 1);
    }

    // Rows of (Z'Z)^-1 for the predictors, then h_g = A sum_{i in g} z_i u_i.
    double[][] bread = fit.unscaledCovariance();
    double[] u = fit.residuals();
    double[][] h = new double[groups][p];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < m; c++) {
        double zu = columns[kept[c]][i] * u[i];
        if (zu == 0) {
          continue;
        }
        for (int j = 0; j < p; j++) {
          h[group[i]][j] += bread[m - p + j][c] * zu;
        }
      }
    }
    double correction = groups / (groups - 1.0) * (n - 1.0) / (n - k);
    List<RegressionTerm> terms = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      double v = 0;
      for (double[] hg : h) {
        v += hg[j] * hg[j];
      }
      double se = Math.sqrt(v * correction);
      terms.add(RegressionTerm.of(names[j], fit.coefficients()[m - p + j], se, groups - 1));
    }
    double tss = HouseholderQr.fit(Arrays.copyOf(columns, dummies), yd).rss();
    return new RegressionResult(terms, n, groups, 1 - fit.rss() / tss, groups - 1);
  }

  /** The unit index (0-based, in order of first appearance) of each observation. */
  private static int[] units(String[] unit, int n) {
    Objects.requireNonNull(unit, "unit");
    if (unit.length != n) {
      throw new IllegalArgumentException(
          "Cannot " + ACTION + ": unit has " + unit.length + " values but y has " + n);
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      if (unit[i] == null) {
        throw new IllegalArgumentException("Cannot " + ACTION + ": unit[" + i + "] is null");
      }
      group[i] = index.computeIfAbsent(unit[i], key -> index.size());
    }
    return group;
  }

  /** Rejects a unit observed twice in one period (in a panel, a sign of a faulty join). */
  private static void requireOnePerPeriod(String[] unit, int[] group, int[] time) {
    Map<Integer, Set<Integer>> seen = new HashMap<>();
    for (int i = 0; i < group.length; i++) {
      if (!seen.computeIfAbsent(group[i], g -> new HashSet<>()).add(time[i])) {
        throw new IllegalArgumentException("Cannot " + ACTION + ": unit " + unit[i]
            + " has more than one observation in period " + time[i]);
      }
    }
  }

  /** {@code v} minus its unit's mean (two passes, as {@link Descriptive#mean}). */
  private static double[] demeaned(double[] v, int[] group, int groups) {
    double[] sum = new double[groups];
    int[] count = new int[groups];
    for (int i = 0; i < v.length; i++) {
      sum[group[i]] += v[i];
      count[group[i]]++;
    }
    double[] mean = new double[groups];
    for (int g = 0; g < groups; g++) {
      mean[g] = sum[g] / count[g];
    }
    double[] correction = new double[groups];
    for (int i = 0; i < v.length; i++) {
      correction[group[i]] += v[i] - mean[group[i]];
    }
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      int g = group[i];
      out[i] = v[i] - (mean[g] + correction[g] / count[g]);
    }
    return out;
  }
}
