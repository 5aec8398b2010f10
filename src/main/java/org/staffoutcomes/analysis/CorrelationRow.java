package org.staffoutcomes.analysis;

/**
 * One line of {@code data/correlations.csv}: the association between a staff measure and an
 * outcome for one lag, scope and year, by one method.
 *
 * @param staffMeasure canonical staff measure name (e.g. {@code engagement})
 * @param outcome canonical outcome name (e.g. {@code shmi})
 * @param lag 0 = outcome in the survey year's window, 1 = the window one year later
 * @param scope {@code all} or a trust type
 * @param year the survey year as text, or {@code pooled} for all years together
 * @param method {@code pearson}, {@code spearman}, {@code pearson_weighted} (weights in the note) or
 *     {@code partial} (Pearson of the residuals after the covariates in the note)
 * @param r the coefficient; NaN when not computed (see {@code note})
 * @param ciLow lower bound of the 95% confidence interval (NaN for spearman)
 * @param ciHigh upper bound of the 95% confidence interval (NaN for spearman)
 * @param p two-sided p-value
 * @param n number of trust(-year) pairs with both values
 * @param note empty, or why no coefficient was computed, or the weights or covariates used
 * @param pAdjusted Benjamini-Hochberg adjusted p over every association test of the run (NaN
 *     when p is)
 */
public record CorrelationRow(
    String staffMeasure,
    String outcome,
    int lag,
    String scope,
    String year,
    String method,
    double r,
    double ciLow,
    double ciHigh,
    double p,
    long n,
    String note,
    double pAdjusted) {

  /** A row whose p is not yet adjusted for multiple testing. */
  public CorrelationRow(String staffMeasure, String outcome, int lag, String scope, String year, String method,
      double r, double ciLow, double ciHigh, double p, long n, String note) {
    this(staffMeasure, outcome, lag, scope, year, method, r, ciLow, ciHigh, p, n, note, Double.NaN);
  }

  /** This row with its adjusted p. */
  public CorrelationRow withPAdjusted(double adjusted) {
    return new CorrelationRow(staffMeasure, outcome, lag, scope, year, method, r, ciLow, ciHigh, p, n, note,
        adjusted);
  }

  public static final String POOLED = "pooled";
  public static final String ALL_SCOPES = "all";
  public static final String PEARSON = "pearson";
  public static final String SPEARMAN = "spearman";
  public static final String PEARSON_WEIGHTED = "pearson_weighted";
  public static final String PARTIAL = "partial";
}
