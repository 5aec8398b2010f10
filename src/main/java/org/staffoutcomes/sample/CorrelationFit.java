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
      if (PlantedEffects.plants(spec)) {
        continue; // their values and fit are PlantedEffects'
      }
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
    double[] ab = Newton.solve(x -> residuals(spec, lag0, lag1, x[0], x[1], targets), start);
    return ab == null ? null : new double[] {ab[0], ab[1], LatentModel.noiseWeight(ab[0], ab[1])};
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
   * What the panel weighs an organisation's value by when it restates a merged trust (its share of
   * the published denominator), as the writers draw it up to their noise of a few per cent:
   * expected deaths for SHMI, bed days (exact) for infection rates, respondents (which do not
   * follow size) for the inpatient survey, and otherwise the workforce.
   */
  private static double restatingWeight(SampleWorld world, OutcomeSpec spec, Organisation org,
      int year) {
    if (spec.casesPerBedDays()) {
      return BedDays.annual(world, org, year);
    }
    return switch (spec) {
      case SHMI -> 25_000 + 9.0 * org.headcount();
      case PATIENT_EXPERIENCE -> 1;
      default -> org.headcount();
    };
  }

  /**
   * The trust-years paired at one lag, as the panel restates them ({@link Successions}): the
   * engagement score, and per organisation counted in the outcome (one, or a merged trust's
   * predecessors) the latent parts of its outcome, its weight, and its year's bed days for a rate
   * per bed days (0 otherwise). Pair {@code k}'s organisations are {@code first[k]} to
   * {@code first[k + 1] - 1}.
   */
  private record Pairs(double[] x, int[] outcomeYear, int[] first, BenchmarkGroup[] group,
      double[] previous, double[] current, double[] noise, double[] weight, long[] bedDays) {

    static Pairs collect(SampleWorld world, OutcomeSpec spec, int lag) {
      List<double[]> pairs = new ArrayList<>();
      List<Object[]> parts = new ArrayList<>();
      LatentModel m = world.latent();
      for (Organisation unit : world.successions().units()) {
        for (int year = world.options().firstYear(); year <= world.options().lastYear(); year++) {
          int y = year + lag;
          double x = StaffSurveyWriter.restatedEngagement(world, unit, year);
          if (Double.isNaN(x)) {
            continue;
          }
          int before = parts.size();
          for (Organisation org : world.successions().members(unit)) {
            if (world.coverage().outcomeRow(spec, org, y)) {
              long bedDays = spec.casesPerBedDays() ? BedDays.annual(world, org, y) : 0;
              parts.add(new Object[] {org.group(), m.engagement(org, y - 1), m.engagement(org, y),
                m.noise(spec, org, y), restatingWeight(world, spec, org, y), bedDays});
            }
          }
          if (parts.size() > before) {
            pairs.add(new double[] {x, y, before});
          }
        }
      }
      int n = pairs.size();
      int parted = parts.size();
      Pairs p = new Pairs(new double[n], new int[n], new int[n + 1], new BenchmarkGroup[parted],
          new double[parted], new double[parted], new double[parted], new double[parted],
          new long[parted]);
      for (int k = 0; k < n; k++) {
        p.x[k] = pairs.get(k)[0];
        p.outcomeYear[k] = (int) pairs.get(k)[1];
        p.first[k] = (int) pairs.get(k)[2];
      }
      p.first[n] = parted;
      for (int j = 0; j < parted; j++) {
        Object[] r = parts.get(j);
        p.group[j] = (BenchmarkGroup) r[0];
        p.previous[j] = (double) r[1];
        p.current[j] = (double) r[2];
        p.noise[j] = (double) r[3];
        p.weight[j] = (double) r[4];
        p.bedDays[j] = (long) r[5];
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
        double y = y(spec, k, a, b, c, published);
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

    /**
     * Pair {@code k}'s outcome: one organisation's value, or its organisations' weighted mean
     * (published: their summed case counts over their summed bed days).
     */
    private double y(OutcomeSpec spec, int k, double a, double b, double c, boolean published) {
      double weighted = 0;
      double weights = 0;
      long cases = 0;
      long days = 0;
      for (int j = first[k]; j < first[k + 1]; j++) {
        double o = a * previous[j] + b * current[j] + c * noise[j];
        double v = spec.value(group[j], outcomeYear[k], o);
        if (first[k + 1] - first[k] == 1) {
          return published && bedDays[j] > 0 ? BedDays.publishedRate(v, bedDays[j]) : v;
        }
        weighted += weight[j] * v;
        weights += weight[j];
        cases += BedDays.cases(v, bedDays[j]);
        days += bedDays[j];
      }
      return published && days > 0 ? 100_000.0 * cases / days : weighted / weights;
    }
  }
}
