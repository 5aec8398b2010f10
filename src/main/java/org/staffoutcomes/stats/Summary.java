package org.staffoutcomes.stats;

/**
 * Five-number summary plus mean of a sample, as R's {@code summary()} of a numeric vector.
 * Quantiles are R's default type 7 (see {@link Descriptive#quantile(double[], double)}). For an
 * empty sample {@code n} is 0 and every other field is NaN.
 *
 * @param n number of values
 * @param mean arithmetic mean
 * @param min smallest value
 * @param q1 first quartile (probability 0.25)
 * @param median median (probability 0.5)
 * @param q3 third quartile (probability 0.75)
 * @param max largest value
 */
public record Summary(
    long n, double mean, double min, double q1, double median, double q3, double max) {}
