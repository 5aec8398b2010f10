package org.staffoutcomes.sample;

import java.util.List;

/**
 * The latent standardized variables behind the sample: engagement {@code E} and one outcome
 * {@code O} per {@link OutcomeSpec}.
 *
 * <h2>Engagement</h2>
 *
 * <pre>
 *   E[i,t] = sqrt(phi) * u[i] + sqrt(1 - phi) * v[i,t]        u, v iid N(0,1), phi = 0.5
 * </pre>
 *
 * <p>so each trust has a persistent culture ({@code u}) plus year-to-year change ({@code v}); the
 * correlation of a trust's engagement between any two years is {@code phi}. {@code E} is drawn for
 * {@code firstYear - 1 .. lastYear + 1}.
 *
 * <h2>Mergers</h2>
 *
 * <p>A successor {@code S} of predecessors {@code P} (weights {@code w} by headcount) continues
 * their culture: {@code u[S] = sum(w * u[P]) + sqrt(1 - sum(w^2)) * u'} ({@code u'} its own draw,
 * so {@code u[S]} keeps unit variance), and before the merger {@code E[S,t] = sum(w * E[P,t])},
 * what its restated series shows; so its first outcome year follows its predecessors' engagement
 * of the year before, and its series runs on from theirs.
 *
 * <h2>Outcomes</h2>
 *
 * <pre>
 *   O[i,t] = a * E[i,t-1] + b * E[i,t] + c * eps[i,t]        eps iid N(0,1)
 * </pre>
 *
 * <p>Outcome {@code t} depends on this year's and last year's engagement. With {@code rho0} the
 * wanted {@code corr(E[t], O[t])} and {@code rho1} the wanted {@code corr(E[t], O[t+1])}:
 *
 * <pre>
 *   b + a*phi = rho0,   a + b*phi = rho1
 *   a = (rho1 - phi*rho0) / (1 - phi^2),   b = (rho0 - phi*rho1) / (1 - phi^2)
 *   c^2 = 1 - a^2 - b^2 - 2*a*b*phi                    (so var(O) = 1)
 * </pre>
 *
 * <p>{@code rho0} and {@code rho1} come from {@link Calibration}, which allows for the group and
 * year offsets the published values add on top. These are expectations; {@link CorrelationFit}
 * then fine-tunes {@code a} and {@code b} (and with them {@code c}) on the drawn {@code E} and
 * {@code eps}, so that the drawn sample itself shows the target correlations, not just the
 * model it was drawn from.
 *
 * <p>SHMI and sickness absence are drawn here too, but their published values come from {@link
 * PlantedEffects} instead: a prior-outcome effect and a within-trust effect that regression models
 * should recover, on the same engagement.
 */
final class LatentModel {

  /** Correlation of a trust's latent engagement between two different years. */
  static final double PHI = 0.5;

  private final int baseYear;
  /** [org][year - baseYear], years firstYear - 1 .. lastYear + 1. */
  private final double[][] engagement;
  /** [outcome][org][year - baseYear]; index 0 unused. */
  private final double[][][] noise;
  /** [outcome] = {a, b, c}. */
  private final double[][] coefficients;
  /** [outcome]: whether {@link CorrelationFit} fitted the coefficients to the drawn values. */
  private final boolean[] fitted;
  /** [org]: the persistent culture {@code u} (a successor's continuing its predecessors'). */
  private final double[] culture;

  private LatentModel(int baseYear, double[] culture, double[][] engagement, double[][][] noise,
      double[][] coefficients, boolean[] fitted) {
    this.baseYear = baseYear;
    this.culture = culture;
    this.engagement = engagement;
    this.noise = noise;
    this.coefficients = coefficients;
    this.fitted = fitted;
  }

