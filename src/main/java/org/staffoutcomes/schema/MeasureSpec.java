package org.staffoutcomes.schema;

/**
 * A measure a dataset provides, and how rows in one survey year's window combine into one value.
 * Exactly one of {@code value}, {@code distribution}, {@code meanOf} or the pair
 * {@code numerator}/{@code denominator} is set.
 *
 * <ul>
 *   <li>a row's value is the {@code value} column, or the score of its {@code distribution}, or
 *       the mean of the row values of the measures named in {@code meanOf} (all present);
 *   <li>with {@code base}: the base-weighted mean of the row values (base summed);
 *   <li>without: the plain mean of the row values;
 *   <li>{@code numerator}/{@code denominator}: {@code scale * sum(numerator) / sum(denominator)}
 *       over rows where both are present; counts are summed before the rate is formed.
 * </ul>
 */
public record MeasureSpec(
    String name,
    String label,
    String unit,
    String value,
    String base,
    String numerator,
    String denominator,
    Double scale,
    Boolean higherIsBetter,
    String description,
    Double shareAtLeast,
    String shareLabel,
    DistributionSpec distribution,
    java.util.List<String> meanOf,
    ScaleChange scaleChange) implements java.io.Serializable {

  public MeasureSpec {
    scale = scale == null ? 1.0 : scale;
    description = description == null ? "" : description;
    meanOf = meanOf == null ? java.util.List.of() : java.util.List.copyOf(meanOf);
  }

  /** How many of the ways of defining a value this measure uses (a valid measure: exactly one). */
  int definitions() {
    return (value != null ? 1 : 0) + (numerator != null ? 1 : 0) + (distribution != null ? 1 : 0)
        + (meanOf.isEmpty() ? 0 : 1);
  }

  /**
   * In separate mode, the measure of the years before the scale change: named
   * {@code <name>_before_<year>}, labelled and with the unit of the earlier scale.
   */
  MeasureSpec earlierYears() {
    ScaleChange c = scaleChange;
    String range = ScaleChange.fmt(c.from().get(0)) + "-" + ScaleChange.fmt(c.from().get(1));
    String later = ScaleChange.fmt(c.to().get(0)) + "-" + ScaleChange.fmt(c.to().get(1));
    String newUnit = c.earlierUnit() != null ? c.earlierUnit()
        : unit != null && unit.contains(later) ? unit.replace(later, range)
        : (unit == null ? "" : unit) + " (scale " + range + ")";
    String newLabel = c.earlierLabel() != null ? c.earlierLabel() : (label == null ? name : label) + ", before " + c.year();
    return new MeasureSpec(ScaleChange.earlierName(name, c.year()), newLabel,
        newUnit, c.earlierValue() != null ? c.earlierValue() : value, c.earlierBase() != null ? c.earlierBase() : base,
        numerator, denominator, scale, higherIsBetter,
        (description.isEmpty() ? "" : description + " ") + "Survey years before " + c.year()
            + (c.reason() != null ? " (" + c.reason() + "; " : ", on the scale " + range + " (")
            + "the later years are measure " + name + ").",
        shareAtLeast, shareLabel, distribution, meanOf, c.forEarlierYears());
  }

  public boolean isRatio() {
    return numerator != null;
  }

  /** @param ordinal whether the measure's value column is ordinal */
  public MeasureInfo info(boolean staff, boolean ordinal) {
    return info(staff, ordinal, scaleChange);
  }

  private MeasureInfo info(boolean staff, boolean ordinal, ScaleChange change) {
    return new MeasureInfo(name, label == null ? name : label, unit == null ? "" : unit,
        Boolean.TRUE.equals(higherIsBetter), staff, ordinal, shareAtLeast, shareLabel, change);
  }


}
