package org.staffoutcomes.trends;

/**
 * One line of {@code data/trends.csv}: the distribution of one measure across organisations in
 * one benchmarking group and survey year. Quantiles are R's type 7 (linear interpolation).
 *
 * @param measure canonical measure name
 * @param group benchmarking group, or {@link #ALL_GROUPS} for every organisation
 * @param year survey year
 */
public record TrendRow(
    String measure,
    String group,
    int year,
    long n,
    double mean,
    double median,
    double q1,
    double q3,
    double min,
    double max) {

  public static final String ALL_GROUPS = "All organisations";
}
