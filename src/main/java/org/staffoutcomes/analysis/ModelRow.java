package org.staffoutcomes.analysis;

/**
 * One term of one model, a line of {@code data/models.csv}.
 *
 * @param model {@code wls}, {@code wls_prior_outcome}, {@code fixed_effects} or {@code
 *     fixed_effects_prior_outcome}
 * @param staffMeasure the staff measure (the predictor of interest)
 * @param outcome the outcome, in the window {@code lag} years after the survey year
 * @param lag 0 or 1
 * @param scope {@code all} or a trust type
 * @param weights the weight columns' product ("none" for ordinary least squares and fixed effects)
 * @param term the staff measure's name, {@code <outcome>_prev1} or {@code intercept}
 * @param estimate coefficient; NaN when not estimated (see note)
 * @param se standard error (clustered by trust, CR1, for fixed effects)
 * @param t t statistic
 * @param p two-sided p
 * @param pAdjusted Benjamini-Hochberg adjusted p for the staff measure's term; NaN for the other
 *     terms (not association tests of a staff measure)
 * @param ciLow lower bound of the 95% confidence interval
 * @param ciHigh upper bound
 * @param n observations (trust-years)
 * @param nGroups trusts (clusters) for fixed effects; 0 otherwise
 * @param r2 R^2 (weighted for WLS; within R^2 for fixed effects)
 * @param note empty, or why the model was not estimated
 */
public record ModelRow(String model, String staffMeasure, String outcome, int lag, String scope, String weights,
    String term, double estimate, double se, double t, double p, double pAdjusted, double ciLow, double ciHigh,
    long n, int nGroups, double r2, String note) {

  public static final String WLS = "wls";
  public static final String WLS_PRIOR_OUTCOME = "wls_prior_outcome";
  public static final String FIXED_EFFECTS = "fixed_effects";
  public static final String FIXED_EFFECTS_PRIOR_OUTCOME = "fixed_effects_prior_outcome";

  public ModelRow withPAdjusted(double adjusted) {
    return new ModelRow(model, staffMeasure, outcome, lag, scope, weights, term, estimate, se, t, p, adjusted, ciLow,
        ciHigh, n, nGroups, r2, note);
  }

  /** True for the staff measure's own term: the association the model tests. */
  public boolean isStaffTerm() {
    return term.equals(staffMeasure);
  }
}
