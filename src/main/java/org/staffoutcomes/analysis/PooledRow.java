package org.staffoutcomes.analysis;

/**
 * A random-effects pool of the yearly Pearson correlations of one association, a line of {@code
 * data/pooled.csv}. Unlike the {@code pooled} row of the correlations (every trust-year together,
 * as if independent), this pools the yearly coefficients and lets them differ between years.
 *
 * @param method {@code random_effects_dl}: DerSimonian-Laird on Fisher's z
 * @param k number of years pooled
 * @param estimate pooled r (tanh of the pooled z); NaN when nothing was pooled (see note)
 * @param p two-sided p of the pooled z
 * @param pAdjusted Benjamini-Hochberg adjusted p over the run's association tests
 * @param tau2 between-year variance of z
 * @param i2 I^2 in percent
 * @param q Cochran's Q
 */
public record PooledRow(String staffMeasure, String outcome, int lag, String scope, String method, int k,
    double estimate, double ciLow, double ciHigh, double p, double pAdjusted, double tau2, double i2, double q,
    String note) {

  public static final String RANDOM_EFFECTS_DL = "random_effects_dl";

  public PooledRow withPAdjusted(double adjusted) {
    return new PooledRow(staffMeasure, outcome, lag, scope, method, k, estimate, ciLow, ciHigh, p, adjusted, tau2,
        i2, q, note);
  }
}
