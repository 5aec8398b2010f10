package org.staffoutcomes.sample;

/**
 * The three outcomes and their planted relationship with staff engagement.
 *
 * <p>Each outcome value of trust {@code i} in year {@code t} (calendar year for the inpatient
 * survey, financial year starting in April {@code t} otherwise) is {@code base + group offset +
 * year offset + scale * O[i,t]}, with {@code O} the latent outcome of {@link LatentModel}. The
 * targets are the pooled Pearson correlations over all trust-years with both values of the
 * engagement score of year {@code t} with the outcome of year {@code t} (lag 0) and of year
 * {@code t + 1} (lag 1).
 */
enum OutcomeSpec {
  /** Observed / expected deaths; indexed to 1.0 nationally, so no year or group offsets. */
  SHMI("shmi", -0.25, -0.32, 1.0, 0.07),
  /** Sickness absence rate, % of FTE days lost, all staff groups, financial year. */
  SICKNESS_ABSENCE("sickness_absence", -0.45, -0.52, 4.4, 0.55),
  /** Adult inpatient survey overall experience score, 0-10. */
  PATIENT_EXPERIENCE("patient_experience", 0.35, 0.42, 8.0, 0.30);

  private final String measure;
  private final double lag0;
  private final double lag1;
  private final double base;
  private final double scale;

  OutcomeSpec(String measure, double lag0, double lag1, double base, double scale) {
    this.measure = measure;
    this.lag0 = lag0;
    this.lag1 = lag1;
    this.base = base;
    this.scale = scale;
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

  /** Whether organisations of the group report this outcome. */
  boolean covers(BenchmarkGroup group) {
    return switch (this) {
      case SHMI -> group == BenchmarkGroup.ACUTE;
      case SICKNESS_ABSENCE -> true;
      case PATIENT_EXPERIENCE -> group.isAcute();
    };
  }

  double groupOffset(BenchmarkGroup group) {
    return switch (this) {
      case SHMI -> 0.0;
      case SICKNESS_ABSENCE -> switch (group) {
        case ACUTE -> 0.0;
        case ACUTE_SPECIALIST -> -0.8;
        case MENTAL_HEALTH -> 0.5;
        case COMMUNITY -> 0.4;
        case AMBULANCE -> 1.4;
      };
      case PATIENT_EXPERIENCE -> group == BenchmarkGroup.ACUTE_SPECIALIST ? 0.35 : 0.0;
    };
  }

  double yearOffset(int year) {
    return switch (this) {
      case SHMI -> 0.0;
      case SICKNESS_ABSENCE -> 0.03 * (Math.max(2008, Math.min(2019, year)) - 2016)
          + switch (year) {
            case 2019 -> 0.05; // March 2020
            case 2020 -> 0.30;
            case 2021 -> 1.00;
            case 2022 -> 0.70;
            case 2023 -> 0.35;
            default -> year > 2023 ? 0.30 : 0.0;
          };
      case PATIENT_EXPERIENCE -> switch (year) {
        case 2020 -> 0.12;
        case 2021 -> -0.02;
        case 2022 -> -0.08;
        case 2023 -> -0.05;
        default -> year > 2023 ? -0.03 : 0.01 * (Math.max(2008, Math.min(2019, year)) - 2016);
      };
    };
  }

  /** The noise-free part of the outcome of a trust-year. */
  double offsets(BenchmarkGroup group, int year) {
    return groupOffset(group) + yearOffset(year);
  }

  /** The outcome value for latent value {@code o}, kept within plausible bounds. */
  double value(BenchmarkGroup group, int year, double o) {
    double v = base + offsets(group, year) + scale * o;
    return switch (this) {
      case SHMI -> Math.max(0.55, Math.min(1.7, v));
      case SICKNESS_ABSENCE -> Math.max(1.0, Math.min(15.0, v));
      case PATIENT_EXPERIENCE -> Math.max(0.0, Math.min(10.0, v));
    };
  }
}
