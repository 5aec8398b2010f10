package org.staffoutcomes.standing;

/**
 * One point of an organisation's XmR chart of one measure ({@code data/spc.csv}); the chart's
 * mean and limits repeat on each of its points.
 *
 * @param movingRange {@code |value - the previous point's value|}; NaN for the first point
 * @param nearLower the 2-sigma line below the mean (two of three beyond it mark special cause)
 * @param rules the Making Data Count rules the point takes part in, {@code ;}-separated
 *     ({@code beyond_limit}, {@code shift}, {@code trend}, {@code two_of_three}); empty for none
 * @param variation {@code common cause}, {@code special cause improvement} or {@code special cause
 *     concern}
 * @param note empty, or why the limits deserve caution
 */
public record SpcRow(String orgCode, String measure, int year, double value, double movingRange, double mean,
    double lowerLimit, double upperLimit, double nearLower, double nearUpper, String rules, String variation,
    String note) {}
