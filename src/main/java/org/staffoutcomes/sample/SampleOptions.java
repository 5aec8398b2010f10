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
 */
public record SampleOptions(long seed, int organisations, int firstYear, int lastYear) {

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
  }

  /** Seed 20240601, 230 organisations, survey years 2012 to 2024. */
  public static SampleOptions defaults() {
    return new SampleOptions(DEFAULT_SEED, 230, 2012, 2024);
  }

  /** The same options with another seed. */
  public SampleOptions withSeed(long newSeed) {
    return new SampleOptions(newSeed, organisations, firstYear, lastYear);
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
