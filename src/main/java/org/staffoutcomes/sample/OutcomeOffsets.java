package org.staffoutcomes.sample;

/**
 * The realistic, noise-free part of each outcome: differences between benchmarking groups and the
 * national path over the years (the pandemic's mark on sickness, waiting times and A&E, the
 * deficits of the mid-2010s, the rise of C. difficile after 2018). {@link Calibration} allows for
 * the variance and covariance with engagement these add to the pooled correlations.
 */
final class OutcomeOffsets {

  private OutcomeOffsets() {}

  static double group(OutcomeSpec spec, BenchmarkGroup group) {
    return switch (spec) {
      case SHMI, MRSA_RATE, AE_4HR -> 0.0;
      case SICKNESS_ABSENCE -> switch (group) {
        case ACUTE -> 0.0;
        case ACUTE_SPECIALIST -> -0.8;
        case MENTAL_HEALTH -> 0.5;
        case COMMUNITY -> 0.4;
        case AMBULANCE -> 1.4;
      };
      case PATIENT_EXPERIENCE -> group == BenchmarkGroup.ACUTE_SPECIALIST ? 0.35 : 0.0;
      case FFT_POSITIVE -> group == BenchmarkGroup.ACUTE_SPECIALIST ? 1.5 : 0.0;
      case CDIFF_RATE -> group == BenchmarkGroup.ACUTE_SPECIALIST ? -2.0 : 0.0;
      case RTT_18WK -> group == BenchmarkGroup.ACUTE_SPECIALIST ? 2.0 : 0.0;
      case SURPLUS_PCT -> switch (group) {
        case ACUTE -> -0.6;
        case ACUTE_SPECIALIST -> 0.3;
        case MENTAL_HEALTH -> 0.6;
        case COMMUNITY -> 0.5;
        case AMBULANCE -> 0.2;
      };
    };
  }

  static double year(OutcomeSpec spec, int year) {
    return switch (spec) {
      case SHMI -> 0.0;
      case SICKNESS_ABSENCE -> 0.03 * (clamp(year) - 2016) + after2018(year,
          0.05, 0.30, 1.00, 0.70, 0.35, 0.30); // 2019 includes March 2020
      case PATIENT_EXPERIENCE -> year >= 2020
          ? after2019(year, 0.12, -0.02, -0.08, -0.05, -0.03)
          : 0.01 * (clamp(year) - 2016);
      case FFT_POSITIVE -> year <= 2014 ? (year - 2015) * 0.5
          : after2019(year, 0.5, -0.5, -0.8, -0.6, -0.5);
      case MRSA_RATE -> year <= 2015 ? 0.1 * (2016 - year)
          : after2019(year, 0.15, 0.10, 0.05, 0.05, 0.05);
      case CDIFF_RATE -> year <= 2016 ? Math.min(3.0, 0.75 * (2016 - year))
          : after2016(year, 0.0, 0.5, 1.0, 1.5, 2.5, 3.5, 4.0, 4.0);
      case AE_4HR -> year <= 2015 ? Math.min(5.0, 1.5 * (2016 - year) - 0.5)
          : after2016(year, -1.0, -2.0, -3.0, -5.0, -3.0, -14.0, -18.0, -17.0, -15.0);
      case RTT_18WK -> year <= 2015 ? 3.0
          : after2016(year, 2.0, 0.0, -1.0, -3.0, -18.0, -14.0, -18.0, -20.0, -19.0);
      case SURPLUS_PCT -> year <= 2015 ? Math.min(1.5, -2.5 + (2015 - year) * 1.3)
          : after2016(year, -0.8, -1.0, -0.7, 0.2, 0.8, 0.4, -0.6, -1.2, -1.0);
    };
  }

  private static int clamp(int year) {
    return Math.max(2008, Math.min(2019, year));
  }

  /** {@code y20 .. y23} for 2020..2023, {@code later} after; 0 before 2020 (also the staff measures' pandemic shift). */
  static double after2019(int year, double y20, double y21, double y22, double y23,
      double later) {
    return switch (year) {
      case 2020 -> y20;
      case 2021 -> y21;
      case 2022 -> y22;
      case 2023 -> y23;
      default -> year > 2023 ? later : 0.0;
    };
  }

  /** {@code y19 .. y23} and later; 0 before 2019. */
  private static double after2018(int year, double y19, double y20, double y21, double y22,
      double y23, double later) {
    return year == 2019 ? y19 : after2019(year, y20, y21, y22, y23, later);
  }

  /**
   * From 2016 on: {@code values[0]} for 2016, {@code values[1]} for 2017, ...; the last value for
   * every later year.
   */
  private static double after2016(int year, double... values) {
    return values[Math.min(values.length - 1, year - 2016)];
  }
}
