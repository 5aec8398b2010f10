package org.staffoutcomes.schema;

/**
 * What a chart or a report needs to know about a measure: its name, how to label it, which
 * direction is better, and whether it is ordinal.
 *
 * @param name canonical, snake_case, unique in a catalog (e.g. {@code sickness_absence})
 * @param label human label (e.g. {@code Sickness absence rate})
 * @param unit unit for axis labels (e.g. {@code %}, {@code score 0-10}, {@code ratio})
 * @param higherIsBetter true when a higher value is the better one
 * @param staff true for a staff survey measure, false for an outcome or performance metric
 * @param ordinal true when the values are ordered levels (e.g. CQC ratings 1-4), not a scale:
 *     analysed by rank correlation only
 * @param shareAtLeast for an ordinal measure, the level from which a value counts towards its
 *     share (e.g. 3 = Good or better), or null
 * @param shareLabel what that share is called (e.g. "Good or outstanding"), or null
 * @param scaleChange the survey year from which the scale changed (earlier years rescaled), or null
 */
public record MeasureInfo(String name, String label, String unit, boolean higherIsBetter, boolean staff,
    boolean ordinal, Double shareAtLeast, String shareLabel, ScaleChange scaleChange)
    implements java.io.Serializable {

  /** A measure on an interval scale. */
  public MeasureInfo(String name, String label, String unit, boolean higherIsBetter, boolean staff) {
    this(name, label, unit, higherIsBetter, staff, false, null, null, null);
  }

  /** An ordinal or share-reporting measure without a scale change. */
  public MeasureInfo(String name, String label, String unit, boolean higherIsBetter, boolean staff,
      boolean ordinal, Double shareAtLeast, String shareLabel) {
    this(name, label, unit, higherIsBetter, staff, ordinal, shareAtLeast, shareLabel, null);
  }

  public boolean hasShare() {
    return ordinal && shareAtLeast != null;
  }

  /** "Sickness absence rate (%)". */
  /**
   * Label and unit for a chart axis; a long label (which would run past the plot) gives way to
   * the unit alone; the chart's title carries the label.
   */
  public String axisLabel() {
    if (unit == null || unit.isBlank()) {
      return label;
    }
    String full = label + " (" + unit + ")";
    return full.length() <= AXIS_LABEL_MAX ? full : unit;
  }

  /** Longest axis label that fits beside a 600-pixel chart's plot. */
  static final int AXIS_LABEL_MAX = 48;
}
