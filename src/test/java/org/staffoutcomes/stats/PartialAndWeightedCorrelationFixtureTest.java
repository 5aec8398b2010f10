package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Correlation#weightedPearson} and {@link PartialCorrelation} against R and exact rational
 * arithmetic ({@code stats-fixtures/regression/}, see {@code make_regression_fixtures.R} and
 * {@code make_exact_fixtures.py}): the weighted r of {@code cov.wt(..., cor = TRUE)} with the
 * slope test of {@code lm(y ~ x, weights = w)}; the correlation of {@code resid(lm(x ~ Z))} and
 * {@code resid(lm(y ~ Z))} with ppcor::pcor.test's t and p formulas written out; Fisher-z
 * intervals.
 */
class PartialAndWeightedCorrelationFixtureTest {

  static Stream<Map<String, String>> weightedCases() {
    return Fixtures.read("regression/weighted_pearson_r.csv").stream();
  }

  static Stream<Map<String, String>> partialCases() {
    return Fixtures.read("regression/partial_r.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("weightedCases")
  void weightedPearsonMatchesR(Map<String, String> e) {
    Map<String, double[]> d = WeightedLeastSquaresFixtureTest.DATA.get(e.get("dataset"));
    CorrelationResult res =
        Correlation.weightedPearson(d.get(e.get("x")), d.get(e.get("y")), d.get(e.get("w")));
    Fixtures.assertCorrelation(e, res, "weighted_pearson",
        WeightedLeastSquaresFixtureTest.EXACT_TOL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("partialCases")
  void partialCorrelationMatchesR(Map<String, String> e) {
    Map<String, double[]> d = WeightedLeastSquaresFixtureTest.DATA.get(e.get("dataset"));
    double[][] z = Stream.of(e.get("covariates").split(" ")).map(d::get).toArray(double[][]::new);
    CorrelationResult res = PartialCorrelation.of(d.get(e.get("x")), d.get(e.get("y")), z);
    assertEquals(Integer.parseInt(e.get("k")), z.length, e.get("case") + " k");
    Fixtures.assertCorrelation(e, res, "partial", WeightedLeastSquaresFixtureTest.EXACT_TOL);
  }
}
