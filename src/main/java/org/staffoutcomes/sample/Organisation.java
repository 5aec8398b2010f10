package org.staffoutcomes.sample;

/**
 * One generated organisation (trust).
 *
 * @param index position in the generator's organisation list (sorted by code); indexes the latent
 *     arrays
 * @param code ODS-shaped code (e.g. {@code R1H})
 * @param name organisation name
 * @param group benchmarking group (gives the trust type)
 * @param region NHS England region
 * @param headcount staff headcount around the middle of the period; sizes respondents, sickness
 *     FTE and hospital activity
 * @param startYear first year the organisation exists (calendar year, or financial year starting
 *     in April of it)
 * @param endYear last year the organisation exists
 * @param successor code of the organisation it merged into from April of {@code endYear + 1}, or
 *     null when it was not succeeded (see {@link Successions})
 */
record Organisation(
    int index,
    String code,
    String name,
    BenchmarkGroup group,
    Region region,
    int headcount,
    int startYear,
    int endYear,
    String successor) {

  boolean activeIn(int year) {
    return year >= startYear && year <= endYear;
  }

  String trustType() {
    return group.trustType();
  }

  Organisation withIndex(int newIndex) {
    return new Organisation(newIndex, code, name, group, region, headcount, startYear, endYear,
        successor);
  }

  /** The same organisation merged into {@code successorCode} on 1 April of {@code year}. */
  Organisation mergedInto(String successorCode, int year) {
    return new Organisation(index, code, name, group, region, headcount, startYear, year - 1,
        successorCode);
  }
}
