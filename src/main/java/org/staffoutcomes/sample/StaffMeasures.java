package org.staffoutcomes.sample;

/**
 * The staff survey measures other than engagement. Each follows the trust's engagement (the
 * noise-free standardized score, so group and national trends carry over) with its own loading,
 * plus its own noise and a few pandemic-era shifts:
 *
 * <pre>
 *   value = mean + shift(group, year) + sd * (loading * z + sqrt(1 - loading^2) * noise)
 *   z     = (engagement score - 6.95) / 0.25
 * </pre>
 */
enum StaffMeasures {
  MORALE("Morale_score", true, 5.95, 0.25, 0.80),
  IMMEDIATE_MANAGER("Immediate_manager_score", true, 6.75, 0.18, 0.60),
  SPEAK_UP_SAFE("Speak_up_safe_rate", false, 71.0, 3.5, 0.60),
  RECOMMEND_WORK("Recommend_work_rate", false, 60.0, 6.0, 0.75),
  ENOUGH_STAFF("Enough_staff_rate", false, 31.0, 5.0, 0.50),
  BURNOUT("Burned_out_rate", false, 33.0, 3.5, -0.60),
  STRESS("Stress_rate", false, 41.0, 3.5, -0.55);

  private final String column;
  private final boolean score;
  private final double mean;
  private final double sd;
  private final double loading;

  StaffMeasures(String column, boolean score, double mean, double sd, double loading) {
    this.column = column;
    this.score = score;
    this.mean = mean;
    this.sd = sd;
    this.loading = loading;
  }

  /** Value column header; the base column is the same stem with {@code _base}. */
  String column() {
    return column;
  }

  String baseColumn() {
    return column.substring(0, column.lastIndexOf('_')) + "_base";
  }

  /** A 0-10 score (else a percentage). */
  boolean isScore() {
    return score;
  }

  /** The value given the standardized engagement {@code z} and a standard normal {@code noise}. */
  double value(BenchmarkGroup group, int year, double z, double noise) {
    double v = mean + shift(group, year)
        + sd * (loading * z + Math.sqrt(1 - loading * loading) * noise);
    return score ? clamp(v, 0, 10) : clamp(v, 0.5, 99.5);
  }

  /** Ambulance and pandemic-era shifts beyond what engagement carries. */
  private double shift(BenchmarkGroup group, int year) {
    boolean ambulance = group == BenchmarkGroup.AMBULANCE;
    return switch (this) {
      case BURNOUT -> (ambulance ? 4.0 : 0.0) + OutcomeOffsets.after2019(year, 1.5, 3.5, 4.0, 2.0, 1.5);
      case STRESS -> (ambulance ? 3.0 : 0.0) + OutcomeOffsets.after2019(year, 2.0, 4.0, 4.0, 2.0, 1.5);
      case ENOUGH_STAFF -> (ambulance ? -5.0 : 0.0) + OutcomeOffsets.after2019(year, 0.0, -4.0, -5.0, -2.0, -1.0);
      default -> 0.0;
    };
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
