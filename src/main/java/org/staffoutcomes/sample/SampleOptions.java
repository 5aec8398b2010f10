package org.staffoutcomes.sample;

/**
 * What to generate: the random seed, how many organisations, and the survey years covered.
 *
 * <p>Outcome datasets reach one year further than the survey ({@code lastYear + 1}) so that every
 * survey year has a lag-1 outcome.
 *
 * @param seed random seed; the same seed and options give byte-identical files
 * @param organisations number of organisations (trusts) in the reference file, 20 to 1000
 * @param firstYear first NHS Staff Survey year
 * @param lastYear last NHS Staff Survey year, not before {@code firstYear}
 * @param microdataShare the share (0 to 1) of each organisation's survey respondents written as
 *     respondent microdata rows, in the years the question catalogue maps; 0 writes none
 */
public record SampleOptions(long seed, int organisations, int firstYear, int lastYear, double microdataShare) {

  /** Default microdata volume: 5% of respondents (about 15 to 450 rows per organisation-year). */
  public static final double DEFAULT_MICRODATA_SHARE = 0.05;

  public SampleOptions(long seed, int organisations, int firstYear, int lastYear) {
    this(seed, organisations, firstYear, lastYear, DEFAULT_MICRODATA_SHARE);
  }

  /** Default seed. (Any seed shows the planted correlations: see {@link CorrelationFit}.) */
  public static final long DEFAULT_SEED = 20240601L;

  public SampleOptions {
    if (organisations < 20 || organisations > 1000) {
      throw new IllegalArgumentException("organisations must be 20..1000, was " + organisations);
    }
    if (firstYear < 2003 || lastYear > 2098 || firstYear > lastYear) {
      throw new IllegalArgumentException(
          "survey years must satisfy 2003 <= firstYear <= lastYear <= 2098, were "
              + firstYear + ".." + lastYear);
    }
    if (!(microdataShare >= 0 && microdataShare <= 1)) {
      throw new IllegalArgumentException("microdata share must be 0..1, was " + microdataShare);
    }
  }

  /** Seed 20240601, 230 organisations, survey years 2012 to 2024. */
  public static SampleOptions defaults() {
    return new SampleOptions(DEFAULT_SEED, 230, 2012, 2024);
  }

  /** The same options with another seed. */
  public SampleOptions withSeed(long newSeed) {
    return new SampleOptions(newSeed, organisations, firstYear, lastYear, microdataShare);
  }

  /** The same options with another microdata volume. */
  public SampleOptions withMicrodataShare(double share) {
    return new SampleOptions(seed, organisations, firstYear, lastYear, share);
  }

  /** Number of survey years. */
  public int surveyYears() {
    return lastYear - firstYear + 1;
  }

  /** Last year (calendar year, or financial year starting in April of it) with outcome data. */
  public int lastOutcomeYear() {
    return lastYear + 1;
  }
}
