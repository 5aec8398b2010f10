package org.staffoutcomes.standing;

/**
 * One organisation's change in one staff measure: from the previous survey year and from five
 * survey years before, each with its test ({@code data/changes.csv}). Missing numbers are NaN.
 *
 * @param value the measure in {@code year}
 * @param n its base (respondents), NaN when the panel holds none
 * @param previousYear {@code year - 1}
 * @param previousValue the value in {@code previousYear}, NaN when there is none
 * @param change {@code value - previousValue}, on the measure's scale (percentage points for a %)
 * @param p two-sided p of the change's test; NaN when not tested
 * @param significance {@code significantly better}, {@code significantly worse}, {@code no significant
 *     change}, or {@code not tested: <why>}
 * @param fiveYearChange {@code value} minus the value in {@code year - 5}
 * @param fiveYearP p of that change's test
 * @param fiveYearSignificance as {@code significance}, for the five-year change
 */
public record ChangeRow(String orgCode, String measure, int year, double value, double n, int previousYear,
    double previousValue, double change, double p, String significance, double fiveYearChange, double fiveYearP,
    String fiveYearSignificance) {}
