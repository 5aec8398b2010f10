package org.staffoutcomes.schema;

/**
 * What a chart or a report needs to know about a measure: its name, how to label it, and which
 * direction is better.
 *
 * @param name canonical, snake_case, unique in a catalog (e.g. {@code sickness_absence})
 * @param label human label (e.g. {@code Sickness absence rate})
 * @param unit unit for axis labels (e.g. {@code %}, {@code score 0-10}, {@code ratio})
 * @param higherIsBetter true when a higher value is the better one
 * @param staff true for a staff survey measure, false for an outcome or performance metric
 */
public record MeasureInfo(String name, String label, String unit, boolean higherIsBetter, boolean staff) implements java.io.Serializable {

  /** "Sickness absence rate (%)". */
  public String axisLabel() {
    return unit == null || unit.isBlank() ? label : label + " (" + unit + ")";
  }
}
