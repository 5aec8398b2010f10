package org.staffoutcomes.sample;

/**
 * The continuous outcomes and their planted relationship with staff engagement.
 *
 * <p>Each outcome value of trust {@code i} in year {@code t} (calendar year for the inpatient
 * survey, financial year starting in April {@code t} otherwise) is {@code base + group offset +
 * year offset + scale * O[i,t]}, kept within plausible bounds, with {@code O} the latent outcome of
 * {@link LatentModel}. The targets are the pooled Pearson correlations over all trust-years with
 * both values of the engagement score of year {@code t} with the outcome of year {@code t} (lag 0)
 * and of year {@code t + 1} (lag 1). The group and year offsets are in {@link OutcomeOffsets}.
 * SHMI and sickness absence reach their targets differently: their values follow the regression
 * models of {@link PlantedEffects}.
 *
 * <p>Outcomes published from the same rows (MRSA and C. difficile) share a {@code layout}, so they
 * cover the same trust-years. The CQC ratings are ordinal and drawn separately ({@link
 * CqcHistory}).
 */
enum OutcomeSpec {
  /** Observed / expected deaths; indexed to 1.0 nationally, so no year or group offsets. */
  SHMI("shmi", -0.25, -0.32, 1.0, 0.07, 0.55, 1.7, Scope.ACUTE_GENERAL, "shmi", 0.015),
  /** Sickness absence rate, % of FTE days lost, all staff groups, financial year. */
  SICKNESS_ABSENCE("sickness_absence", -0.45, -0.52, 4.4, 0.55, 1.0, 15.0, Scope.ALL,
      "sickness-absence", 0.01),
  /** Adult inpatient survey overall experience score, 0-10. */
  PATIENT_EXPERIENCE("patient_experience", 0.35, 0.42, 8.0, 0.30, 0.0, 10.0, Scope.ACUTE,
      "inpatient-survey", 0.03),
  /** Inpatient Friends and Family Test, % positive (response-weighted over the months). */
  FFT_POSITIVE("fft_positive", 0.30, 0.36, 95.0, 1.5, 75.0, 99.5, Scope.ACUTE, "fft", 0.01),
  /** Hospital-onset MRSA bacteraemia per 100,000 occupied bed days: rare, weakly related. */
  MRSA_RATE("mrsa_rate", -0.08, -0.10, 1.0, 0.35, 0.05, 6.0, Scope.ACUTE, "hcai", 0.01),
  /** Hospital-onset C. difficile per 100,000 occupied bed days. */
  CDIFF_RATE("cdiff_rate", -0.20, -0.26, 14.0, 4.0, 1.0, 60.0, Scope.ACUTE, "hcai", 0.01),
  /** A&E (type 1) attendances seen within four hours, %. */
  AE_4HR("ae_4hr", 0.25, 0.30, 88.0, 4.5, 35.0, 99.5, Scope.ACUTE_GENERAL, "ae", 0.01),
  /** Incomplete referral-to-treatment pathways within 18 weeks, % (12 monthly snapshots). */
  RTT_18WK("rtt_18wk", 0.20, 0.25, 86.0, 6.0, 30.0, 99.5, Scope.ACUTE, "rtt", 0.01),
  /** Surplus (deficit) as % of operating income, financial year. */
  SURPLUS_PCT("surplus_pct", 0.15, 0.22, 0.0, 2.5, -20.0, 15.0, Scope.ALL, "finance", 0.02);

  /** Which benchmarking groups report an outcome. */
  enum Scope {
    ALL,
    /** Acute and acute specialist trusts. */
    ACUTE,
    /** Acute non-specialist trusts (SHMI; type 1 A&E departments). */
    ACUTE_GENERAL
  }

  /** Inpatient FFT began in April 2013. */
  static final int FFT_FIRST_YEAR = 2013;

  private final String measure;
  private final double lag0;
  private final double lag1;
  private final double base;
  private final double scale;
  private final double min;
  private final double max;
  private final Scope scope;
  private final String layout;
  private final double missing;

  OutcomeSpec(String measure, double lag0, double lag1, double base, double scale, double min,
      double max, Scope scope, String layout, double missing) {
    this.measure = measure;
    this.lag0 = lag0;
    this.lag1 = lag1;
    this.base = base;
    this.scale = scale;
    this.min = min;
    this.max = max;
    this.scope = scope;
    this.layout = layout;
    this.missing = missing;
  }

  /** The outcome's measure name in the dataset descriptors. */
  String measure() {
    return measure;
  }

  /** Target pooled correlation with engagement at lag 0 or 1. */
  double target(int lag) {
    return lag == 0 ? lag0 : lag1;
  }

  /** Standard deviation of the outcome within a year and group. */
  double scale() {
    return scale;
  }

  /** The landing folder the outcome is published in; outcomes of one layout share coverage. */
  String layout() {
    return layout;
  }

  /** Share of the organisation-years in scope missing from the dataset. */
  double missingShare() {
    return missing;
  }

  /** Whether organisations of the group report this outcome. */
  boolean covers(BenchmarkGroup group) {
    return switch (scope) {
      case ALL -> true;
      case ACUTE -> group.isAcute();
      case ACUTE_GENERAL -> group == BenchmarkGroup.ACUTE;
    };
  }

  /** Whether the outcome is published for the (financial or calendar) year at all. */
  boolean publishedIn(int year) {
    return this != FFT_POSITIVE || year >= FFT_FIRST_YEAR;
  }

  /** A rate per 100,000 bed days, published as whole case counts ({@link BedDays}). */
  boolean casesPerBedDays() {
    return this == MRSA_RATE || this == CDIFF_RATE;
  }

  /** The noise-free part of the outcome of a trust-year. */
  double offsets(BenchmarkGroup group, int year) {
    return OutcomeOffsets.group(this, group) + OutcomeOffsets.year(this, year);
  }

  /** The outcome value for latent value {@code o}, kept within plausible bounds. */
  double value(BenchmarkGroup group, int year, double o) {
    return Math.max(min, Math.min(max, level(group, year, o)));
  }

  /** {@code base + group offset + year offset + scale * o}, not bounded. */
  double level(BenchmarkGroup group, int year, double o) {
    return base + offsets(group, year) + scale * o;
  }
}
