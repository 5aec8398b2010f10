package org.staffoutcomes.schema;

import java.util.List;

/**
 * A measure whose scale changed in survey year {@code year} (the Staff Survey moved engagement
 * from 1-5 to 0-10 in 2018). With {@code mode: rescale} (the default) values of earlier survey
 * years are rescaled linearly from {@code from} onto {@code to} ([1, 5] onto [0, 10]:
 * (x - 1) x 2.5) and flagged in the panel. With {@code mode: separate} nothing is rescaled: the
 * measure keeps the years from {@code year} on, and the loader adds a measure
 * {@code <name>_before_<year>} holding the earlier years on their own scale. Either way the
 * trend charts mark the break.
 *
 * <p>A series may also change what it measures (the Freedom to Speak Up index, a percentage, was
 * defined for 2015-2020; from 2021 the raising-concerns sub-score, 0-10, takes its place): in
 * separate mode {@code earlier_value} and {@code earlier_base} name the columns the earlier years
 * are read from, {@code earlier_unit} their unit, and {@code reason} says what changed.
 *
 * @param earlier set by the loader on the measure of the earlier years (separate mode)
 * @param earlierValue separate mode: the value column of the earlier years (default: the measure's)
 * @param earlierBase separate mode: the base column of the earlier years (default: the measure's)
 * @param earlierUnit separate mode: the unit of the earlier years (default: the unit on the earlier
 *     scale)
 * @param earlierLabel separate mode: the label of the earlier years' measure (default: the
 *     measure's label, "before" the year)
 * @param reason what changed, for the break's marker (default: the scale)
 */
public record ScaleChange(Integer year, List<Double> from, List<Double> to, Mode mode, Boolean earlier,
    String earlierValue, String earlierBase, String earlierUnit, String earlierLabel, String reason)
    implements java.io.Serializable {

  /** What happens to the years before the change. */
  public enum Mode {
    /** Put on the new scale, flagged. */
    RESCALE,
    /** Kept on their own scale, as a separate measure. */
    SEPARATE
  }

  public ScaleChange {
    from = from == null ? List.of() : List.copyOf(from);
    to = to == null ? List.of() : List.copyOf(to);
    mode = mode == null ? Mode.RESCALE : mode;
    earlier = Boolean.TRUE.equals(earlier);
  }

  public boolean separate() {
    return mode == Mode.SEPARATE;
  }

  /** A change of scale only (the columns stay the same). */
  static ScaleChange ofScale(int year, List<Double> from, List<Double> to, Mode mode) {
    return new ScaleChange(year, from, to, mode, false, null, null, null, null, null);
  }

  /** The same change, on the measure of the earlier years. */
  ScaleChange forEarlierYears() {
    return new ScaleChange(year, from, to, mode, true, earlierValue, earlierBase, earlierUnit, earlierLabel, reason);
  }

  /** Whether the earlier years read other columns than the later ones. */
  public boolean changesColumns() {
    return earlierValue != null || earlierBase != null;
  }

  /** The name of the measure holding the earlier years in separate mode. */
  public static String earlierName(String measure, int year) {
    return measure + "_before_" + year;
  }

  /** Whether survey year {@code y} belongs to this measure's part of the series. */
  public boolean covers(int y) {
    return !separate() || (earlier ? y < year : y >= year);
  }

  /** The factor of the linear map. */
  public double slope() {
    return (to.get(1) - to.get(0)) / (from.get(1) - from.get(0));
  }

  /** x -> to[0] + (x - from[0]) * slope. */
  public double apply(double x) {
    return to.get(0) + (x - from.get(0)) * slope();
  }

  public String describe() {
    if (reason != null && !reason.isBlank()) {
      return year + ": " + reason + (separate() ? (earlier ? "; later years separate" : "; earlier years are a separate series") : "");
    }
    if (separate()) {
      return earlier ? year + ": new scale " + fmt(to.get(0)) + "-" + fmt(to.get(1)) + "; later years separate"
          : year + ": scale changed from " + fmt(from.get(0)) + "-" + fmt(from.get(1)) + " to " + fmt(to.get(0)) + "-"
              + fmt(to.get(1)) + "; earlier years are a separate series";
    }
    return year + ": scale changed; earlier years rescaled from " + fmt(from.get(0)) + "-" + fmt(from.get(1))
        + " to " + fmt(to.get(0)) + "-" + fmt(to.get(1));
  }

  static String fmt(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
