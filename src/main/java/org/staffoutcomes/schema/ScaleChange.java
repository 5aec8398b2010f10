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
 * @param earlier set by the loader on the measure of the earlier years (separate mode)
 */
public record ScaleChange(Integer year, List<Double> from, List<Double> to, Mode mode, Boolean earlier)
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

  /** The same change, on the measure of the earlier years. */
  ScaleChange forEarlierYears() {
    return new ScaleChange(year, from, to, mode, true);
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
