package org.staffoutcomes.analysis;

import java.util.Objects;
import java.util.Set;

/**
 * One line of a forest plot (the forest chart) and of its CSV.
 *
 * @param label what the row is called on the chart: the survey year for a year, {@link
 *     #TRUST_YEAR_LABEL} or {@link #RANDOM_EFFECTS_LABEL} for the pooled rows
 * @param kind {@link #YEAR}, {@link #POOLED_TRUST_YEAR} or {@link #RANDOM_EFFECTS}
 * @param estimate the correlation; NaN when not computed (see {@code note})
 * @param ciLow lower bound of the 95% confidence interval, or NaN
 * @param ciHigh upper bound of the 95% confidence interval, or NaN
 * @param n pairs behind the estimate (trusts in a year, trust-years when pooled)
 * @param weight relative weight of a year in the random-effects pool (any scale, e.g. percent),
 *     or NaN; squares are sized by it when every drawn year has one, else by {@code n}
 * @param note empty, why no estimate was computed, or (random effects) e.g. "tau^2 = 0.0012, I^2 =
 *     34%, k = 7"; null is taken as empty
 */
public record ForestRow(String label, String kind, double estimate, double ciLow, double ciHigh,
    long n, double weight, String note) {

  /** One survey year's Pearson r with its 95% CI. */
  public static final String YEAR = "year";
  /** Every trust-year together as if independent: the {@code pooled} correlation row. */
  public static final String POOLED_TRUST_YEAR = "pooled_trust_year";
  /** DerSimonian-Laird random-effects pool of the yearly correlations. */
  public static final String RANDOM_EFFECTS = "random_effects";

  public static final String TRUST_YEAR_LABEL = "All trust-years pooled";
  public static final String RANDOM_EFFECTS_LABEL = "Random effects (DerSimonian-Laird)";

  public static final Set<String> KINDS = Set.of(YEAR, POOLED_TRUST_YEAR, RANDOM_EFFECTS);

  public ForestRow {
    Objects.requireNonNull(label, "label");
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("forest row kind must be one of " + YEAR + ", "
          + POOLED_TRUST_YEAR + ", " + RANDOM_EFFECTS + "; got " + kind);
    }
    note = note == null ? "" : note;
  }

  /**
   * A year's row, or for the {@code pooled} year the trust-year pooled row, from a correlation
   * (its r, CI, n and note); no weight.
   */
  public static ForestRow of(CorrelationRow c) {
    boolean pooled = CorrelationRow.POOLED.equals(c.year());
    return new ForestRow(pooled ? TRUST_YEAR_LABEL : c.year(),
        pooled ? POOLED_TRUST_YEAR : YEAR, c.r(), c.ciLow(), c.ciHigh(), c.n(), Double.NaN,
        c.note());
  }

  /** The random-effects row, labelled {@link #RANDOM_EFFECTS_LABEL}; no weight. */
  public static ForestRow randomEffects(double estimate, double ciLow, double ciHigh, long n,
      String note) {
    return new ForestRow(RANDOM_EFFECTS_LABEL, RANDOM_EFFECTS, estimate, ciLow, ciHigh, n,
        Double.NaN, note);
  }

  /** This row with its weight in the random-effects pool. */
  public ForestRow withWeight(double poolWeight) {
    return new ForestRow(label, kind, estimate, ciLow, ciHigh, n, poolWeight, note);
  }

  public boolean isYear() {
    return YEAR.equals(kind);
  }

  public boolean hasEstimate() {
    return Double.isFinite(estimate);
  }

  public boolean hasInterval() {
    return Double.isFinite(ciLow) && Double.isFinite(ciHigh);
  }
}
