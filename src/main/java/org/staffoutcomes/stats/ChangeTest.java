package org.staffoutcomes.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Is a change between two survey years more than sampling noise? Two-sided z-tests of the
 * difference between two years' values of one organisation, and the flag the benchmark reports
 * print beside it (significantly better / worse / no significant change).
 *
 * <p>Invalid arguments throw an {@link IllegalArgumentException} whose message starts with
 * "Cannot"; a test that has no variance to work with (both years 0% or both 100%) gives NaN.
 */
public final class ChangeTest {

  /** Standard normal; no random generator is needed. */
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /** The benchmark reports' level: 5%, two-sided. */
  public static final double ALPHA = 0.05;

  private ChangeTest() {}

  /**
   * One test of a change.
   *
   * @param change later value minus earlier value, on the values' own scale
   * @param z the standardised difference; NaN when the test has no variance
   * @param p the two-sided p-value {@code 2 * Phi(-|z|)}; NaN with z
   */
  public record Result(double change, double z, double p) {}

  /** The flag beside a change, as the benchmark reports word it. */
  public enum Significance {
    BETTER("significantly better"),
    WORSE("significantly worse"),
    NO_CHANGE("no significant change");

    private final String label;

    Significance(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The two-proportion z-test with the pooled standard error and no continuity correction, as
   * R's {@code prop.test(c(x1, x2), c(n1, n2), correct = FALSE)} (whose chi-squared statistic is
   * z squared, so its p-value is this one):
   *
   * <pre>
   *   pooled = (share1 n1 + share2 n2) / (n1 + n2)
   *   z = (share2 - share1) / sqrt(pooled (1 - pooled) (1/n1 + 1/n2)),   p = 2 Phi(-|z|)
   * </pre>
   *
   * <p>The shares need not come from whole counts (a weighted percentage times its base is not a
   * whole number). When both shares are 0 or both 1 there is no variance: z and p are NaN.
   *
   * @param share1 the earlier year's proportion, in [0, 1]
   * @param n1 its base, positive
   * @param share2 the later year's proportion, in [0, 1]
   * @param n2 its base, positive
   * @return {@code share2 - share1} with z and p
   */
  public static Result twoProportions(double share1, double n1, double share2, double n2) {
    share1 = share("1", share1);
    share2 = share("2", share2);
    base("n1", n1);
    base("n2", n2);
    double pooled = (share1 * n1 + share2 * n2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    return result(share2 - share1, se);
  }

  /**
   * The z-test of the difference of two independent means given their standard errors:
   *
   * <pre>
   *   z = (mean2 - mean1) / sqrt(se1^2 + se2^2),   p = 2 Phi(-|z|)
   * </pre>
   *
   * <p>With both standard errors 0, z and p are NaN.
   *
   * @param mean1 the earlier year's mean
   * @param se1 its standard error, 0 or more
   * @param mean2 the later year's mean
   * @param se2 its standard error, 0 or more
   * @return {@code mean2 - mean1} with z and p
   */
  public static Result meanDifference(double mean1, double se1, double mean2, double se2) {
    if (!Double.isFinite(mean1) || !Double.isFinite(mean2)) {
      throw new IllegalArgumentException(
          "Cannot test a change of means " + mean1 + " and " + mean2 + ": both must be finite");
    }
    if (!(se1 >= 0 && se2 >= 0 && Double.isFinite(se1) && Double.isFinite(se2))) {
      throw new IllegalArgumentException("Cannot test a change with standard errors " + se1 + " and " + se2
          + ": they must be finite and not negative");
    }
    return result(mean2 - mean1, Math.sqrt(se1 * se1 + se2 * se2));
  }

  /**
   * The flag of a tested change: significantly better or worse when {@code p < alpha}, by the
   * sign of the change and the measure's direction; else no significant change.
   *
   * @param test a test whose p is not NaN
   * @param higherIsBetter the measure's direction (the catalog's {@code higher_is_better})
   * @param alpha the level, e.g. {@link #ALPHA}
   */
  public static Significance flag(Result test, boolean higherIsBetter, double alpha) {
    if (Double.isNaN(test.p())) {
      throw new IllegalArgumentException("Cannot flag a change whose test has no p-value: " + test);
    }
    if (!(test.p() < alpha) || test.change() == 0) {
      return Significance.NO_CHANGE;
    }
    return (test.change() > 0) == higherIsBetter ? Significance.BETTER : Significance.WORSE;
  }

  /** How far beyond [0, 1] a share may be from floating-point rounding alone. */
  static final double ROUNDING = 1e-9;

  private static Result result(double change, double se) {
    if (!(se > 0)) {
      return new Result(change, Double.NaN, Double.NaN);
    }
    double z = change / se;
    return new Result(change, z, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
  }

  /**
   * A share in [0, 1]; one beyond it by no more than {@link #ROUNDING} (a percentage computed as a
   * weighted mean, e.g. 100.00000000000001) is the bound it rounds to.
   */
  private static double share(String which, double share) {
    if (share > 1 && share <= 1 + ROUNDING) {
      return 1;
    }
    if (share < 0 && share >= -ROUNDING) {
      return 0;
    }
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "Cannot test a change of proportions: share" + which + " is " + share + "; it must be in [0, 1]");
    }
    return share;
  }

  private static void base(String name, double n) {
    if (!(n > 0 && Double.isFinite(n))) {
      throw new IllegalArgumentException(
          "Cannot test a change of proportions: " + name + " is " + n + "; a base must be positive");
    }
  }
}
