package org.staffoutcomes.sample;

/**
 * Sickness absence carries a planted <em>within-trust effect</em>: when a trust's published
 * engagement score rises by one point, its sickness absence rate of the next financial year
 * changes by {@code delta} percentage points (negative: it falls), so that sickness absence one
 * year later on engagement with trust and year fixed effects (model {@code fixed_effects}, lag 1)
 * estimates {@code delta}.
 *
 * <p>Per trust {@code i} as the panel restates it and financial year {@code t}:
 *
 * <pre>
 *   A[i,t] = 4.4 + group offset + year offset + delta * (X[i,t-1] - 6.95)
 *            + 0.55 * (gamma * u[i] + NOISE * eps[i,t])
 * </pre>
 *
 * <p>with {@code X} the published engagement score of survey year {@code t - 1} (restated: the
 * base-weighted mean of a merged trust's predecessors; the unrounded latent score where none is
 * published, trust-years that are not rows of the model), {@code u} the trust's persistent culture
 * (the one its engagement follows, a merged trust's continuing its predecessors'), {@code eps}
 * independent standard normal draws. Every organisation of a merged trust shows the trust's rate,
 * so the restated rate (summed days lost over summed days available) is {@code A}. The group and
 * year offsets and {@code u} are constant within a trust or a year, so the fixed effects absorb
 * them and the model is exactly right; a pooled model is not (well-run trusts have both higher
 * engagement and less sickness, and the group and national paths of the two differ).
 *
 * <p>Only {@code delta} makes the outcome of the year after follow engagement more closely than
 * the outcome of the same year, so {@code delta} and {@code gamma} are solved ({@link Newton}) so
 * that the pooled correlations of the sample at lag 0 and 1 are {@link OutcomeSpec#target}; the
 * value of {@code delta} is what {@code truth.json} states. (That it was solved on the drawn sample
 * does not bias the fixed-effects estimate: its error is the projection of {@code eps} alone.)
 */
final class WithinTrustEffect {

  static final OutcomeSpec SPEC = OutcomeSpec.SICKNESS_ABSENCE;
  /** Weight of a trust-year's own noise in the latent part. */
  static final double NOISE = 0.8;

  private final UnitSeries series;
  /** [unit][year - baseYear]: {@code A}; NaN in the year before the first. */
  private final double[][] value;
  private final double delta;
  private final double gamma;
  private final boolean fitted;

  private WithinTrustEffect(UnitSeries series, double[][] value, double delta, double gamma,
      boolean fitted) {
    this.series = series;
    this.value = value;
    this.delta = delta;
    this.gamma = gamma;
    this.fitted = fitted;
  }

  static WithinTrustEffect fit(SampleWorld world) {
    UnitSeries series = UnitSeries.of(world, SPEC);
    double[][] eps = series.gaussians(world.stream("sickness-within-trust"));
    double[] start = {-1.0, -0.3};
    double[] solved = series.solveTargets(SPEC,
        p -> simulate(world, series, eps, p[0], p[1], NOISE), start);
    double[] chosen = solved == null ? start : solved;
    return new WithinTrustEffect(series, simulate(world, series, eps, chosen[0], chosen[1], NOISE),
        chosen[0], chosen[1], solved != null);
  }

  private static double[][] simulate(SampleWorld world, UnitSeries s, double[][] eps,
      double delta, double gamma, double c) {
    double[][] value = new double[s.size()][s.years()];
    for (int i = 0; i < s.size(); i++) {
      Organisation unit = s.unit(i);
      double culture = world.latent().culture(unit);
      value[i][0] = Double.NaN;
      for (int k = 1; k < s.years(); k++) {
        value[i][k] = SPEC.level(unit.group(), s.year(k), gamma * culture + c * eps[i][k])
            + delta * (s.engagementOrLatent[i][k - 1] - EngagementScale.MEAN);
      }
    }
    return value;
  }

  /** The sickness absence rate (%) every organisation of the trust shows in the year. */
  double value(Organisation org, int year) {
    return series.valueOf(value, SPEC, org, year);
  }

  /** Whether {@code gamma} and {@code c} were solved so the sample shows the targets. */
  boolean fitted() {
    return fitted;
  }

  /** Percentage points of sickness absence next year per engagement point this year. */
  double delta() {
    return delta;
  }

  double gamma() {
    return gamma;
  }
}
