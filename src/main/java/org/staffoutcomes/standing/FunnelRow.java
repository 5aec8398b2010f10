package org.staffoutcomes.standing;

/**
 * One organisation on the funnel plot of a ratio outcome in its latest year
 * ({@code data/funnel_<outcome>.csv}). Value, target and limits are on the measure's scale (a
 * rate per 100,000 bed days, a percentage, a ratio).
 *
 * @param model {@code poisson} or {@code binomial}
 * @param numerator the summed numerator (observed deaths, cases, successes)
 * @param denominator the summed denominator: the volume on the plot's x axis (expected deaths,
 *     bed days, attendances)
 * @param target the pooled value of every organisation that year, {@code scale * sum(num) / sum(den)}
 * @param position {@code above 99.8% limit}, {@code above 95% limit}, {@code within limits},
 *     {@code below 95% limit}, {@code below 99.8% limit}, or {@code not tested: <why>}
 */
public record FunnelRow(String outcome, int year, String orgCode, String model, double numerator,
    double denominator, double value, double target, double lower998, double lower95, double upper95,
    double upper998, String position) {}
