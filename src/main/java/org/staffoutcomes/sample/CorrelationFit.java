package org.staffoutcomes.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Fine-tunes each outcome's coefficients {@code a} and {@code b} (with {@code c} following, so the
 * latent outcome keeps unit variance in the model) on the drawn latent values, so that the pooled
 * Pearson correlations of the values to be published, over exactly the trust-years to be
 * published, equal the targets at both lags.
 *
 * <p>Without this step the realised correlations scatter around the targets with a standard
 * deviation of about 0.025 (trusts' engagement is persistent, so the 13 years of a trust are not
 * independent evidence). The adjustment to {@code a} and {@code b} is of that order: the data
 * remain a draw from the model with slightly different coefficients. Solved by Newton's method with
 * a numerical Jacobian; if it does not converge the coefficients are left as they were.
 *
 * <p>Most values are published to a precision that moves the correlations by about 0.001 at most.
 * The infection rates are not: they are published as whole case counts over the year's bed days
 * (2-3 MRSA cases a trust a year). For them the fit is repeated with the targets moved by what the
 * rounded rates ({@link BedDays#publishedRate}) still miss, and on a small grid around that,
 * keeping the fit whose rounded rates come closest ({@link #fitPublished}).
 */
final class CorrelationFit {

  /** Grid of aims searched for the rounded rates: step and rings around the centre. */
  private static final double GRID_STEP = 0.0015;
  private static final int GRID_RINGS = 6;
  private static final double GOOD_ENOUGH = 2e-4;

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
      double[] start = model.coefficients(spec);
      double[] targets = {spec.target(0), spec.target(1)};
      double[] fitted = spec.casesPerBedDays()
          ? fitPublished(spec, lag0, lag1, start, targets)
          : solve(spec, lag0, lag1, start, targets);
      if (fitted != null) {
        model = model.withCoefficients(spec, fitted);
      }
    }
    return model;
  }

  /**
   * Coefficients whose rounded rates show the targets: fits aimed at the targets plus the
   * first fit's miss, plus offsets on a grid of {@link #GRID_STEP} around that; the fit whose
   * published correlations miss least wins. (The rounded rates jump as counts flip from one whole
   * number to the next, so the miss is not a smooth function of the aim and cannot simply be
   * iterated away.)
   */
  private static double[] fitPublished(OutcomeSpec spec, Pairs lag0, Pairs lag1, double[] start,
      double[] targets) {
    double[] first = solve(spec, lag0, lag1, start, targets);
    if (first == null) {
      return null;
    }
    double[] centre = {
      2 * targets[0] - lag0.pearson(spec, first[0], first[1], first[2], true),
      2 * targets[1] - lag1.pearson(spec, first[0], first[1], first[2], true)};
    double[] best = first;
    double bestMiss = miss(spec, lag0, lag1, first, targets);
    for (int ring = 0; ring <= GRID_RINGS && bestMiss > GOOD_ENOUGH; ring++) {
      for (int i = -ring; i <= ring; i++) {
        for (int j = -ring; j <= ring; j++) {
          if (Math.max(Math.abs(i), Math.abs(j)) != ring) {
            continue;
          }
          double[] aim = {centre[0] + i * GRID_STEP, centre[1] + j * GRID_STEP};
          double[] abc = solve(spec, lag0, lag1, first, aim);
          double m = abc == null ? Double.POSITIVE_INFINITY : miss(spec, lag0, lag1, abc, targets);
          if (m < bestMiss) {
            best = abc;
            bestMiss = m;
          }
        }
      }
    }
    return best;
  }

  /** The larger miss of the published correlations at lag 0 and 1. */
  private static double miss(OutcomeSpec spec, Pairs lag0, Pairs lag1, double[] abc,
      double[] targets) {
    return Math.max(
        Math.abs(lag0.pearson(spec, abc[0], abc[1], abc[2], true) - targets[0]),
        Math.abs(lag1.pearson(spec, abc[0], abc[1], abc[2], true) - targets[1]));
  }

  private static double[] solve(OutcomeSpec spec, Pairs lag0, Pairs lag1, double[] start,
      double[] targets) {
    double a = start[0];
    double b = start[1];
    double h = 1e-6;
    for (int iteration = 0; iteration < 30; iteration++) {
      double[] f = residuals(spec, lag0, lag1, a, b, targets);
      if (f == null) {
        return null;
      }
      if (Math.abs(f[0]) < 1e-10 && Math.abs(f[1]) < 1e-10) {
        return new double[] {a, b, LatentModel.noiseWeight(a, b)};
      }
      double[] fa = residuals(spec, lag0, lag1, a + h, b, targets);
      double[] fb = residuals(spec, lag0, lag1, a, b + h, targets);
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
      double b, double[] targets) {
    double c = LatentModel.noiseWeight(a, b);
    if (Double.isNaN(c)) {
      return null;
    }
    return new double[] {
      lag0.pearson(spec, a, b, c, false) - targets[0],
      lag1.pearson(spec, a, b, c, false) - targets[1]
    };
  }

  /**
   * The trust-years paired at one lag: engagement, the latent parts of the outcome, and the year's
   * bed days for a rate per bed days (0 otherwise).
   */
  private record Pairs(double[] x, BenchmarkGroup[] group, int[] outcomeYear, double[] previous,
      double[] current, double[] noise, long[] bedDays) {

    static Pairs collect(SampleWorld world, OutcomeSpec spec, int lag) {
      List<Object[]> rows = new ArrayList<>();
      LatentModel m = world.latent();
      for (Organisation org : world.organisations()) {
        for (int year = world.options().firstYear(); year <= world.options().lastYear(); year++) {
          int y = year + lag;
          if (world.coverage().engagementShown(org, year)
              && world.coverage().outcomeRow(spec, org, y)) {
            long bedDays = spec.casesPerBedDays() ? BedDays.annual(world, org, y) : 0;
            rows.add(new Object[] {
              StaffSurveyWriter.publishedEngagement(world, org, year), org.group(), y,
              m.engagement(org, y - 1), m.engagement(org, y), m.noise(spec, org, y), bedDays});
          }
        }
      }
      int n = rows.size();
      Pairs p = new Pairs(new double[n], new BenchmarkGroup[n], new int[n], new double[n],
          new double[n], new double[n], new long[n]);
      for (int k = 0; k < n; k++) {
        Object[] r = rows.get(k);
        p.x[k] = (double) r[0];
        p.group[k] = (BenchmarkGroup) r[1];
        p.outcomeYear[k] = (int) r[2];
        p.previous[k] = (double) r[3];
        p.current[k] = (double) r[4];
        p.noise[k] = (double) r[5];
        p.bedDays[k] = (long) r[6];
      }
      return p;
    }

    int size() {
      return x.length;
    }

    /**
     * Pooled r of engagement with the outcome value built with {a, b, c}; with {@code published},
     * of the rate the rounded case counts show.
     */
    double pearson(OutcomeSpec spec, double a, double b, double c, boolean published) {
      int n = size();
      double sx = 0;
      double sy = 0;
      double sxx = 0;
      double syy = 0;
      double sxy = 0;
      for (int k = 0; k < n; k++) {
        double o = a * previous[k] + b * current[k] + c * noise[k];
        double y = spec.value(group[k], outcomeYear[k], o);
        if (published && bedDays[k] > 0) {
          y = BedDays.publishedRate(y, bedDays[k]);
        }
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
