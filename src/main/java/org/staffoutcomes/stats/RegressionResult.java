package org.staffoutcomes.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fitted linear model: its coefficients and fit statistics.
 *
 * @param terms the coefficients, in the order the fitting method documents (an unmodifiable
 *     copy)
 * @param n number of observations used
 * @param nGroups number of clusters (units) for {@link FixedEffects}; 0 for a model without them
 * @param r2 R^2: the weighted R^2 of {@link WeightedLeastSquares}, or the within R^2 of
 *     {@link FixedEffects}; NaN when undefined
 * @param dfResidual degrees of freedom of the terms' t tests: {@code n - parameters} for
 *     {@link WeightedLeastSquares}, {@code nGroups - 1} for clustered {@link FixedEffects}; 0 when
 *     the model has no residual degrees of freedom
 */
public record RegressionResult(
    List<RegressionTerm> terms, int n, int nGroups, double r2, int dfResidual) {

  /** Copies {@code terms} so the result cannot change later. */
  public RegressionResult {
    terms = List.copyOf(terms);
  }

  /**
   * The term of the given name.
   *
   * @param name a predictor's name, or {@code "intercept"}
   * @return the term, or empty if the model has no term of that name
   */
  public Optional<RegressionTerm> term(String name) {
    return terms.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** A result whose terms (named {@code names}) and R^2 are NaN. */
  static RegressionResult undefined(String[] names, int n, int nGroups, int dfResidual) {
    List<RegressionTerm> terms = new ArrayList<>();
    for (String name : names) {
      terms.add(RegressionTerm.undefined(name));
    }
    return new RegressionResult(terms, n, nGroups, Double.NaN, Math.max(0, dfResidual));
  }
}
