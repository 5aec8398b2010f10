package org.staffoutcomes.sample;

/**
 * Maps the latent engagement (standard normal within a year and group) to the published 0-10
 * engagement score: {@code 6.95 + group offset + national year offset + 0.22 * E}.
 *
 * <p>The offsets are the realistic part (ambulance services score lowest, specialist trusts
 * highest; a national rise to 2019, then a dip through 2021-2022). They add between-group and
 * between-year variance to the pooled correlation, which {@link Calibration} accounts for.
 */
final class EngagementScale {

  /** National mean before offsets. */
  static final double MEAN = 6.95;
  /** Standard deviation within a year and group. */
  static final double SD_WITHIN = 0.22;

  private EngagementScale() {}

  static double groupOffset(BenchmarkGroup group) {
    return switch (group) {
      case ACUTE -> 0.0;
      case ACUTE_SPECIALIST -> 0.22;
      case MENTAL_HEALTH -> 0.04;
      case COMMUNITY -> 0.12;
      case AMBULANCE -> -0.45;
    };
  }

  /** Rises 0.02 a year to 2019, then the pandemic dip and a partial recovery. */
  static double yearOffset(int year) {
    double trend = 0.02 * (Math.max(2008, Math.min(2019, year)) - 2016);
    double dip = switch (year) {
      case 2020 -> -0.03;
      case 2021 -> -0.13;
      case 2022 -> -0.16;
      case 2023 -> -0.10;
      default -> year > 2023 ? -0.08 : 0.0;
    };
    return trend + dip;
  }

  /** The noise-free part of the engagement score of a trust-year. */
  static double offsets(BenchmarkGroup group, int year) {
    return groupOffset(group) + yearOffset(year);
  }

  /** Engagement score for latent value {@code e} (within 0-10). */
  static double score(BenchmarkGroup group, int year, double e) {
    return Math.max(0, Math.min(10, MEAN + offsets(group, year) + SD_WITHIN * e));
  }
}
