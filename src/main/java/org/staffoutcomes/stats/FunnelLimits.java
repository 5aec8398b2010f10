package org.staffoutcomes.stats;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Control limits of a funnel plot: how far an organisation's ratio may lie from the target by
 * chance alone, given its volume. Exact limits from the Poisson or binomial distribution,
 * interpolated between its whole-number quantiles as in Spiegelhalter (2005), "Funnel plots for
 * comparing institutional performance", Statistics in Medicine 24:1185-1202, appendix A.1.1:
 *
 * <pre>
 *   r = the p-quantile of the count  (R: qpois(p, target * volume) or qbinom(p, volume, target))
 *   alpha = (F(r) - p) / (F(r) - F(r - 1))        F the count's distribution function
 *   limit = max(0, (r - alpha) / volume)
 * </pre>
 *
 * so that the limit moves smoothly with the volume instead of in steps. The limit is on the ratio
 * count / volume (multiply by the measure's scale for a rate per 100,000 or a percentage). The
 * lower limit at very small volumes can fall below zero by the formula; it is clamped to 0.
 */
public final class FunnelLimits {

  /** Convergence of the incomplete gamma and beta functions: well below the 1e-9 the tests ask. */
  private static final double EPSILON = 1e-15;
  private static final int MAX_ITERATIONS = 100_000;

  private FunnelLimits() {}

  /** The count model behind the limits. */
  public enum Model {
    /** Events in an exposure (observed deaths against expected ones, infections per bed day). */
    POISSON("poisson"),
    /** Successes out of whole-number trials (attendances seen within 4 hours of all attendances). */
    BINOMIAL("binomial");

    private final String word;

    Model(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    /** The model named {@code word} ({@code poisson} or {@code binomial}). */
    public static Model named(String word) {
      for (Model m : values()) {
        if (m.word.equals(word)) {
          return m;
        }
      }
      throw new IllegalArgumentException("Invalid funnel model '" + word + "': expected poisson or binomial");
    }
  }

  /**
   * The limit at probability {@code p} of the ratio count / volume.
   *
   * @param model Poisson (count ~ Poisson(target x volume)) or binomial (count ~ Binomial(volume,
   *     target); the volume must then be a whole number and the target at most 1)
   * @param target the ratio expected of every organisation (e.g. 1 for a standardised ratio, or the
   *     national rate), positive
   * @param volume the denominator (expected deaths, bed days, trials), positive
   * @param p e.g. 0.025 and 0.975 for 95% limits, 0.001 and 0.999 for 99.8%
   * @throws IllegalArgumentException naming the bad value
   */
  public static double limit(Model model, double target, double volume, double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("Cannot compute a funnel limit at probability " + p + ": it must be in (0, 1)");
    }
    if (!(target > 0 && Double.isFinite(target))) {
      throw new IllegalArgumentException("Cannot compute a funnel limit around target " + target + ": it must be positive");
    }
    if (!(volume > 0 && Double.isFinite(volume))) {
      throw new IllegalArgumentException("Cannot compute a funnel limit at volume " + volume + ": it must be positive");
    }
    Distribution d = switch (model) {
      case POISSON -> new Poisson(target * volume);
      case BINOMIAL -> binomial(volume, target);
    };
    long r = d.quantile(p);
    double fr = d.cdf(r);
    double alpha = (fr - p) / (fr - d.cdf(r - 1));
    return Math.max(0, (r - alpha) / volume);
  }

  private static Distribution binomial(double trials, double share) {
    if (trials != Math.rint(trials) || trials > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Cannot compute binomial funnel limits at volume " + trials
          + ": the volume must be a whole number of trials");
    }
    if (share >= 1) {
      throw new IllegalArgumentException("Cannot compute binomial funnel limits around target " + share
          + ": a proportion's target must be below 1");
    }
    return new Binomial((long) trials, share);
  }

  /** A count's distribution function and its quantile, R's definitions. */
  private interface Distribution {
    /** P(X &lt;= k); 0 for k &lt; 0. */
    double cdf(long k);

    /**
     * Where the search for the p-quantile starts: its Cornish-Fisher approximation, mostly the
     * quantile itself or one count away, so that a few evaluations of the distribution function
     * find it (each is a continued fraction; a start one standard deviation off cost a SHMI-sized
     * or attendance-sized volume dozens to hundreds of them).
     */
    long start(double p);

    /** The smallest k with P(X &lt;= k) &gt;= p, as R's qpois / qbinom. */
    default long quantile(double p) {
      long k = Math.max(0, start(p));
      while (k > 0 && cdf(k - 1) >= p) {
        k--;
      }
      while (cdf(k) < p) {
        k++;
      }
      return k;
    }
  }

  private record Poisson(double mean) implements Distribution {
    @Override
    public double cdf(long k) {
      return k < 0 ? 0 : Gamma.regularizedGammaQ(k + 1.0, mean, EPSILON, MAX_ITERATIONS);
    }

    @Override
    public long start(double p) {
      return cornishFisher(mean, Math.sqrt(mean), 1 / Math.sqrt(mean), p);
    }
  }

  private record Binomial(long trials, double share) implements Distribution {
    @Override
    public double cdf(long k) {
      if (k < 0) {
        return 0;
      }
      if (k >= trials) {
        return 1;
      }
      // P(X <= k) = I_{1-share}(trials - k, k + 1), the regularised incomplete beta function.
      return Beta.regularizedBeta(1 - share, trials - k, k + 1.0, EPSILON, MAX_ITERATIONS);
    }

    @Override
    public long start(double p) {
      double sd = Math.sqrt(trials * share * (1 - share));
      return Math.min(trials, cornishFisher(trials * share, sd, (1 - 2 * share) / sd, p));
    }
  }

  /**
   * The p-quantile of a count with this mean, standard deviation and skewness by the
   * Cornish-Fisher expansion to its skewness term, rounded to a count. Only a starting point: the
   * search walks from it to the exact quantile whichever side it falls.
   */
  private static long cornishFisher(double mean, double sd, double skewness, double p) {
    double z = Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    return Math.round(mean + sd * (z + skewness * (z * z - 1) / 6));
  }
}
