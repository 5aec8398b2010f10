package org.staffoutcomes.analysis;

/**
 * One line of a share-by-quintile table: within one quintile of a staff measure, how many trusts
 * (or trust-years, when pooled) had a binary outcome, e.g. a CQC rating of Good or Outstanding,
 * with the Wilson confidence interval of that share.
 *
 * @param staffMeasure canonical staff measure name (e.g. {@code engagement})
 * @param outcome canonical outcome name (e.g. {@code cqc_rating})
 * @param shareLabel what the share counts, for titles and axes (e.g. {@code Share of trusts rated
 *     Good or Outstanding})
 * @param year the survey year as text, or {@link #POOLED} for all years together
 * @param quintile 1 (lowest fifth of the staff measure) to 5 (highest fifth)
 * @param quintileLow the lowest value of the staff measure in this quintile
 * @param quintileHigh the highest value of the staff measure in this quintile
 * @param n number of trusts (trust-years) in the quintile with both values
 * @param successes how many of them had the outcome
 * @param share {@code successes / n} in [0, 1]; NaN when {@code n = 0}
 * @param ciLow lower bound of the 95% Wilson interval of the share; NaN when {@code n = 0}
 * @param ciHigh upper bound of the 95% Wilson interval of the share; NaN when {@code n = 0}
 */
public record ShareRow(
    String staffMeasure,
    String outcome,
    String shareLabel,
    String year,
    int quintile,
    double quintileLow,
    double quintileHigh,
    long n,
    long successes,
    double share,
    double ciLow,
    double ciHigh) {

  /** The {@code year} of rows computed over all survey years together. */
  public static final String POOLED = "pooled";
}
