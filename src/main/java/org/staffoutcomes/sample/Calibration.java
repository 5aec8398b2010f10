package org.staffoutcomes.sample;

import java.util.List;

/**
 * Finds the within-group, within-year latent correlations that make the <em>pooled</em> Pearson
 * correlation of the published engagement score with each outcome come out at the target.
 *
 * <p>Over the exact set {@code P} of trust-years that will be paired (engagement shown in year
 * {@code t}, outcome present in year {@code t + lag}; predecessors of a merged trust restated
 * under their successor, see {@link Successions}), write engagement as {@code x = bx + sE*E}
 * and the outcome as {@code y = by + sO*O}, where {@code bx}, {@code by} are the group and year
 * offsets (fixed) and {@code E}, {@code O} the unit-variance latent parts with correlation
 * {@code rho}. Then in expectation
 *
 * <pre>
 *   r = (cov_P(bx, by) + sE*sO*rho) / sqrt((var_P(bx) + sE^2) * (var_P(by) + sO^2))
 * </pre>
 *
 * <p>and {@code rho} is solved from the target {@code r}. What is left is sampling error only.
 */
final class Calibration {

  private Calibration() {}

  /** {@code rho[outcome.ordinal()][lag]} for lags 0 and 1. */
  static double[][] withinRho(Successions successions, Coverage coverage,
      SampleOptions options) {
    double[][] rho = new double[OutcomeSpec.values().length][2];
    for (OutcomeSpec spec : OutcomeSpec.values()) {
      for (int lag = 0; lag <= 1; lag++) {
        rho[spec.ordinal()][lag] = solve(spec, lag, successions, coverage, options);
      }
    }
    return rho;
  }

  private static double solve(OutcomeSpec spec, int lag, Successions successions,
      Coverage coverage, SampleOptions options) {
    long n = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (Organisation org : successions.units()) {
      List<Organisation> members = successions.members(org);
      for (int year = options.firstYear(); year <= options.lastYear(); year++) {
        if (coverage.engagementShown(members, year)
            && coverage.outcomeRow(spec, members, year + lag)) {
          double x = EngagementScale.offsets(org.group(), year);
          double y = spec.offsets(org.group(), year + lag);
          n++;
          sx += x;
          sy += y;
          sxx += x * x;
          syy += y * y;
          sxy += x * y;
        }
      }
    }
    double target = spec.target(lag);
    if (n < 2) {
      return target;
    }
    double vx = sxx / n - (sx / n) * (sx / n);
    double vy = syy / n - (sy / n) * (sy / n);
    double cxy = sxy / n - (sx / n) * (sy / n);
    double se = EngagementScale.SD_WITHIN;
    double so = spec.scale();
    double total = Math.sqrt((vx + se * se) * (vy + so * so));
    double rho = (target * total - cxy) / (se * so);
    return Math.max(-0.95, Math.min(0.95, rho));
  }
}
