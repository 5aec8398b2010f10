package org.staffoutcomes.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Fine-tunes each outcome's coefficients {@code a} and {@code b} (with {@code c} following, so the
 * latent outcome keeps unit variance in the model) on the drawn latent values, so that the pooled
 * Pearson correlations of the values to be published, over exactly the trust-years to be
 * published, equal the targets at both lags (before rounding to published precision).
 *
 * <p>Without this step the realised correlations scatter around the targets with a standard
 * deviation of about 0.025 (trusts' engagement is persistent, so the 13 years of a trust are not
 * independent evidence). The adjustment to {@code a} and {@code b} is of that order: the data
 * remain a draw from the model with slightly different coefficients. Solved by Newton's method with
 * a numerical Jacobian; if it does not converge the coefficients are left as they were.
 */
final class CorrelationFit {

  private CorrelationFit() {}

  /** The model with every outcome's coefficients fitted to its targets. */
  static LatentModel fit(SampleWorld world) {
    LatentModel model = world.latent();
    for (OutcomeSpec spec : OutcomeSpec.values()) {
      Pairs lag0 = Pairs.collect(world, spec, 0);
      Pairs lag1 = Pairs.collect(world, spec, 1);
      if (lag0.size() < 10 || lag1.size() < 10) {
        continue;
      }
      double[] abc = solve(spec, lag0, lag1, model.coefficients(spec));
      if (abc != null) {
        model = model.withCoefficients(spec, abc);
      }
    }
    return model;
  }

  private static double[] solve(OutcomeSpec spec, Pairs lag0, Pairs lag1, double[] start) {
    double a = start[0];
    double b = start[1];
    double h = 1e-6;
    for (int iteration = 0; iteration < 30; iteration++) {
      double[] f = residuals(spec, lag0, lag1, a, b);
      if (f == null) {
        return null;
      }
      if (Math.abs(f[0]) < 1e-10 && Math.abs(f[1]) < 1e-10) {
        return new double[] {a, b, LatentModel.noiseWeight(a, b)};
      }
      double[] fa = residuals(spec, lag0, lag1, a + h, b);
      double[] fb = residuals(spec, lag0, lag1, a, b + h);
      if (fa == null || fb == null) {
        return null;
      }
      double j00 = (fa[0] - f[0]) / h;
      double j10 = (fa[1] - f[1]) / h;
      double j01 = (fb[0] - f[0]) / h;
      double j11 = (fb[1] - f[1]) / h;
      double det = j00 * j11 - j01 * j10;
      if (Math.abs(det) < 1e-12) {
        return null;
      }
      a -= (j11 * f[0] - j01 * f[1]) / det;
      b -= (-j10 * f[0] + j00 * f[1]) / det;
    }
    return null;
  }

  /** {r0 - target0, r1 - target1}, or null where {@code c} would be infeasible. */
  private static double[] residuals(OutcomeSpec spec, Pairs lag0, Pairs lag1, double a,
      double b) {
    double c = LatentModel.noiseWeight(a, b);
    if (Double.isNaN(c)) {
      return null;
    }
    return new double[] {
      lag0.pearson(spec, a, b, c) - spec.target(0),
      lag1.pearson(spec, a, b, c) - spec.target(1)
    };
  }

  /** The trust-years paired at one lag: engagement and the latent parts of the outcome. */
  private record Pairs(double[] x, BenchmarkGroup[] group, int[] outcomeYear, double[] previous,
      double[] current, double[] noise) {

    static Pairs collect(SampleWorld world, OutcomeSpec spec, int lag) {
      List<Object[]> rows = new ArrayList<>();
      for (Organisation org : world.organisations()) {
        for (int year = world.options().firstYear(); year <= world.options().lastYear(); year++) {
          int y = year + lag;
          if (world.coverage().engagementShown(org, year)
              && world.coverage().outcomeRow(spec, org, y)) {
            LatentModel m = world.latent();
            rows.add(new Object[] {
              EngagementScale.score(org.group(), year, m.engagement(org, year)), org.group(), y,
              m.engagement(org, y - 1), m.engagement(org, y), m.noise(spec, org, y)});
          }
        }
      }
      int n = rows.size();
      Pairs p = new Pairs(new double[n], new BenchmarkGroup[n], new int[n], new double[n],
          new double[n], new double[n]);
      for (int k = 0; k < n; k++) {
        Object[] r = rows.get(k);
        p.x[k] = (double) r[0];
        p.group[k] = (BenchmarkGroup) r[1];
        p.outcomeYear[k] = (int) r[2];
        p.previous[k] = (double) r[3];
        p.current[k] = (double) r[4];
        p.noise[k] = (double) r[5];
      }
      return p;
    }

    int size() {
      return x.length;
    }

    /** Pooled r of engagement with the outcome value built with {a, b, c}. */
    double pearson(OutcomeSpec spec, double a, double b, double c) {
      int n = size();
      double sx = 0;
      double sy = 0;
      double sxx = 0;
      double syy = 0;
      double sxy = 0;
      for (int k = 0; k < n; k++) {
        double o = a * previous[k] + b * current[k] + c * noise[k];
        double y = spec.value(group[k], outcomeYear[k], o);
        sx += x[k];
        sy += y;
        sxx += x[k] * x[k];
        syy += y * y;
        sxy += x[k] * y;
      }
      double cov = sxy / n - (sx / n) * (sy / n);
      double vx = sxx / n - (sx / n) * (sx / n);
      double vy = syy / n - (sy / n) * (sy / n);
      return cov / Math.sqrt(vx * vy);
    }
  }
}
