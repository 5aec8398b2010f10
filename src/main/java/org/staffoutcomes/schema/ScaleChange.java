package org.staffoutcomes.schema;

import java.util.List;

/**
 * A measure whose scale changed in survey year {@code year} (the Staff Survey moved engagement
 * from 1-5 to 0-10 in 2018). Values of earlier survey years are rescaled linearly from
 * {@code from} onto {@code to} ([1, 5] onto [0, 10]: (x - 1) x 2.5), flagged in the panel, and the
 * trend chart marks the break.
 */
public record ScaleChange(Integer year, List<Double> from, List<Double> to) implements java.io.Serializable {

  public ScaleChange {
    from = from == null ? List.of() : List.copyOf(from);
    to = to == null ? List.of() : List.copyOf(to);
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
    return year + ": scale changed; earlier years rescaled from " + fmt(from.get(0)) + "-" + fmt(from.get(1))
        + " to " + fmt(to.get(0)) + "-" + fmt(to.get(1));
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
