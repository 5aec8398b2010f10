package org.staffoutcomes.stats;

/**
 * A random-effects pooled correlation, see {@link RandomEffects#derSimonianLaird(double[], int[])}.
 *
 * @param k number of correlations pooled (after excluding those with n &lt;= 3 or NaN r)
 * @param estimate pooled correlation, {@code tanh} of the pooled Fisher z
 * @param ciLow lower bound of the 95% interval, {@code tanh} of the Fisher-z bound
 * @param ciHigh upper bound of the 95% interval, {@code tanh} of the Fisher-z bound
 * @param p two-sided p-value of the normal (z) test of a zero pooled Fisher z
 * @param tau2 DerSimonian-Laird between-study variance, on the Fisher-z scale
 * @param i2 I^2 in percent (0 to 100)
 * @param q Cochran's Q
 */
public record PooledEstimate(int k, double estimate, double ciLow, double ciHigh, double p,
    double tau2, double i2, double q) {}
