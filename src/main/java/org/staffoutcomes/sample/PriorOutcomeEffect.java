package org.staffoutcomes.sample;

/**
 * SHMI carries a planted <em>prior-outcome effect</em>: a trust's SHMI this year depends on its own
 * published SHMI last year and on this year's engagement, so that the weighted least squares of
 * SHMI on engagement and {@code shmi_prev1} (model {@code wls_prior_outcome}, lag 0, weights
 * {@code engagement_n}) estimates known coefficients.
 *
 * <p>Per trust {@code i} as the panel restates it and financial year {@code t}:
 *
 * <pre>
 *   S[i,t] = 1 + BETA * (X[i,t] - 6.95) + RHO * (P[i,t-1] - 1) + kappa * R[i,t-1]
 *            + sigma * sqrt(mean n / n[i,t]) * eps[i,t]
 * </pre>
 *
 * <p>with {@code X} the published engagement score (restated: the base-weighted mean of a merged
 * trust's predecessors), {@code P} the published SHMI as the panel computes it from the files
 * (sum of OBSERVED / sum of EXPECTED, OBSERVED being {@code round(EXPECTED * S)} for every
 * organisation of the trust), {@code n} the engagement base (the model's weight: a larger trust's
 * SHMI is steadier, so weighted least squares is the efficient fit and its usual standard errors
 * hold), {@code eps} independent standard normal draws. Where the panel will
 * hold no {@code X} or {@code P} the unrounded latent score and {@code S} stand in: those
 * trust-years are not rows of the model. SHMI has no group or year offsets, so a pooled model with
 * one intercept is the right one.
 *
 * <p>{@code R[i,t-1]}, a delayed effect of last year's engagement, is the part of {@code
 * X[i,t-1]} that this year's model rows do not show: its residual from the weighted least squares,
 * within year {@code t}, on {@code 1, X[i,t], P[i,t-1]} over the rows of the model (weights the
 * engagement base), and 0 off them. Being orthogonal to the regressors with those weights it leaves
 * the model's coefficients exactly {@code BETA} and {@code RHO}; it is what lets the pooled
 * correlation at lag 1 stay the stronger (without it a trust's SHMI following this year's
 * engagement and its own past correlates less with last year's engagement than with this
 * year's). {@code kappa} and {@code sigma} are solved ({@link Newton}) so that the pooled
 * correlations of the sample at lag 0 and 1 are {@link OutcomeSpec#target}.
 */
final class PriorOutcomeEffect {

  static final OutcomeSpec SPEC = OutcomeSpec.SHMI;
  /** SHMI per engagement point (this year's). */
  static final double BETA = -0.05;
  /** SHMI per unit of last year's SHMI. */
  static final double RHO = 0.5;

  private final UnitSeries series;
  /** [unit][year - baseYear]: {@code S}. */
  private final double[][] value;
  private final double kappa;
  private final double sigma;
  private final boolean fitted;

  private PriorOutcomeEffect(UnitSeries series, double[][] value, double kappa, double sigma,
      boolean fitted) {
    this.series = series;
    this.value = value;
    this.kappa = kappa;
    this.sigma = sigma;
    this.fitted = fitted;
  }

  static PriorOutcomeEffect fit(SampleWorld world) {
    UnitSeries series = UnitSeries.of(world, SPEC);
    double[][] eps = series.gaussians(world.stream("shmi-prior-outcome"));
    double[][] spread = spread(series);
    for (int i = 0; i < eps.length; i++) {
      for (int k = 0; k < eps[i].length; k++) {
        eps[i][k] *= spread[i][k];
      }
    }
    double[] start = {-0.05, 0.05};
    double[] solved = series.solveTargets(SPEC,
        p -> p[1] > 0 ? simulate(world, series, eps, p[0], p[1], false)[1] : null, start);
    double[] chosen = solved == null ? start : solved;
    double[][] value = simulate(world, series, eps, chosen[0], chosen[1], true)[0];
    return new PriorOutcomeEffect(series, value, chosen[0], chosen[1], solved != null);
  }

  /**
   * How much a trust-year's own noise is scaled: {@code sqrt(mean base / base)}, so that its
   * variance is inversely proportional to the weight of the model (a larger trust's SHMI is
   * steadier, and weighted least squares is the efficient fit). Years without a base take the
   * trust's mean base, trusts without any the overall mean.
   */
  private static double[][] spread(UnitSeries s) {
    double total = 0;
    int count = 0;
    double[] trustMean = new double[s.size()];
    for (int i = 0; i < s.size(); i++) {
      double sum = 0;
      int n = 0;
      for (double b : s.base[i]) {
        if (b > 0) {
          sum += b;
          n++;
        }
      }
      trustMean[i] = n > 0 ? sum / n : Double.NaN;
      total += sum;
      count += n;
    }
    double mean = count > 0 ? total / count : 1;
    double[][] out = new double[s.size()][s.years()];
    for (int i = 0; i < s.size(); i++) {
      for (int k = 0; k < s.years(); k++) {
        double b = s.base[i][k] > 0 ? s.base[i][k] : Double.isNaN(trustMean[i]) ? mean : trustMean[i];
        out[i][k] = Math.sqrt(mean / b);
      }
    }
    return out;
  }

