package org.staffoutcomes.schema;

/**
 * A measure a dataset provides, and how rows in one survey year's window combine into one value.
 * Exactly one of {@code value} or the pair {@code numerator}/{@code denominator} is set.
 *
 * <ul>
 *   <li>{@code value} with {@code base}: the base-weighted mean of the values (base summed);
 *   <li>{@code value} alone: the plain mean of the values;
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
    String shareLabel) implements java.io.Serializable {

  public MeasureSpec {
    scale = scale == null ? 1.0 : scale;
    description = description == null ? "" : description;
  }

  public boolean isRatio() {
    return numerator != null;
  }

  /** @param ordinal whether the measure's value column is ordinal */
  public MeasureInfo info(boolean staff, boolean ordinal) {
    return new MeasureInfo(name, label == null ? name : label, unit == null ? "" : unit,
        Boolean.TRUE.equals(higherIsBetter), staff, ordinal, shareAtLeast, shareLabel);
  }
}
