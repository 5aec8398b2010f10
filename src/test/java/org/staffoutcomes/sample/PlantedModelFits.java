package org.staffoutcomes.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The regression coefficients of truth.json ({@code coefficients}) recovered from the files: the
 * trust-year table built as the panel builds it ({@link OutcomeFiles}: merged trusts restated,
 * outcomes as their descriptors define them, {@code engagement_n} the summed bases), each model
 * fitted as specified, and every true value inside the fit's 95% confidence interval:
 *
 * <ul>
 *   <li>{@code wls_prior_outcome}: outcome ~ 1 + engagement + outcome_prev1, weighted least squares
 *       with weights {@code engagement_n} (ordinary least squares on rows scaled by the square root
 *       of the weight), conventional standard errors, t with n - 3 degrees of freedom;
 *   <li>{@code fixed_effects}: outcome of the year after ~ engagement + a dummy per trust + a
 *       dummy per year but the first, standard errors clustered by trust (CR1: G/(G-1) *
 *       (N-1)/(N-K)), t with G - 1 degrees of freedom.
 * </ul>
 */
final class PlantedModelFits {

  private PlantedModelFits() {}

  /** One fitted coefficient: estimate and 95% interval. */
  record Fit(double estimate, double low, double high, int n) {
    boolean covers(double truth) {
      return low <= truth && truth <= high;
    }
  }

  static void assertRecovered(Path root, JsonNode truth, SampleOptions options)
      throws IOException {
    Map<String, Double> engagement = OutcomeFiles.engagement(root);
    Map<String, Double> base = OutcomeFiles.engagementBase(root);
    Map<String, Map<String, Double>> outcomes =
        OutcomeFiles.all(root, options.firstYear(), options.lastYear());
    Set<String> models = new HashSet<>();
    for (JsonNode c : truth.get("coefficients")) {
      String model = c.get("model").asText();
      String outcome = c.get("outcome").asText();
      String term = c.get("term").asText();
      double value = c.get("value").asDouble();
      assertEquals("engagement", c.get("staff_measure").asText());
      assertEquals("all", c.get("scope").asText());
      assertTrue(c.get("method").asText().startsWith("Synthetic data."), c.toString());
      Map<String, Double> y = outcomes.get(outcome);
      Fit fit = switch (model) {
        case "wls_prior_outcome" -> {
          assertEquals(0, c.get("lag").asInt());
          yield priorOutcome(engagement, base, y).get(
              term.equals("engagement") ? 1 : term.equals(outcome + "_prev1") ? 2 : -1);
        }
        case "fixed_effects" -> {
          assertEquals(1, c.get("lag").asInt());
          assertEquals("engagement", term);
          yield fixedEffects(engagement, y, 1);
        }
        default -> throw new AssertionError("unknown model " + model);
      };
      System.out.printf(Locale.ROOT, "%s %s lag %d %s: true %.4f, estimate %.4f, 95%% CI %.4f .. %.4f"
          + " (n = %d)%n", model, outcome, c.get("lag").asInt(), term, value, fit.estimate(),
          fit.low(), fit.high(), fit.n());
      assertTrue(fit.covers(value), c + " recovered as " + fit);
      assertTrue(fit.n() > 300, "rows: " + fit.n());
      models.add(model + "|" + outcome + "|" + term);
    }
    assertEquals(Set.of("wls_prior_outcome|shmi|engagement", "wls_prior_outcome|shmi|shmi_prev1",
        "fixed_effects|sickness_absence|engagement"), models);
  }

  /** outcome ~ 1 + engagement + outcome_prev1, weighted by the base: {intercept, engagement, prev1}. */
  static List<Fit> priorOutcome(Map<String, Double> engagement, Map<String, Double> base,
      Map<String, Double> outcome) {
    List<double[]> rows = new ArrayList<>();
    for (Map.Entry<String, Double> e : new TreeMap<>(engagement).entrySet()) {
      String[] key = e.getKey().split("\\|");
      int year = Integer.parseInt(key[1]);
      Double y = outcome.get(key[0] + "|" + year);
      Double previous = outcome.get(key[0] + "|" + (year - 1));
      if (y != null && previous != null) {
        double w = Math.sqrt(base.get(e.getKey()));
        rows.add(new double[] {y * w, w, e.getValue() * w, previous * w});
      }
    }
    double[] yy = rows.stream().mapToDouble(r -> r[0]).toArray();
    double[][] xx = rows.stream().map(r -> new double[] {r[1], r[2], r[3]}).toArray(double[][]::new);
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.setNoIntercept(true);
    ols.newSampleData(yy, xx);
    double[] b = ols.estimateRegressionParameters();
    double[] se = ols.estimateRegressionParametersStandardErrors();
    double t = new TDistribution(rows.size() - 3).inverseCumulativeProbability(0.975);
    List<Fit> out = new ArrayList<>();
    for (int j = 0; j < 3; j++) {
      out.add(new Fit(b[j], b[j] - t * se[j], b[j] + t * se[j], rows.size()));
    }
    return out;
  }

  /**
   * The outcome {@code lag} years later on engagement with trust and year dummies, standard errors
   * clustered by trust (CR1).
   */
  static Fit fixedEffects(Map<String, Double> engagement, Map<String, Double> outcome, int lag) {
    List<String> trusts = new ArrayList<>();
    List<Integer> years = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, Double> e : new TreeMap<>(engagement).entrySet()) {
      String[] key = e.getKey().split("\\|");
      int year = Integer.parseInt(key[1]);
      Double y = outcome.get(key[0] + "|" + (year + lag));
      if (y != null) {
        rows.add(new double[] {y, e.getValue()});
        keys.add(e.getKey());
        if (!trusts.contains(key[0])) {
          trusts.add(key[0]);
        }
        if (!years.contains(year)) {
          years.add(year);
        }
      }
    }
    years.sort(null);
    int n = rows.size();
    int k = 1 + trusts.size() + years.size() - 1;
    double[] yy = new double[n];
    double[][] xx = new double[n][k];
    int[] cluster = new int[n];
    for (int i = 0; i < n; i++) {
      String[] key = keys.get(i).split("\\|");
      yy[i] = rows.get(i)[0];
      xx[i][0] = rows.get(i)[1];
      cluster[i] = trusts.indexOf(key[0]);
      xx[i][1 + cluster[i]] = 1;
      int y = years.indexOf(Integer.parseInt(key[1]));
      if (y > 0) {
        xx[i][trusts.size() + y] = 1;
      }
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.setNoIntercept(true);
    ols.newSampleData(yy, xx);
    double[] b = ols.estimateRegressionParameters();
    double[] u = ols.estimateResiduals();
    // Row 0 of (X'X)^-1 (commons-math's "parameters variance" leaves out the error variance).
    double[] a = ols.estimateRegressionParametersVariance()[0];
    int g = trusts.size();
    double[] score = new double[g];
    for (int i = 0; i < n; i++) {
      double ax = 0;
      for (int j = 0; j < k; j++) {
        ax += a[j] * xx[i][j];
      }
      score[cluster[i]] += ax * u[i];
    }
    double meat = 0;
    for (double s : score) {
      meat += s * s;
    }
    double variance = (double) g / (g - 1) * (n - 1.0) / (n - k) * meat;
    double t = new TDistribution(g - 1).inverseCumulativeProbability(0.975);
    double se = Math.sqrt(variance);
    return new Fit(b[0], b[0] - t * se, b[0] + t * se, n);
  }
}
