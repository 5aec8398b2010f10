package org.staffoutcomes.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A statistical process control chart of individual values and their moving ranges (XmR), with
 * the special-cause rules of NHS England's "Making Data Count", as the NHS-R package
 * NHSRplotthedots computes them (its {@code ptd_spc_standard} and {@code ptd_calculate_point_type},
 * without its optional screening of large moving ranges):
 *
 * <pre>
 *   mean = mean(x),  MR_i = |x_i - x_(i-1)|,  mean MR = mean of the n - 1 moving ranges
 *   process limits  = mean -/+ 2.66 mean MR     (3 sigma, sigma = mean MR / 1.128)
 *   near the limits = mean -/+ (2 * 2.66 / 3) mean MR   (2 sigma)
 * </pre>
 *
 * Rules, each marking every point that takes part:
 * <ul>
 *   <li>{@link Rule#BEYOND_LIMIT}: a point above the upper or below the lower limit;
 *   <li>{@link Rule#SHIFT}: a run of {@code shiftLength} (default 7) or more consecutive points on
 *       the same side of the mean (a point equal to the mean breaks the run);
 *   <li>{@link Rule#TREND}: {@code trendLength} (default 7) or more consecutive points each strictly
 *       higher, or each strictly lower, than the one before (an equal pair breaks the trend);
 *   <li>{@link Rule#TWO_OF_THREE}: within three consecutive points all on the same side of the
 *       mean, two or three lie beyond the 2-sigma line but inside the limits; those points are
 *       marked.
 * </ul>
 */
public final class XmrChart {

  /** The constant turning the mean moving range into 3-sigma limits (3 / 1.128). */
  public static final double LIMIT = 2.66;
  /** MDC's default length of a shift and of a trend. */
  public static final int DEFAULT_RUN = 7;

  private XmrChart() {}

  /** A special-cause rule, with the word written in CSVs. */
  public enum Rule {
    BEYOND_LIMIT("beyond_limit"),
    SHIFT("shift"),
    TREND("trend"),
    TWO_OF_THREE("two_of_three");

    private final String word;

    Rule(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  /**
   * One point of the chart.
   *
   * @param value the value
   * @param movingRange {@code |value - previous value|}; NaN for the first point
   * @param side +1 above the mean, -1 below, 0 on it
   * @param rules the rules the point takes part in; empty for common-cause variation
   */
  public record Point(double value, double movingRange, int side, Set<Rule> rules) {
    public Point {
      rules = Collections.unmodifiableSet(rules.isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(rules));
    }

    public boolean specialCause() {
      return !rules.isEmpty();
    }
  }

  /**
   * The chart: centre line, limits and points. With one point the moving-range mean and every
   * limit are NaN and no rule can fire; with none, the mean is NaN too.
   */
  public record Chart(double mean, double movingRangeMean, double lowerLimit, double upperLimit,
      double nearLower, double nearUpper, List<Point> points) {
    public Chart {
      points = List.copyOf(points);
    }
  }

  /** The chart with MDC's default runs of 7. */
  public static Chart of(double[] values) {
    return of(values, DEFAULT_RUN, DEFAULT_RUN);
  }

  /**
   * The chart of a series in time order (no gaps: a missing period is the caller's to drop or fill).
   *
   * @param values the series, finite; not modified
   * @param shiftLength points on one side of the mean that make a shift, at least 2
   * @param trendLength rising or falling points that make a trend, at least 2
   * @throws IllegalArgumentException if a value is not finite or a length is below 2
   */
  public static Chart of(double[] values, int shiftLength, int trendLength) {
    Checks.finite("draw an XmR chart", "values", values);
    if (shiftLength < 2 || trendLength < 2) {
      throw new IllegalArgumentException("Cannot draw an XmR chart with a shift of " + shiftLength
          + " and a trend of " + trendLength + " points: each must be at least 2");
    }
    int n = values.length;
    double mean = Descriptive.meanOfChecked(values);
    double[] mr = new double[Math.max(n - 1, 0)];
    for (int i = 1; i < n; i++) {
      mr[i - 1] = Math.abs(values[i] - values[i - 1]);
    }
    double mrMean = Descriptive.meanOfChecked(mr);
    double lower = mean - LIMIT * mrMean;
    double upper = mean + LIMIT * mrMean;
    double nearLower = mean - (2 * (LIMIT / 3)) * mrMean;
    double nearUpper = mean + (2 * (LIMIT / 3)) * mrMean;
    int[] side = new int[n];
    boolean[] outside = new boolean[n];
    boolean[] near = new boolean[n];
    List<Set<Rule>> rules = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      side[i] = (int) Math.signum(values[i] - mean);
      outside[i] = values[i] > upper || values[i] < lower;
      near[i] = !outside[i] && (values[i] < nearLower || values[i] > nearUpper);
      rules.add(EnumSet.noneOf(Rule.class));
      if (outside[i]) {
        rules.get(i).add(Rule.BEYOND_LIMIT);
      }
    }
    markRuns(rules, Rule.SHIFT, side, shiftLength, 0);
    int[] step = new int[n]; // step[i]: the sign of x_i - x_(i-1); 0 for the first point
    for (int i = 1; i < n; i++) {
      step[i] = (int) Math.signum(values[i] - values[i - 1]);
    }
    // A trend of k points is k - 1 steps of the same sign, plus the point the first step leaves.
    markRuns(rules, Rule.TREND, step, trendLength - 1, 1);
    for (int start = 0; start + 2 < n; start++) {
      int s = side[start];
      if (s == 0 || side[start + 1] != s || side[start + 2] != s) {
        continue;
      }
      int nearCount = (near[start] ? 1 : 0) + (near[start + 1] ? 1 : 0) + (near[start + 2] ? 1 : 0);
      if (nearCount >= 2) {
        for (int i = start; i < start + 3; i++) {
          if (near[i]) {
            rules.get(i).add(Rule.TWO_OF_THREE);
          }
        }
      }
    }
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      points.add(new Point(values[i], i == 0 ? Double.NaN : mr[i - 1], side[i], rules.get(i)));
    }
    return new Chart(mean, mrMean, lower, upper, nearLower, nearUpper, points);
  }

  /**
   * Whether a special-cause point shows improvement: it lies on the better side of the mean (as
   * NHSRplotthedots decides improvement or concern for every rule).
   */
  public static boolean improvement(Point p, boolean higherIsBetter) {
    return p.side() == (higherIsBetter ? 1 : -1);
  }

  /**
   * Marks each maximal stretch of equal, non-zero signs at least {@code length} long, and the
   * {@code lead} points before it.
   */
  private static void markRuns(List<Set<Rule>> rules, Rule rule, int[] sign, int length, int lead) {
    int start = 0;
    while (start < sign.length) {
      int end = start + 1;
      while (end < sign.length && sign[end] == sign[start]) {
        end++;
      }
      if (sign[start] != 0 && end - start >= length) {
        for (int j = start - lead; j < end; j++) {
          rules.get(j).add(rule);
        }
      }
      start = end;
    }
  }
}