  /**
   * {S, P} over the trust-years; {@code P} as published ({@code rounded}: from whole observed
   * deaths over each organisation's expected deaths) or, while solving, {@code S} itself; NaN where
   * the dataset has no row.
   */
  private static double[][][] simulate(SampleWorld world, UnitSeries s, double[][] eps,
      double kappa, double sigma, boolean rounded) {
    int n = s.size();
    int years = s.years();
    double[][] value = new double[n][years];
    double[][] published = new double[n][years];
    for (int i = 0; i < n; i++) {
      // No SHMI before the first year: a start drawn near the series' long-run spread.
      value[i][0] = 1 + BETA / (1 - RHO) * (s.engagementOrLatent[i][0] - EngagementScale.MEAN)
          + sigma / Math.sqrt(1 - RHO * RHO) * eps[i][0];
      published[i][0] = Double.NaN;
    }
    for (int k = 1; k < years; k++) {
      double[] previous = new double[n];
      for (int i = 0; i < n; i++) {
        previous[i] = published[i][k - 1];
      }
      double[] delayed = delayed(s, k, previous);
      for (int i = 0; i < n; i++) {
        double before = Double.isNaN(previous[i]) ? value[i][k - 1] : previous[i];
        value[i][k] = 1 + BETA * (s.engagementOrLatent[i][k] - EngagementScale.MEAN)
            + RHO * (before - 1) + kappa * delayed[i] + sigma * eps[i][k];
        published[i][k] = !s.outcomeShown[i][k] ? Double.NaN
            : rounded ? published(world, s.unit(i), s.year(k), value[i][k]) : value[i][k];
      }
    }
    return new double[][][] {value, published};
  }

  /**
   * {@code R[., t-1]} for year column {@code k}: the weighted least-squares residual of last year's
   * engagement on {@code 1}, this year's engagement and last year's published SHMI over the rows
   * of the model in year {@code k} that have last year's engagement; 0 elsewhere.
   */
  private static double[] delayed(UnitSeries s, int k, double[] previous) {
    int n = s.size();
    double[] out = new double[n];
    double[][] m = new double[3][3];
    double[] v = new double[3];
    int rows = 0;
    for (int i = 0; i < n; i++) {
      if (inModel(s, i, k, previous)) {
        double[] z = {1, s.engagement[i][k], previous[i]};
        double w = s.base[i][k];
        for (int a = 0; a < 3; a++) {
          for (int b = 0; b < 3; b++) {
            m[a][b] += w * z[a] * z[b];
          }
          v[a] += w * z[a] * s.engagement[i][k - 1];
        }
        rows++;
      }
    }
    double[] coef = rows > 3 ? Cramer.solve(m, v) : null;
    if (coef == null) {
      return out;
    }
    for (int i = 0; i < n; i++) {
      if (inModel(s, i, k, previous)) {
        out[i] = s.engagement[i][k - 1]
            - (coef[0] + coef[1] * s.engagement[i][k] + coef[2] * previous[i]);
      }
    }
    return out;
  }

  /** A row of the model in year column {@code k} with last year's engagement published. */
  private static boolean inModel(UnitSeries s, int i, int k, double[] previous) {
    return k < s.years() - 1 && !Double.isNaN(s.engagement[i][k]) && s.outcomeShown[i][k]
        && !Double.isNaN(previous[i]) && !Double.isNaN(s.engagement[i][k - 1]) && s.base[i][k] > 0;
  }

  /** The SHMI the panel computes for the trust from the files when each organisation shows {@code target}. */
  private static double published(SampleWorld world, Organisation unit, int year, double target) {
    long observed = 0;
    double expected = 0;
    for (Organisation org : world.successions().members(unit)) {
      if (world.coverage().outcomeRow(SPEC, org, year)) {
        double e = ShmiWriter.expected(world, org, year);
        observed += Math.round(e * target);
        expected += e;
      }
    }
    return observed / expected;
  }

  /** The SHMI every organisation of the trust shows in the year ({@code S}). */
  double value(Organisation org, int year) {
    return series.valueOf(value, SPEC, org, year);
  }

  /** Whether {@code kappa} and {@code sigma} were solved so the sample shows the targets. */
  boolean fitted() {
    return fitted;
  }

  double kappa() {
    return kappa;
  }

  double sigma() {
    return sigma;
  }
}
