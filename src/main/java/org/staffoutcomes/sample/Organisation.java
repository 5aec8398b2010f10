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
 */
record Organisation(
    int index,
    String code,
    String name,
    BenchmarkGroup group,
    Region region,
    int headcount,
    int startYear,
    int endYear) {

  boolean activeIn(int year) {
    return year >= startYear && year <= endYear;
  }

  String trustType() {
    return group.trustType();
  }

  Organisation withIndex(int newIndex) {
    return new Organisation(newIndex, code, name, group, region, headcount, startYear, endYear);
  }
}