  /**
   * Draws the model.
   *
   * @param rho within-year latent correlations, {@code rho[outcome][lag]}
   */
  static LatentModel simulate(List<Organisation> orgs, Successions successions,
      SampleOptions options, double[][] rho, Rng rng) {
    int organisations = orgs.size();
    int baseYear = options.firstYear() - 1;
    int years = options.surveyYears() + 2;
    double[] u = new double[organisations];
    double[][] v = new double[organisations][years];
    for (int i = 0; i < organisations; i++) {
      u[i] = rng.gaussian();
      for (int k = 0; k < years; k++) {
        v[i][k] = rng.gaussian();
      }
    }
    double[][] e = new double[organisations][years];
    double persistent = Math.sqrt(PHI);
    double changing = Math.sqrt(1 - PHI);
    // Mergers by year: a chain's first successor is complete before it merges again.
    for (Successions.Merger m : successions.mergers()) {
      u[m.successor().index()] = culture(m, u);
    }
    for (int i = 0; i < organisations; i++) {
      for (int k = 0; k < years; k++) {
        e[i][k] = persistent * u[i] + changing * v[i][k];
      }
    }
    for (Successions.Merger m : successions.mergers()) {
      double[] w = weights(m.predecessors());
      double[] successor = e[m.successor().index()];
      for (int k = 0; k < Math.min(m.year() - baseYear, years); k++) {
        successor[k] = 0;
        for (int p = 0; p < w.length; p++) {
          successor[k] += w[p] * e[m.predecessors().get(p).index()][k];
        }
      }
    }
    OutcomeSpec[] specs = OutcomeSpec.values();
    double[][][] eps = new double[specs.length][organisations][years];
    double[][] abc = new double[specs.length][];
    for (OutcomeSpec spec : specs) {
      abc[spec.ordinal()] = coefficients(rho[spec.ordinal()][0], rho[spec.ordinal()][1], PHI);
      for (int i = 0; i < organisations; i++) {
        eps[spec.ordinal()][i][0] = Double.NaN;
        for (int k = 1; k < years; k++) {
          eps[spec.ordinal()][i][k] = rng.gaussian();
        }
      }
    }
    return new LatentModel(baseYear, u, e, eps, abc, new boolean[specs.length]);
  }

  /** The successor's persistent part: its predecessors' (weighted), topped up to unit variance. */
  private static double culture(Successions.Merger m, double[] u) {
    double[] w = weights(m.predecessors());
    double inherited = 0;
    double share = 0;
    for (int p = 0; p < w.length; p++) {
      inherited += w[p] * u[m.predecessors().get(p).index()];
      share += w[p] * w[p];
    }
    return inherited + Math.sqrt(1 - share) * u[m.successor().index()];
  }

  /** Each predecessor's share of the merged headcount. */
  private static double[] weights(List<Organisation> predecessors) {
    double total = predecessors.stream().mapToDouble(Organisation::headcount).sum();
    return predecessors.stream().mapToDouble(o -> o.headcount() / total).toArray();
  }

  /**
   * {a, b, c} for the wanted lag-0 and lag-1 correlations. Should they be jointly impossible
   * ({@code c^2 < 0.05}), both are shrunk towards zero by the same factor until they are not.
   */
  static double[] coefficients(double rho0, double rho1, double phi) {
    for (double shrink = 1.0; shrink > 0; shrink -= 0.01) {
      double r0 = rho0 * shrink;
      double r1 = rho1 * shrink;
      double a = (r1 - phi * r0) / (1 - phi * phi);
      double b = (r0 - phi * r1) / (1 - phi * phi);
      double c = noiseWeight(a, b);
      if (!Double.isNaN(c)) {
        return new double[] {a, b, c};
      }
    }
    return new double[] {0, 0, 1};
  }

  /** {@code c} giving O unit variance, or NaN when {@code c^2 < 0.05}. */
  static double noiseWeight(double a, double b) {
    double c2 = 1 - a * a - b * b - 2 * a * b * PHI;
    return c2 >= 0.05 ? Math.sqrt(c2) : Double.NaN;
  }

  /** The same draws with {a, b, c} for the outcome fitted to the drawn values. */
  LatentModel withCoefficients(OutcomeSpec spec, double[] abc) {
    double[][] copy = coefficients.clone();
    copy[spec.ordinal()] = abc.clone();
    boolean[] marked = fitted.clone();
    marked[spec.ordinal()] = true;
    return new LatentModel(baseYear, culture, engagement, noise, copy, marked);
  }

  /**
   * Whether the outcome's coefficients were fitted so the sample shows its targets (not when it
   * has too few trust-years, e.g. FFT for survey years before 2013, or the fit failed).
   */
  boolean fitted(OutcomeSpec spec) {
    return fitted[spec.ordinal()];
  }

  /** The organisation's persistent culture {@code u} (standard normal). */
  double culture(Organisation org) {
    return culture[org.index()];
  }

  /** Latent engagement of the organisation in the year ({@code firstYear-1..lastYear+1}). */
  double engagement(Organisation org, int year) {
    return engagement[org.index()][year - baseYear];
  }

  /** The outcome's own noise {@code eps} in the year ({@code firstYear..lastYear+1}). */
  double noise(OutcomeSpec spec, Organisation org, int year) {
    return noise[spec.ordinal()][org.index()][year - baseYear];
  }

  /** Latent outcome of the organisation in the year ({@code firstYear..lastYear+1}). */
  double outcome(OutcomeSpec spec, Organisation org, int year) {
    double[] abc = coefficients[spec.ordinal()];
    return abc[0] * engagement(org, year - 1) + abc[1] * engagement(org, year)
        + abc[2] * noise(spec, org, year);
  }

  /** {a, b, c} used for the outcome. */
  double[] coefficients(OutcomeSpec spec) {
    return coefficients[spec.ordinal()].clone();
  }
}
